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
    for (Service service : ModelServices.desired(ModelFixtures.threatIntel())) {
      assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(matchLabels);
    }
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints).singleElement().satisfies(endpoint -> assertThat(endpoint)
        .containsEntry("port", "http")
        .containsEntry("path", "/server/metrics")
        .containsEntry("interval", "30s"));
  }

  @Test
  void serializesAsAServiceMonitor() {
    String yaml = Serialization.asYaml(ModelServiceMonitors.desired(ModelFixtures.threatIntel()));
    GenericKubernetesResource back = Serialization.unmarshal(yaml, GenericKubernetesResource.class);

    assertThat(back.getKind()).isEqualTo("ServiceMonitor");
    assertThat((String) back.get("spec", "endpoints", 0, "path")).isEqualTo("/server/metrics");
  }
}
