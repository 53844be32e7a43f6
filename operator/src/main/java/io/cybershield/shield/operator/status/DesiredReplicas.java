package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;

import java.util.Objects;

/**
 * What the desired-state builders decided for one variant in one pool, as the status aggregator needs it.
 *
 * @param variant    the variant's name
 * @param pool       the pool
 * @param deployment the Deployment serving it, or null when the pool gets none (on-prem replicas 0, cloud
 *                   maxReplicas 0)
 * @param replicas   the replicas the operator wants; for an autoscaled pool the floor the HorizontalPodAutoscaler
 *                   may not go below
 * @param floor      the private-cloud replica floor (minReplicas, raised by a surge), or null on premises
 * @param autoscaled whether a HorizontalPodAutoscaler sets the Deployment's replicas, so that the observed
 *                   Deployment's {@code spec.replicas} (at least {@code replicas}) is what is desired
 */
public record DesiredReplicas(String variant, Pool pool, String deployment, int replicas, Integer floor,
                              boolean autoscaled) {

  public DesiredReplicas {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(pool, "pool");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative, got " + replicas);
    }
  }

  /** A Deployment with a fixed replica count (the on-prem pool, or a parked cloud pool with 0). */
  public static DesiredReplicas fixed(String model, String variant, Pool pool, int replicas) {
    return new DesiredReplicas(variant, pool, ShieldNames.deployment(model, variant, pool), replicas,
        pool == Pool.PRIVATE_CLOUD ? replicas : null, false);
  }

  /** A private-cloud Deployment scaled by its HorizontalPodAutoscaler, never below {@code floor}. */
  public static DesiredReplicas autoscaled(String model, String variant, int floor) {
    return new DesiredReplicas(variant, Pool.PRIVATE_CLOUD,
        ShieldNames.deployment(model, variant, Pool.PRIVATE_CLOUD), floor, floor, true);
  }

  /** A private-cloud pool parked at zero replicas: its Deployment exists with 0 replicas and no HPA. */
  public static DesiredReplicas parked(String model, String variant) {
    return fixed(model, variant, Pool.PRIVATE_CLOUD, 0);
  }

  /** A pool that gets no Deployment at all. */
  public static DesiredReplicas noDeployment(String variant, Pool pool) {
    return new DesiredReplicas(variant, pool, null, 0, null, false);
  }
}
