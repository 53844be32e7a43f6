package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelScaledObjects;
import io.cybershield.shield.operator.reconciler.ModelContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;

import java.util.List;
import java.util.Objects;

/**
 * Where KEDA is installed, a ScaledObject for each private-cloud Deployment in place of its HPA: it owns that
 * Deployment's replica count from zero up and carries the incident surge's floor as {@code minReplicaCount}. Like
 * {@link ModelAutoscalersDependent}, a standalone dependent of the floor controller ({@code SurgeFloorReconciler}),
 * its only writer, which reconciles it only while KEDA's CRD exists and registers its informer then.
 */
public class ModelScaledObjectsDependent extends ModelBulkDependent<ScaledObject> {

  public ModelScaledObjectsDependent() {
    super(ScaledObject.class);
    configureWith(new KubernetesDependentResourceConfigBuilder<ScaledObject>()
        .withKubernetesDependentInformerConfig(InformerConfiguration.builder(ScaledObject.class)
            .withLabelSelector(DependentLabels.MANAGED).build())
        .build());
  }

  /** A ScaledObject whose floor moved needs writing whatever else it says, as an HPA does. */
  @Override
  public Matcher.Result<ScaledObject> match(ScaledObject actual, ScaledObject desired, ShieldModel model,
      Context<ShieldModel> context) {
    if (!Objects.equals(ModelScaledObjects.floor(actual), ModelScaledObjects.floor(desired))) {
      return Matcher.Result.computed(false, desired);
    }
    return super.match(actual, desired, model, context);
  }

  @Override
  protected List<ScaledObject> desiredList(ShieldModel model, Context<ShieldModel> context) {
    return ModelContext.keda(context)
        .map(settings -> ModelScaledObjects.desired(model, ModelContext.floors(context), settings).stream()
            .map(built -> Serialization.unmarshal(Serialization.asJson(built), ScaledObject.class)).toList())
        .orElse(List.of());
  }
}
