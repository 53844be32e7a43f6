package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DJL Serving Deployments of a ShieldModel: {@code <model>-<variant>-onprem} and {@code <model>-<variant>-cloud}
 * for every variant, for the pools that may run replicas.
 */
public final class ModelServerDeployments {

  /**
   * Seconds without progress before a rollout counts as failed: the startup budget of a pod, plus ten minutes to
   * schedule it and pull an LMI image of some 20 GB onto a fresh node.
   */
  static final int PROGRESS_DEADLINE_SECONDS = ModelServerPodTemplates.STARTUP_BUDGET_SECONDS + 600;
  /** Old ReplicaSets kept for {@code kubectl rollout undo}; retrain rollbacks go through the served version instead. */
  static final int REVISION_HISTORY_LIMIT = 3;

  private ModelServerDeployments() {
  }

  /** The Deployments with the private-cloud floors of {@code spec.placement.privateCloud.minReplicas}. */
  public static List<Deployment> desired(ShieldModel model) {
    return desired(model, Map.of());
  }

  /**
   * The Deployments, with the private-cloud floor of each variant taken from {@code cloudFloorByVariant} (raised by
   * incident surges or by the gateway) and from {@code minReplicas} for a variant it does not name. A private-cloud
   * Deployment with a floor has no replica count: its HorizontalPodAutoscaler owns it. One without is parked at 0.
   */
  public static List<Deployment> desired(ShieldModel model, Map<String, Integer> cloudFloorByVariant) {
    return desired(model, cloudFloorByVariant, false);
  }

  /**
   * As {@link #desired(ShieldModel, Map)}; where {@code kedaScales} (KEDA is installed and each private-cloud
   * Deployment has a ScaledObject), no private-cloud Deployment has a replica count, parked ones included: KEDA owns
   * it, and scales from zero.
   */
  public static List<Deployment> desired(ShieldModel model, Map<String, Integer> cloudFloorByVariant,
      boolean kedaScales) {
    List<Deployment> deployments = new ArrayList<>();
    for (Variant variant : model.getSpec().variants()) {
      for (Pool pool : ModelPools.deployedPools(model)) {
        deployments.add(deployment(model, variant, pool,
            replicas(model, variant, pool, cloudFloorByVariant, kedaScales)));
      }
    }
    return deployments;
  }

  /**
   * Desired replicas: fixed on premises; in the private cloud {@code null} (the autoscaler's) or, without KEDA,
   * 0 (parked).
   */
  static Integer replicas(ShieldModel model, Variant variant, Pool pool, Map<String, Integer> cloudFloorByVariant,
      boolean kedaScales) {
    if (pool == Pool.ONPREM) {
      return ModelPools.onPremReplicas(model);
    }
    return kedaScales || ModelPools.privateCloudFloor(model, variant.name(), cloudFloorByVariant) > 0 ? null : 0;
  }

  private static Deployment deployment(ShieldModel model, Variant variant, Pool pool, Integer replicas) {
    String modelName = model.getMetadata().getName();
    return new DeploymentBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.deployment(modelName, variant.name(), pool),
            ModelMetadata.workloadLabels(model, variant.name(), pool)))
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(new LinkedHashMap<>(ShieldNames.modelPodSelector(modelName, variant.name(), pool)))
        .endSelector()
        .withTemplate(ModelServerPodTemplates.desired(model, variant, pool))
        // No surge: GPUs are the scarce resource in both pools, so a surge pod would usually stay Pending and stall
        // the rollout, and in the private cloud it would break the surge's GPU budget. Replacing one pod at a time
        // costs one replica of capacity during a rollout, which the other pool and the gateway's routing absorb.
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(0))
        .withMaxUnavailable(new IntOrString(1))
        .endRollingUpdate()
        .endStrategy()
        .withProgressDeadlineSeconds(PROGRESS_DEADLINE_SECONDS)
        .withRevisionHistoryLimit(REVISION_HISTORY_LIMIT)
        .endSpec()
        .build();
  }
}
