package io.cybershield.shield.operator.metrics;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shield's own gauges, next to the reconcile counters and timers quarkus-operator-sdk records per kind:
 * models by condition, desired and ready replicas per model, variant and pool, GPUs per model and pool (needed and
 * lacking) and free per pool, and the replicas an incident surge asked for but the budget did not grant
 * (docs/metrics.md lists them all).
 * Series of models that no longer exist are removed.
 */
public final class ShieldMetrics {

  private final MeterRegistry registry;
  private final Map<Series, AtomicLong> values = new ConcurrentHashMap<>();
  private final Set<String> owners = ConcurrentHashMap.newKeySet();

  private record Series(String name, Tags tags, String owner) {
  }

  public ShieldMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  private void set(String name, String description, Tags tags, String owner, long value) {
    if (!owner.isEmpty()) {
      owners.add(owner);
    }
    values.computeIfAbsent(new Series(name, tags, owner), series -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder(name, holder, AtomicLong::get).description(description).tags(tags).register(registry);
      return holder;
    }).set(value);
  }

  /** One model's condition statuses (1 for the current status of each type, 0 for the others). */
  public void modelConditions(String namespace, String model, Map<String, String> statusByType) {
    String owner = namespace + "/" + model;
    statusByType.forEach((type, status) -> {
      for (String candidate : new String[] { "True", "False", "Unknown" }) {
        set("shield_model_condition", "Condition of a ShieldModel (1 for its current status)",
            Tags.of("namespace", namespace, "model", model, "condition", type, "status", candidate), owner,
            candidate.equals(status) ? 1 : 0);
      }
    });
  }

  public void replicas(String namespace, String model, String variant, String pool, int desired, int ready) {
    String owner = namespace + "/" + model;
    Tags tags = Tags.of("namespace", namespace, "model", model, "variant", variant, "pool", pool);
    set("shield_model_replicas_desired", "Replicas a ShieldModel wants per variant and pool", tags, owner, desired);
    set("shield_model_replicas_ready", "Ready replicas of a ShieldModel per variant and pool", tags, owner, ready);
  }

  /** GPUs a model lacks in a pool (0 when its replicas fit). */
  public void gpuShortfall(String namespace, String model, String pool, String resource, long gpus) {
    set("shield_model_gpu_shortfall", "GPUs a ShieldModel's desired replicas lack in a pool",
        Tags.of("namespace", namespace, "model", model, "pool", pool, "resource", resource),
        namespace + "/" + model, gpus);
  }

  /**
   * The GPUs a model's desired replicas need and lack, per pool and resource ({@code none} for variants without
   * GPUs), summed over its variants: two variants on the same resource in one pool are one series each.
   */
  public void gpus(String namespace, String model, CapacityPlan plan) {
    Map<List<String>, long[]> sums = new LinkedHashMap<>();
    for (CapacityPlan.Entry entry : plan.entries()) {
      long[] sum = sums.computeIfAbsent(List.of(ShieldNames.poolLabelValue(entry.pool()),
          entry.resource() == null ? "none" : entry.resource()), key -> new long[2]);
      sum[0] += entry.gpusNeeded();
      sum[1] += entry.shortfallGpus();
    }
    sums.forEach((key, sum) -> {
      Tags tags = Tags.of("namespace", namespace, "model", model, "pool", key.get(0), "resource", key.get(1));
      set("shield_model_gpus_desired", "GPUs a ShieldModel's desired replicas need in a pool", tags,
          namespace + "/" + model, sum[0]);
      gpuShortfall(namespace, model, key.get(0), key.get(1), sum[1]);
    });
  }

  /**
   * Replicas an incident surge of a model asked for beyond what its surge budget granted ({@code status.surge
   * .shortfall}, 0 when it surges in full or not at all): the ShieldSurgeCapacityShortfall alert reads it.
   */
  public void surgeShortfall(String namespace, String model, int replicas) {
    set("shield_model_surge_shortfall_replicas",
        "Replicas an incident surge of a ShieldModel asked for and its surge budget did not grant",
        Tags.of("namespace", namespace, "model", model), namespace + "/" + model, replicas);
  }

  /** Free GPUs per pool and resource, across the cluster. */
  public void freeGpus(String pool, String resource, long gpus) {
    set("shield_pool_gpus_free", "Allocatable GPUs not requested by any pod, per pool and resource",
        Tags.of("pool", pool, "resource", resource), "", gpus);
  }

  /** How many models have series: more than exist means some were deleted and {@link #retainModels} is due. */
  public int modelsWithSeries() {
    return owners.size();
  }

  /** Drops every series of models not in {@code existing} ("namespace/name"). */
  public void retainModels(Set<String> existing) {
    owners.retainAll(existing);
    values.keySet().removeIf(series -> {
      if (series.owner().isEmpty() || existing.contains(series.owner())) {
        return false;
      }
      registry.find(series.name()).tags(series.tags()).meters().forEach(registry::remove);
      return true;
    });
  }
}
