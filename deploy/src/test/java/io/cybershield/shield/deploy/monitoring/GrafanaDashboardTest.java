package io.cybershield.shield.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helm/shield-operator/files/dashboards/shield-overview.json: it parses, every panel queries the dashboard's
 * Prometheus data source, panel ids are unique, and every metric its queries and variables name is one
 * docs/metrics.md lists (which the applications' inventory ITs hold to what they export).
 */
class GrafanaDashboardTest {

  static final Path DASHBOARD = MetricsDoc.ROOT.resolve("helm/shield-operator/files/dashboards/shield-overview.json");
  private static final String DATASOURCE = "${datasource}";

  private static JsonNode dashboard;

  @BeforeAll
  static void parse() throws IOException {
    dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
  }

  /** Every panel, those inside rows too. */
  private static List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    });
    return panels;
  }

  private static List<JsonNode> queryPanels() {
    return panels().stream().filter(panel -> !panel.path("type").asText().equals("row")).toList();
  }

  @Test
  void itIsAGrafanaDashboardWithTheDataSourceAndFilterVariables() {
    assertThat(dashboard.path("uid").asText()).isEqualTo("shield-overview");
    assertThat(dashboard.path("title").asText()).isEqualTo("Shield overview");
    assertThat(dashboard.path("schemaVersion").asInt()).isEqualTo(39);
    Map<String, JsonNode> variables = new TreeMap<>();
    dashboard.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
    assertThat(variables).containsOnlyKeys("datasource", "namespace", "model", "pool");
    assertThat(variables.get("datasource").path("type").asText()).isEqualTo("datasource");
    assertThat(variables.get("datasource").path("query").asText()).isEqualTo("prometheus");
    for (String name : List.of("namespace", "model", "pool")) {
      JsonNode variable = variables.get(name);
      assertThat(variable.path("type").asText()).as(name).isEqualTo("query");
      assertThat(variable.path("datasource").path("uid").asText()).as(name).isEqualTo(DATASOURCE);
      assertThat(variable.path("multi").asBoolean()).as(name).isTrue();
      assertThat(variable.path("includeAll").asBoolean()).as(name).isTrue();
      assertThat(variable.path("allValue").asText()).as(name + ": All matches every value").isEqualTo(".*");
    }
  }

  @Test
  void everyPanelQueriesTheDataSourceVariable() {
    assertThat(queryPanels()).hasSizeGreaterThanOrEqualTo(20);
    for (JsonNode panel : queryPanels()) {
      String title = panel.path("title").asText();
      assertThat(title).isNotBlank();
      assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
      assertThat(panel.path("datasource").path("type").asText()).as(title).isEqualTo("prometheus");
      assertThat(panel.path("targets").size()).as(title + ": targets").isPositive();
      Set<String> refIds = new HashSet<>();
      panel.path("targets").forEach(target -> {
        assertThat(target.path("expr").asText()).as(title).isNotBlank();
        assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
        assertThat(refIds.add(target.path("refId").asText())).as(title + ": refIds unique").isTrue();
      });
      assertThat(panel.path("gridPos").path("w").asInt()).as(title).isBetween(1, 24);
      assertThat(panel.path("gridPos").path("x").asInt() + panel.path("gridPos").path("w").asInt()).as(title)
          .isLessThanOrEqualTo(24);
    }
  }

  @Test
  void panelIdsAreUnique() {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : panels()) {
      assertThat(panel.has("id")).as(panel.path("title").asText()).isTrue();
      assertThat(ids.add(panel.path("id").asInt())).as("id %s of %s", panel.path("id"), panel.path("title"))
          .isTrue();
    }
  }

  @Test
  void everyMetricTheDashboardReadsIsDocumented() {
    MetricsDoc doc = MetricsDoc.read();
    Map<String, String> undocumented = new TreeMap<>();
    Set<String> read = new TreeSet<>();
    for (JsonNode panel : queryPanels()) {
      panel.path("targets").forEach(target -> {
        Set<String> metrics = PromQl.metrics(target.path("expr").asText());
        assertThat(metrics).as("metrics of %s", panel.path("title").asText()).isNotEmpty();
        metrics.stream().filter(m -> !doc.documents(m)).forEach(m -> undocumented.put(m, panel.path("title")
            .asText()));
        read.addAll(metrics);
      });
    }
    dashboard.path("templating").path("list").forEach(variable -> {
      String query = variable.path("query").path("query").asText();
      if (query.startsWith("label_values(")) {
        // label_values(<series selector>, <label>): the label is not a metric
        String selector = query.substring("label_values(".length(), query.lastIndexOf(','));
        PromQl.metrics(selector).stream().filter(m -> !doc.documents(m))
            .forEach(m -> undocumented.put(m, "variable " + variable.path("name").asText()));
        read.addAll(PromQl.metrics(selector));
      }
    });
    assertThat(undocumented).as("metrics the dashboard reads (and where) that %s does not list", MetricsDoc.FILE)
        .isEmpty();
    // what the dashboard is for: models and replicas per pool, incidents and surge, GPUs, retraining, gateway
    // traffic and latency, guard blocks and redactions, authentication failures
    assertThat(read).contains("shield_model_condition", "shield_model_replicas_desired",
        "shield_model_replicas_ready", "shield_incidents_active", "shield_model_surge_shortfall_replicas",
        "shield_incident_floor_latency_seconds_bucket", "shield_pool_gpus_free", "shield_model_gpus_desired",
        "shield_model_gpu_shortfall",
        "shield_retrain_runs_total", "shield_retrain_gate_value", "shield_gateway_requests_total",
        "shield_gateway_request_duration_seconds_bucket", "shield_gateway_time_to_first_token_seconds_bucket",
        "shield_gateway_injection_blocks_total", "shield_gateway_output_findings_total",
        "shield_gateway_auth_failures_total", "reconciliations_failure_total", "up");
  }
}
