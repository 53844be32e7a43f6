package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelAutoscalers;
import io.cybershield.shield.operator.reconciler.ModelContext;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;

import java.util.List;
import java.util.Objects;

/**
 * An HPA for each private-cloud Deployment that is not parked, where KEDA is not installed; it owns that Deployment's replica count and carries
 * the incident surge's floor. A standalone dependent of the floor controller ({@code SurgeFloorReconciler}), its only
 * writer; the ShieldModel controller only reads the HPAs.
 */
public class ModelAutoscalersDependent extends ModelBulkDependent<HorizontalPodAutoscaler> {

  public ModelAutoscalersDependent() {
    super(HorizontalPodAutoscaler.class);
    // what @KubernetesDependent says for the managed dependents: watch only the objects the operator manages
    configureWith(new KubernetesDependentResourceConfigBuilder<HorizontalPodAutoscaler>()
        .withKubernetesDependentInformerConfig(InformerConfiguration.builder(HorizontalPodAutoscaler.class)
            .withLabelSelector(DependentLabels.MANAGED).build())
        .build());
  }

  /**
   * An HPA whose floor moved needs writing whatever else it says: the floor is compared first, and only an HPA that
   * already carries its floor gets the full comparison (which puts right any other drift).
   */
  @Override
  public Matcher.Result<HorizontalPodAutoscaler> match(HorizontalPodAutoscaler actual,
      HorizontalPodAutoscaler desired, ShieldModel model, Context<ShieldModel> context) {
    if (!Objects.equals(actual.getSpec() == null ? null : actual.getSpec().getMinReplicas(),
        desired.getSpec().getMinReplicas())) {
      return Matcher.Result.computed(false, desired);
    }
    return super.match(actual, desired, model, context);
  }

  /** None where KEDA scales the Deployments (its ScaledObjects make their own HPAs): those of before are deleted. */
  @Override
  protected List<HorizontalPodAutoscaler> desiredList(ShieldModel model, Context<ShieldModel> context) {
    if (ModelContext.keda(context).isPresent()) {
      return List.of();
    }
    return ModelAutoscalers.desired(model, ModelContext.floors(context));
  }
}
