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
 * {@code SERVING_PROMETHEUS=true}) through the variant Services. Built as a generic resource, so the operator needs no
 * Prometheus Operator model classes; its dependent resource is only active where the CRD exists.
 */
public final class ModelServiceMonitors {

  /** API version of the ServiceMonitor. */
  public static final String API_VERSION = "monitoring.coreos.com/v1";
  /** Kind of the ServiceMonitor. */
  public static final String KIND = "ServiceMonitor";
  /** DJL Serving's Prometheus endpoint. */
  public static final String METRICS_PATH = "/server/metrics";
  /** Scrape interval. */
  static final String INTERVAL = "30s";

  private ModelServiceMonitors() {
  }

  /** The ServiceMonitor of the model's model-server Services. */
  public static GenericKubernetesResource desired(ShieldModel model) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("port", ModelServerPodTemplates.HTTP_PORT_NAME);
    endpoint.put("path", METRICS_PATH);
    endpoint.put("scheme", "http");
    endpoint.put("interval", INTERVAL);

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", Map.of("matchLabels", ModelMetadata.modelServerSelector(model)));
    spec.put("endpoints", List.of(endpoint));
    // Every series says which variant and pool it comes from.
    spec.put("podTargetLabels", List.of(ShieldNames.VARIANT_LABEL, ShieldNames.POOL_LABEL));

    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.serviceMonitor(model.getMetadata().getName()),
            ModelMetadata.modelServerLabels(model)))
        .addToAdditionalProperties("spec", spec)
        .build();
  }
}
