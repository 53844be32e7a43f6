package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** Reconciles a ShieldModel into its model-serving workloads. */
@ControllerConfiguration(name = "shieldmodel")
public class ShieldModelReconciler implements Reconciler<ShieldModel> {

  @Override
  public UpdateControl<ShieldModel> reconcile(ShieldModel model, Context<ShieldModel> context) {
    return UpdateControl.noUpdate();
  }
}
