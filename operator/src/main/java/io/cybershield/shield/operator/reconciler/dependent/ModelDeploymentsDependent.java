package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.reconciler.ModelContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.List;

/** The DJL Serving Deployments, one per variant and pool. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelDeploymentsDependent extends ModelBulkDependent<Deployment> {

  public ModelDeploymentsDependent() {
    super(Deployment.class);
  }

  @Override
  protected List<Deployment> desiredList(ShieldModel model, Context<ShieldModel> context) {
    return ModelContext.deployments(model, context);
  }
}
