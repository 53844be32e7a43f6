package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator ServiceMonitor {@code <model>} scraping DJL Serving's {@code /server/metrics} (enabled by
 * {@code SERVING_PROMETHEUS=true}) through the variant Services, and the gateway's {@code /q/metrics} (its load
 * signals, which the autoscalers read) through the gateway's Service. Built as a generic resource, so the operator needs no
 * Prometheus Operator model classes; its dependent resource is only active where the CRD exists.
 */
public final class ModelServiceMonitors {

  /** API version of the ServiceMonitor. */
  public static final String API_VERSION = "monitoring.coreos.com/v1";
  /** Kind of the ServiceMonitor. */
  public static final String KIND = "ServiceMonitor";
  /** DJL Serving's Prometheus endpoint. */
  public static final String METRICS_PATH = "/server/metrics";
  /** Scrape interval of the model servers. */
  static final String INTERVAL = "30s";
  /** The gateway's Prometheus endpoint. */
  public static final String GATEWAY_METRICS_PATH = "/q/metrics";
  /** Scrape interval of the gateway, whose gauges the autoscalers read. */
  static final String GATEWAY_INTERVAL = "15s";

  private ModelServiceMonitors() {
  }

  /** The ServiceMonitor of the model's model-server Services and of its gateway's Service. */
  public static GenericKubernetesResource desired(ShieldModel model) {
    Map<String, Object> modelServers = endpoint(ModelServerPodTemplates.HTTP_PORT_NAME, METRICS_PATH, INTERVAL,
        ShieldNames.COMPONENT_MODEL_SERVER);
    // the autoscalers' load signals: scraped more often than the model servers' counters
    Map<String, Object> gateway = endpoint(ModelGateway.portName(model), GATEWAY_METRICS_PATH, GATEWAY_INTERVAL,
        ShieldNames.COMPONENT_GATEWAY);
    ModelTls.gatewaySecret(model).ifPresent(secret -> {
      // HTTPS only: Prometheus verifies the gateway as its Service name, with the CA of its Secret
      gateway.put("scheme", "https");
      gateway.put("tlsConfig", Map.of("serverName", ModelTls.gatewayDnsNames(model).get(0),
          "ca", Map.of("secret", Map.of("name", secret, "key", ModelTls.CA_KEY))));
    });

    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("matchLabels", Map.of(ShieldNames.MODEL_LABEL, model.getMetadata().getName()));
    selector.put("matchExpressions", List.of(Map.of("key", ShieldNames.COMPONENT_LABEL, "operator", "In",
        "values", List.of(ShieldNames.COMPONENT_MODEL_SERVER, ShieldNames.COMPONENT_GATEWAY))));

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", selector);
    spec.put("endpoints", List.of(modelServers, gateway));
    // Every model-server series says which variant and pool it comes from (the gateway's carry their own labels).
    spec.put("podTargetLabels", List.of(ShieldNames.VARIANT_LABEL, ShieldNames.POOL_LABEL));

    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.serviceMonitor(model.getMetadata().getName()),
            ModelMetadata.modelServerLabels(model)))
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  /**
   * One endpoint: both kinds of Service name their port {@code http}, so each endpoint keeps only the Services of its
   * component (a ServiceMonitor applies every endpoint to every Service it selects).
   */
  private static Map<String, Object> endpoint(String port, String path, String interval, String component) {
    Map<String, Object> keep = new LinkedHashMap<>();
    keep.put("sourceLabels", List.of("__meta_kubernetes_service_label_"
        + ShieldNames.COMPONENT_LABEL.replaceAll("[^a-zA-Z0-9_]", "_")));
    keep.put("regex", component);
    keep.put("action", "keep");
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("port", port);
    endpoint.put("path", path);
    endpoint.put("scheme", "http");
    endpoint.put("interval", interval);
    endpoint.put("relabelings", List.of(keep));
    return endpoint;
  }
}
