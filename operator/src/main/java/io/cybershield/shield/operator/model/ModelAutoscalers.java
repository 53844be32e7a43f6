package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.AutoscalingTarget;
import io.cybershield.shield.api.v1alpha1.model.spec.LoadMetric;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRulesBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTargetBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code autoscaling/v2} HorizontalPodAutoscaler of each private-cloud Deployment that has a floor. A parked pool
 * (floor 0) has none: the standard HPA cannot scale from zero, the operator wakes the pool by raising the floor.
 * <p>
 * The load signal of {@code spec.autoscaling.target}:
 * <ul>
 * <li>{@code inflight-requests}: an External metric {@value ShieldNames#GATEWAY_INFLIGHT_METRIC} for the variant's
 * private-cloud pods. DJL Serving has no in-flight or queue metric of its own (contract), so the gateway, which sends
 * every request, counts them; an External metric with an {@code averageValue} target is divided by the
 * Deployment's replicas, which is the per-pod target the spec asks for.</li>
 * <li>{@code queued-requests}: an External metric {@value ShieldNames#GATEWAY_QUEUED_METRIC} for the variant: work
 * waiting in the gateway, whichever pool it will go to.</li>
 * <li>{@code gpu-utilization}: a Pods metric {@value #GPU_UTILIZATION_METRIC} (percent, from NVIDIA's DCGM exporter,
 * which labels it with the pod) averaged over the Deployment's pods.</li>
 * </ul>
 * All three reach the HPA through a metrics adapter (prometheus-adapter or KEDA's metrics server). Without
 * {@code spec.autoscaling.target} a pool with a floor scales on in-flight requests with
 * {@value #DEFAULT_INFLIGHT_TARGET} per pod, the value of the design's example.
 */
public final class ModelAutoscalers {

  /** DCGM exporter's GPU utilisation gauge, in percent. */
  public static final String GPU_UTILIZATION_METRIC = "DCGM_FI_DEV_GPU_UTIL";
  /** In-flight requests per pod when the model sets no target. */
  static final int DEFAULT_INFLIGHT_TARGET = 8;
  /** Seconds of lower load before replicas are removed; GPU pods take minutes to come back. */
  static final int SCALE_DOWN_STABILIZATION_SECONDS = 300;

  private ModelAutoscalers() {
  }

  /** The HPAs with the floors of {@code minReplicas}. */
  public static List<HorizontalPodAutoscaler> desired(ShieldModel model) {
    return desired(model, Map.of());
  }

  /** The HPAs with the private-cloud floors of {@link ModelPools#privateCloudFloor}. */
  public static List<HorizontalPodAutoscaler> desired(ShieldModel model, Map<String, Integer> cloudFloorByVariant) {
    List<HorizontalPodAutoscaler> autoscalers = new ArrayList<>();
    if (!ModelPools.privateCloudDeployed(model)) {
      return autoscalers;
    }
    String modelName = model.getMetadata().getName();
    for (Variant variant : model.getSpec().variants()) {
      int floor = ModelPools.privateCloudFloor(model, variant.name(), cloudFloorByVariant);
      if (floor == 0) {
        continue;
      }
      autoscalers.add(new HorizontalPodAutoscalerBuilder()
          .withMetadata(ModelMetadata.objectMeta(model,
              ShieldNames.horizontalPodAutoscaler(modelName, variant.name()),
              ModelMetadata.poolLabels(model, variant.name(), Pool.PRIVATE_CLOUD)))
          .withNewSpec()
          .withNewScaleTargetRef()
          .withApiVersion("apps/v1")
          .withKind("Deployment")
          .withName(ShieldNames.deployment(modelName, variant.name(), Pool.PRIVATE_CLOUD))
          .endScaleTargetRef()
          .withMinReplicas(floor)
          .withMaxReplicas(ModelPools.privateCloudMaxReplicas(model))
          .withMetrics(metric(model, variant.name()))
          .withNewBehavior()
          .withScaleUp(scaleUp())
          .withScaleDown(scaleDown())
          .endBehavior()
          .endSpec()
          .build());
    }
    return autoscalers;
  }

  /**
   * The load signal the private-cloud pool scales on: {@code spec.autoscaling.target}, or in-flight requests with
   * {@value #DEFAULT_INFLIGHT_TARGET} per pod without one.
   *
   * @param metric       the per-pod metric
   * @param averageValue the value per pod the autoscaler keeps
   */
  public record Target(LoadMetric metric, int averageValue) {
  }

  /** The {@link Target} of a model. */
  public static Target target(ShieldModel model) {
    AutoscalingTarget target = model.getSpec().autoscaling() == null
        ? null : model.getSpec().autoscaling().target();
    LoadMetric metric = target == null || target.metric() == null
        ? LoadMetric.INFLIGHT_REQUESTS : target.metric();
    int averageValue = target == null || target.averageValue() == null
        ? DEFAULT_INFLIGHT_TARGET : target.averageValue();
    return new Target(metric, averageValue);
  }

  static MetricSpec metric(ShieldModel model, String variant) {
    Target target = target(model);
    LoadMetric metric = target.metric();
    int averageValue = target.averageValue();
    MetricTarget perPod = new MetricTargetBuilder()
        .withType("AverageValue").withAverageValue(new Quantity(Integer.toString(averageValue))).build();
    String modelName = model.getMetadata().getName();
    Map<String, String> series = new LinkedHashMap<>();
    series.put(ShieldNames.METRIC_MODEL_LABEL, modelName);
    series.put(ShieldNames.METRIC_VARIANT_LABEL, variant);
    return switch (metric) {
      case INFLIGHT_REQUESTS -> {
        series.put(ShieldNames.METRIC_POOL_LABEL, ShieldNames.POOL_PRIVATE_CLOUD);
        yield external(ShieldNames.GATEWAY_INFLIGHT_METRIC, series, perPod);
      }
      case QUEUED_REQUESTS -> external(ShieldNames.GATEWAY_QUEUED_METRIC, series, perPod);
      case GPU_UTILIZATION -> new MetricSpecBuilder()
          .withType("Pods")
          .withNewPods()
          .withNewMetric().withName(GPU_UTILIZATION_METRIC).endMetric()
          .withTarget(perPod)
          .endPods()
          .build();
    };
  }

  private static MetricSpec external(String name, Map<String, String> series, MetricTarget target) {
    return new MetricSpecBuilder()
        .withType("External")
        .withNewExternal()
        .withNewMetric().withName(name).withNewSelector().withMatchLabels(series).endSelector().endMetric()
        .withTarget(target)
        .endExternal()
        .build();
  }

  /** Up at once: during an incident capacity late is capacity lost. Up to 4 pods or doubling each minute. */
  static HPAScalingRules scaleUp() {
    return new HPAScalingRulesBuilder()
        .withStabilizationWindowSeconds(0)
        .withSelectPolicy("Max")
        .withPolicies(
            new HPAScalingPolicyBuilder().withType("Pods").withValue(4).withPeriodSeconds(60).build(),
            new HPAScalingPolicyBuilder().withType("Percent").withValue(100).withPeriodSeconds(60).build())
        .build();
  }

  /** Down slowly: a GPU pod that is gone takes up to half an hour to load again. One pod every two minutes. */
  static HPAScalingRules scaleDown() {
    return new HPAScalingRulesBuilder()
        .withStabilizationWindowSeconds(SCALE_DOWN_STABILIZATION_SECONDS)
        .withSelectPolicy("Min")
        .withPolicies(new HPAScalingPolicyBuilder().withType("Pods").withValue(1).withPeriodSeconds(120).build())
        .build();
  }
}
