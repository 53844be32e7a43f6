package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * KEDA's {@code keda.sh/v1alpha1} ScaledObject of each private-cloud Deployment, where KEDA is installed, in place of
 * the {@link ModelAutoscalers HorizontalPodAutoscaler} (KEDA makes its own HPA from it). Named like that HPA, it
 * scales the Deployment between the floor and {@code maxReplicas}; unlike the standard HPA, KEDA scales from and to
 * zero, so a parked pool (floor 0) has one too and wakes by itself. Built as a generic resource, so the operator needs
 * no KEDA model classes. Two Prometheus triggers:
 * <ul>
 * <li>{@value #LOAD_TRIGGER}: the load signal of {@code spec.autoscaling.target} with its per-pod
 * {@code averageValue} as threshold — the gateway's {@value ShieldNames#GATEWAY_INFLIGHT_METRIC} to the variant's
 * private-cloud pods, its {@value ShieldNames#GATEWAY_QUEUED_METRIC} for the variant, or the pods' DCGM GPU
 * utilisation;</li>
 * <li>{@value #WAKE_TRIGGER}: the variant's work beyond capacity — in-flight requests of all gateway replicas beyond
 * what the ready pods take at once ({@value ShieldNames#GATEWAY_CAPACITY_METRIC}), per pool, plus the requests
 * refused {@code NoReadyUpstream} ({@value ShieldNames#GATEWAY_UNSERVED_METRIC}) in the last
 * {@value #UNSERVED_WINDOW} — with {@code activationThreshold} 0, so any such work wakes a pool at zero, and the
 * per-pod concurrency of the routing document as threshold, so it also adds a pod per pod's worth of waiting
 * work.</li>
 * </ul>
 * The queries select the model's namespace, which Prometheus adds to every series it scrapes from a pod.
 */
public final class ModelScaledObjects {

  /** API version of the ScaledObject. */
  public static final String API_VERSION = "keda.sh/v1alpha1";
  /** Kind of the ScaledObject. */
  public static final String KIND = "ScaledObject";
  /** Name of the trigger on the load signal of {@code spec.autoscaling.target}. */
  public static final String LOAD_TRIGGER = "load";
  /** Name of the trigger that wakes a pool at zero on work beyond capacity. */
  public static final String WAKE_TRIGGER = "wake";
  /** How far back refused requests count as work waiting. */
  static final String UNSERVED_WINDOW = "2m";
  /** Seconds between KEDA's checks of the triggers, which decide the move from and to zero. */
  static final int POLLING_INTERVAL_SECONDS = 15;

  /**
   * The operator's KEDA settings.
   *
   * @param prometheusUrl the Prometheus KEDA's triggers query ({@code shield.keda.prometheus-url})
   */
  public record Settings(String prometheusUrl) {

    /** The Prometheus the Prometheus Operator's default Service exposes. */
    public static final String DEFAULT_PROMETHEUS_URL = "http://prometheus-operated.monitoring.svc:9090";

    public Settings {
      if (prometheusUrl == null || prometheusUrl.isBlank()) {
        throw new IllegalArgumentException("KEDA's triggers need the address of a Prometheus");
      }
    }

    /** The defaults: {@value #DEFAULT_PROMETHEUS_URL}. */
    public static Settings defaults() {
      return new Settings(DEFAULT_PROMETHEUS_URL);
    }
  }

  private ModelScaledObjects() {
  }

  /**
   * The ScaledObjects, with the private-cloud floors of {@link ModelPools#privateCloudFloor}: one per variant of a
   * model whose private-cloud pool exists, parked ones (floor 0) included.
   */
  public static List<GenericKubernetesResource> desired(ShieldModel model, Map<String, Integer> cloudFloorByVariant,
      Settings settings) {
    List<GenericKubernetesResource> scaledObjects = new ArrayList<>();
    if (!ModelPools.privateCloudDeployed(model)) {
      return scaledObjects;
    }
    String modelName = model.getMetadata().getName();
    for (Variant variant : model.getSpec().variants()) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("apiVersion", "apps/v1");
      target.put("kind", "Deployment");
      target.put("name", ShieldNames.deployment(modelName, variant.name(), Pool.PRIVATE_CLOUD));

      Map<String, Object> behavior = new LinkedHashMap<>();
      behavior.put("scaleUp", asMap(ModelAutoscalers.scaleUp()));
      behavior.put("scaleDown", asMap(ModelAutoscalers.scaleDown()));

      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("scaleTargetRef", target);
      spec.put("minReplicaCount", ModelPools.privateCloudFloor(model, variant.name(), cloudFloorByVariant));
      spec.put("maxReplicaCount", ModelPools.privateCloudMaxReplicas(model));
      spec.put("pollingInterval", POLLING_INTERVAL_SECONDS);
      // back to zero only after as long a calm as the HPA waits before it removes a pod
      spec.put("cooldownPeriod", ModelAutoscalers.SCALE_DOWN_STABILIZATION_SECONDS);
      spec.put("advanced", Map.of("horizontalPodAutoscalerConfig", Map.of("behavior", behavior)));
      spec.put("triggers", List.of(
          trigger(LOAD_TRIGGER, settings, loadQuery(model, variant.name()),
              ModelAutoscalers.target(model).averageValue()),
          trigger(WAKE_TRIGGER, settings, wakeQuery(model, variant.name()), ModelGateway.podConcurrency(model))));

      scaledObjects.add(new GenericKubernetesResourceBuilder()
          .withApiVersion(API_VERSION)
          .withKind(KIND)
          .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.scaledObject(modelName, variant.name()),
              ModelMetadata.poolLabels(model, variant.name(), Pool.PRIVATE_CLOUD)))
          .addToAdditionalProperties("spec", spec)
          .build());
    }
    return scaledObjects;
  }

  /** The PromQL of the load signal of {@code spec.autoscaling.target} for a variant's private-cloud pods. */
  static String loadQuery(ShieldModel model, String variant) {
    String namespace = model.getMetadata().getNamespace();
    String modelName = model.getMetadata().getName();
    switch (ModelAutoscalers.target(model).metric()) {
      case QUEUED_REQUESTS:
        return "sum(" + ShieldNames.GATEWAY_QUEUED_METRIC + series(namespace, modelName, variant, null) + ")";
      case GPU_UTILIZATION:
        return "sum(" + ModelAutoscalers.GPU_UTILIZATION_METRIC + "{namespace=\"" + namespace + "\",pod=~\""
            + ShieldNames.deployment(modelName, variant, Pool.PRIVATE_CLOUD) + "-.*\"})";
      case INFLIGHT_REQUESTS:
      default:
        return "sum(" + ShieldNames.GATEWAY_INFLIGHT_METRIC
            + series(namespace, modelName, variant, ShieldNames.POOL_PRIVATE_CLOUD) + ")";
    }
  }

  /**
   * The PromQL of a variant's work beyond capacity: per pool, the in-flight requests of all gateway replicas less
   * what the ready pods take at once (every replica reports the same capacity), never below 0, summed; plus the
   * requests refused for want of a ready pod in the last {@value #UNSERVED_WINDOW}. Each part is 0 without series.
   */
  static String wakeQuery(ShieldModel model, String variant) {
    String selector = series(model.getMetadata().getNamespace(), model.getMetadata().getName(), variant, null);
    return "(sum(clamp_min(sum by (pool) (" + ShieldNames.GATEWAY_INFLIGHT_METRIC + selector + ") - max by (pool) ("
        + ShieldNames.GATEWAY_CAPACITY_METRIC + selector + "), 0)) or vector(0)) + (sum(increase("
        + ShieldNames.GATEWAY_UNSERVED_METRIC + selector + "[" + UNSERVED_WINDOW + "])) or vector(0))";
  }

  private static Map<String, Object> trigger(String name, Settings settings, String query, int threshold) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("serverAddress", settings.prometheusUrl());
    metadata.put("query", query);
    metadata.put("threshold", Integer.toString(threshold));
    metadata.put("activationThreshold", "0");
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("type", "prometheus");
    trigger.put("name", name);
    trigger.put("metricType", "AverageValue");
    trigger.put("metadata", metadata);
    return trigger;
  }

  private static String series(String namespace, String model, String variant, String pool) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("namespace", namespace);
    labels.put(ShieldNames.METRIC_MODEL_LABEL, model);
    labels.put(ShieldNames.METRIC_VARIANT_LABEL, variant);
    if (pool != null) {
      labels.put(ShieldNames.METRIC_POOL_LABEL, pool);
    }
    return labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object fabric8) {
    return Serialization.unmarshal(Serialization.asJson(Objects.requireNonNull(fabric8)), Map.class);
  }

  /** The floor a ScaledObject carries, its {@code minReplicaCount}; null when it has none. */
  public static Integer floor(GenericKubernetesResource scaledObject) {
    Object spec = scaledObject.getAdditionalProperties().get("spec");
    Object min = spec instanceof Map<?, ?> map ? map.get("minReplicaCount") : null;
    return min instanceof Number number ? number.intValue() : null;
  }
}
