package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.reconciler.dependent.ModelScaledObjectsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ScaledObject;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;

/**
 * Whether KEDA scales the private-cloud Deployments: where the CRD {@code scaledobjects.keda.sh} exists. The very
 * condition that activates the ServiceMonitor dependent where its CRD exists ({@link CRDPresentActivationCondition},
 * with its JVM-wide memory of which CRDs it found and its re-checks of a missing one: at most every 10 s, ten times),
 * asked by both controllers
 * that must agree: the floor controller, which writes ScaledObjects instead of HPAs, and the ShieldModel controller,
 * which then leaves every private-cloud Deployment's replica count to KEDA.
 */
final class KedaActivation {

  /** KEDA's ScaledObject CRD. */
  static final String CRD = "scaledobjects.keda.sh";

  private final CRDPresentActivationCondition<ScaledObject, ShieldModel> crdPresent =
      new CRDPresentActivationCondition<>();
  private final ModelScaledObjectsDependent scaledObjects;

  KedaActivation(ModelScaledObjectsDependent scaledObjects) {
    this.scaledObjects = scaledObjects;
  }

  /** Whether KEDA's ScaledObject CRD exists. */
  boolean installed(ShieldModel model, Context<ShieldModel> context) {
    return crdPresent.isMet(scaledObjects, model, context);
  }
}
