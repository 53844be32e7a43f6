package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PodDisruptionBudget per model-server Deployment that can run two or more replicas: node drains evict its pods one
 * at a time. On premises that is {@code replicas >= 2}; in the private cloud a pool with a floor whose
 * {@code maxReplicas >= 2} (its HPA may run several). A single replica gets none: {@code maxUnavailable: 1} would not
 * protect it, and anything stricter would block drains for good.
 */
public final class ModelDisruptionBudgets {

  /**
   * Pods that are not ready (loading weights for up to half an hour, or crash-looping) may always be evicted: they
   * serve nothing, and counting them would block node drains behind a pod that is not working anyway.
   */
  static final String UNHEALTHY_POD_EVICTION_POLICY = "AlwaysAllow";

  private ModelDisruptionBudgets() {
  }

  /** The budgets with the private-cloud floors of {@code minReplicas}. */
  public static List<PodDisruptionBudget> desired(ShieldModel model) {
    return desired(model, Map.of());
  }

  /** The budgets with the private-cloud floors of {@link ModelPools#privateCloudFloor}. */
  public static List<PodDisruptionBudget> desired(ShieldModel model, Map<String, Integer> cloudFloorByVariant) {
    List<PodDisruptionBudget> budgets = new ArrayList<>();
    for (Variant variant : model.getSpec().variants()) {
      for (Pool pool : ModelPools.deployedPools(model)) {
        if (mayRunSeveral(model, variant.name(), pool, cloudFloorByVariant)) {
          budgets.add(budget(model, variant.name(), pool));
        }
      }
    }
    return budgets;
  }

  private static boolean mayRunSeveral(ShieldModel model, String variant, Pool pool, Map<String, Integer> floors) {
    if (pool == Pool.ONPREM) {
      return ModelPools.onPremReplicas(model) >= 2;
    }
    return ModelPools.privateCloudFloor(model, variant, floors) > 0 && ModelPools.privateCloudMaxReplicas(model) >= 2;
  }

  private static PodDisruptionBudget budget(ShieldModel model, String variant, Pool pool) {
    String modelName = model.getMetadata().getName();
    return new PodDisruptionBudgetBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.podDisruptionBudget(modelName, variant, pool),
            ModelMetadata.poolLabels(model, variant, pool)))
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(new LinkedHashMap<>(ShieldNames.modelPodSelector(modelName, variant, pool)))
        .endSelector()
        .withUnhealthyPodEvictionPolicy(UNHEALTHY_POD_EVICTION_POLICY)
        .endSpec()
        .build();
  }
}
