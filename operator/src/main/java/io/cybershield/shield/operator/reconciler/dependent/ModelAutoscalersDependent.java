package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.reconciler.SurgeContext;
import io.cybershield.shield.operator.model.ModelAutoscalers;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.List;

/** An HPA for each private-cloud Deployment that is not parked; it owns that Deployment's replica count. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelAutoscalersDependent extends ModelBulkDependent<HorizontalPodAutoscaler> {

  public ModelAutoscalersDependent() {
    super(HorizontalPodAutoscaler.class);
  }

  @Override
  protected List<HorizontalPodAutoscaler> desiredList(ShieldModel model, Context<ShieldModel> context) {
    return ModelAutoscalers.desired(model, SurgeContext.floors(model, context));
  }
}
