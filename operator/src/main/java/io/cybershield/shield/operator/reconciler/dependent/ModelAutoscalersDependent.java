package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelAutoscalers;
import io.cybershield.shield.operator.reconciler.ModelContext;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;

import java.util.List;

/**
 * An HPA for each private-cloud Deployment that is not parked; it owns that Deployment's replica count and carries
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

  @Override
  protected List<HorizontalPodAutoscaler> desiredList(ShieldModel model, Context<ShieldModel> context) {
    return ModelAutoscalers.desired(model, ModelContext.floors(context));
  }
}
