package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.OnPremPool;
import io.cybershield.shield.api.v1alpha1.model.spec.Placement;
import io.cybershield.shield.api.v1alpha1.model.spec.PrivateCloudPool;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which pools of a ShieldModel run replicas, how many, and on which nodes. The single place that decides that a
 * restricted model never runs in the private cloud.
 */
public final class ModelPools {

  /** Replicas of an on-premises pool that does not say (the CRD default). */
  static final int DEFAULT_ONPREM_REPLICAS = 1;

  private ModelPools() {
  }

  /** The pools that get a Deployment, on premises first. */
  public static List<Pool> deployedPools(ShieldModel model) {
    List<Pool> pools = new ArrayList<>(2);
    if (onPremDeployed(model)) {
      pools.add(Pool.ONPREM);
    }
    if (privateCloudDeployed(model)) {
      pools.add(Pool.PRIVATE_CLOUD);
    }
    return pools;
  }

  /** Whether the on-premises pool exists and has replicas. */
  public static boolean onPremDeployed(ShieldModel model) {
    return onPrem(model) != null && onPremReplicas(model) > 0;
  }

  /** Replicas of every variant on premises; 0 without an on-premises pool. */
  public static int onPremReplicas(ShieldModel model) {
    OnPremPool onPrem = onPrem(model);
    if (onPrem == null) {
      return 0;
    }
    return onPrem.replicas() == null ? DEFAULT_ONPREM_REPLICAS : Math.max(0, onPrem.replicas());
  }

  /**
   * Whether the private-cloud pool exists and may run replicas. Never for restricted data, whatever the placement
   * says: the CRD already refuses that combination, this is the second line of defence.
   */
  public static boolean privateCloudDeployed(ShieldModel model) {
    return model.getSpec().dataClassification() != DataClassification.RESTRICTED
        && privateCloudMaxReplicas(model) > 0;
  }

  /** The most replicas of every variant in the private cloud; 0 without a private-cloud pool. */
  public static int privateCloudMaxReplicas(ShieldModel model) {
    PrivateCloudPool cloud = privateCloud(model);
    return cloud == null || cloud.maxReplicas() == null ? 0 : Math.max(0, cloud.maxReplicas());
  }

  /**
   * The private-cloud replica floor of a variant: the one given (an incident surge or the gateway's wake-up raises
   * it), else {@code minReplicas}; never below 0 nor above {@code maxReplicas}, and 0 when the pool may not run.
   */
  public static int privateCloudFloor(ShieldModel model, String variant, Map<String, Integer> floorByVariant) {
    if (!privateCloudDeployed(model)) {
      return 0;
    }
    Integer given = floorByVariant == null ? null : floorByVariant.get(variant);
    Integer min = privateCloud(model).minReplicas();
    int floor = given != null ? given : (min == null ? 0 : min);
    return Math.min(Math.max(0, floor), privateCloudMaxReplicas(model));
  }

  /** The pool's node selector, or the pool label {@link ShieldNames#POOL_LABEL} when it has none. */
  public static Map<String, String> nodeSelector(ShieldModel model, Pool pool) {
    PoolScheduling scheduling = scheduling(model, pool);
    if (scheduling != null && scheduling.nodeSelector() != null && !scheduling.nodeSelector().isEmpty()) {
      return new LinkedHashMap<>(scheduling.nodeSelector());
    }
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(ShieldNames.POOL_LABEL, ShieldNames.poolLabelValue(pool));
    return selector;
  }

  /** Copies of the pool's tolerations. */
  public static List<Toleration> tolerations(ShieldModel model, Pool pool) {
    PoolScheduling scheduling = scheduling(model, pool);
    List<Toleration> tolerations = new ArrayList<>();
    if (scheduling != null && scheduling.tolerations() != null) {
      scheduling.tolerations().forEach(t -> tolerations.add(new TolerationBuilder(t).build()));
    }
    return tolerations;
  }

  private static PoolScheduling scheduling(ShieldModel model, Pool pool) {
    return pool == Pool.ONPREM ? onPrem(model) : privateCloud(model);
  }

  private static OnPremPool onPrem(ShieldModel model) {
    Placement placement = model.getSpec().placement();
    return placement == null ? null : placement.onPrem();
  }

  private static PrivateCloudPool privateCloud(ShieldModel model) {
    Placement placement = model.getSpec().placement();
    return placement == null ? null : placement.privateCloud();
  }
}
