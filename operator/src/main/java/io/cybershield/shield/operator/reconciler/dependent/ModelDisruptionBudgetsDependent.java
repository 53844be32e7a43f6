package io.cybershield.shield.operator.reconciler.dependent;

import java.util.ArrayList;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.reconciler.ModelContext;
import io.cybershield.shield.operator.model.ModelDisruptionBudgets;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.List;

/** PodDisruptionBudgets that keep a drain from taking a whole pool of a variant down at once. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelDisruptionBudgetsDependent extends ModelBulkDependent<PodDisruptionBudget> {

  public ModelDisruptionBudgetsDependent() {
    super(PodDisruptionBudget.class);
  }

  @Override
  protected List<PodDisruptionBudget> desiredList(ShieldModel model, Context<ShieldModel> context) {
    List<PodDisruptionBudget> budgets = new ArrayList<>(ModelDisruptionBudgets.desired(model,
        ModelContext.floors(context)));
    budgets.addAll(ModelGateway.disruptionBudgets(model, ModelContext.gateway(context)));
    return budgets;
  }
}
