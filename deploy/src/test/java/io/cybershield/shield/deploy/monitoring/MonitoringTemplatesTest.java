package io.cybershield.shield.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.cybershield.shield.sandbox.testing.Helm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * templates/041-PrometheusRule.yaml and 042-ConfigMap-grafana-dashboard.yaml as the real Helm renders them: off by
 * default; when on, the PrometheusRule's spec is the rules file untouched by Helm's templating (the alerts'
 * {@code {{ $labels }}} reach Prometheus), the ConfigMap holds the dashboard as it is, both carry the labels the
 * values give, and the ConfigMap goes where Grafana looks.
 */
class MonitoringTemplatesTest {

  private static final Path CHART = MetricsDoc.ROOT.resolve("helm/shield-operator");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @BeforeAll
  static void helm() {
    assumeTrue(Files.isRegularFile(CHART.resolve("Chart.yaml")), CHART + "/Chart.yaml is not there: no chart to render");
    assumeTrue(Helm.locate().isPresent(), Helm.unavailableReason());
  }

  private static List<JsonNode> render(String... sets) throws IOException {
    List<String> args = new ArrayList<>(List.of("template", "shield", CHART.toString(), "--namespace",
        "shield-system"));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    String rendered = Helm.offline().ok(args.toArray(String[]::new));
    List<JsonNode> objects = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(rendered)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
        if (node != null && !node.isNull() && !node.isEmpty()) {
          objects.add(node);
        }
      });
    }
    return objects;
  }

  private static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
        && o.path("metadata").path("name").asText().equals(name)).findFirst();
  }

  @Test
  void neitherIsRenderedByDefault() throws IOException {
    List<JsonNode> objects = render();
    assertThat(objects).extracting(o -> o.path("kind").asText()).doesNotContain("PrometheusRule")
        .contains("Deployment");
    assertThat(find(objects, "ConfigMap", "shield-operator-dashboards")).isEmpty();
  }

  @Test
  void thePrometheusRuleIsTheRulesFileAsPromtoolChecksIt() throws IOException {
    List<JsonNode> objects = render("metrics.prometheusRule.enabled=true",
        "metrics.prometheusRule.labels.release=kube-prometheus-stack");
    JsonNode rule = find(objects, "PrometheusRule", "shield-operator").orElseThrow();
    assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.path("metadata").path("namespace").asText()).isEqualTo("shield-system");
    assertThat(rule.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(rule.path("metadata").path("labels").path("app.kubernetes.io/name").asText())
        .isEqualTo("shield-operator");
    assertThat(rule.path("spec")).isEqualTo(YAML.readTree(PrometheusRulesTest.RULES.toFile()));
    assertThat(rule.path("spec").toString()).contains("{{ $labels.namespace }}/{{ $labels.model }}");
  }

  @Test
  void theDashboardConfigMapHoldsTheDashboardWithGrafanasLabel() throws IOException {
    List<JsonNode> objects = render("metrics.grafanaDashboard.enabled=true");
    JsonNode map = find(objects, "ConfigMap", "shield-operator-dashboards").orElseThrow();
    assertThat(map.path("metadata").path("namespace").asText()).isEqualTo("shield-system");
    assertThat(map.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
    assertThat(map.path("data").path("shield-overview.json").asText().strip())
        .isEqualTo(Files.readString(GrafanaDashboardTest.DASHBOARD).strip());
  }

  @Test
  void theDashboardConfigMapGoesToGrafanasNamespaceWithOtherLabels() throws IOException {
    List<JsonNode> objects = render("metrics.grafanaDashboard.enabled=true",
        "metrics.grafanaDashboard.namespace=monitoring", "metrics.grafanaDashboard.labels.dashboards=shield");
    JsonNode map = find(objects, "ConfigMap", "shield-operator-dashboards").orElseThrow();
    assertThat(map.path("metadata").path("namespace").asText()).isEqualTo("monitoring");
    assertThat(map.path("metadata").path("labels").path("dashboards").asText()).isEqualTo("shield");
  }
}
