package io.cybershield.shield.operator.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelServiceMonitorsTest {

  @Test
  void scrapesDjlServingMetricsOfTheModelsServices() {
    GenericKubernetesResource monitor = ModelServiceMonitors.desired(ModelFixtures.threatIntel());

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    assertThat(monitor.getMetadata().getName()).isEqualTo("threat-intel");
    assertThat(monitor.getMetadata().getNamespace()).isEqualTo("default");

    Map<String, String> matchLabels = monitor.get("spec", "selector", "matchLabels");
    List<Map<String, Object>> matchExpressions = monitor.get("spec", "selector", "matchExpressions");
    assertThat(matchExpressions).singleElement().satisfies(expression -> assertThat(expression)
        .containsEntry("key", "shield.cybershield.io/component").containsEntry("operator", "In")
        .containsEntry("values", List.of("model-server", "gateway")));
    List<Service> scraped = new java.util.ArrayList<>(ModelServices.desired(ModelFixtures.threatIntel()));
    scraped.add(ModelGateway.service(ModelFixtures.threatIntel()));
    for (Service service : scraped) {
      assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(matchLabels)
          .containsKey("shield.cybershield.io/component");
      // the gateway of this model serves HTTPS (spec.tls), so its port is https
      assertThat(service.getSpec().getPorts()).extracting(port -> port.getName()).containsAnyOf("http", "https");
    }
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints).hasSize(2);
    assertThat(endpoints.get(0)).containsEntry("port", "http").containsEntry("path", "/server/metrics")
        .containsEntry("interval", "30s");
    assertThat(endpoints.get(0).get("relabelings").toString())
        .contains("__meta_kubernetes_service_label_shield_cybershield_io_component", "regex=model-server", "keep");
    assertThat(endpoints.get(1)).containsEntry("port", "https").containsEntry("path", "/q/metrics")
        .containsEntry("interval", "15s");
    assertThat(endpoints.get(1).get("relabelings").toString()).contains("regex=gateway", "keep");
  }

  @Test
  void serializesAsAServiceMonitor() {
    String yaml = Serialization.asYaml(ModelServiceMonitors.desired(ModelFixtures.threatIntel()));
    GenericKubernetesResource back = Serialization.unmarshal(yaml, GenericKubernetesResource.class);

    assertThat(back.getKind()).isEqualTo("ServiceMonitor");
    assertThat((String) back.get("spec", "endpoints", 0, "path")).isEqualTo("/server/metrics");
  }
}
