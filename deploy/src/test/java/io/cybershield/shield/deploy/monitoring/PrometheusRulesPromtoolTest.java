package io.cybershield.shield.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus' own checker: {@code promtool check rules} on the rules file (syntax, PromQL, templates) and on the
 * dashboard's queries, and {@code promtool test rules} on deploy/monitoring/prometheus-rules.test.yaml, where each
 * alert fires on series made for it, with its labels and annotations, and stays quiet on series that must not wake
 * anyone.
 */
class PrometheusRulesPromtoolTest {

  @BeforeAll
  static void promtool() {
    assumeTrue(Promtool.locate().isPresent(), Promtool.unavailableReason());
  }

  @Test
  void promtoolAcceptsTheRules() {
    Promtool.Result result = Promtool.promtool("check", "rules", "helm/shield-operator/files/prometheus-rules.yaml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: " + PrometheusRulesTest.ALERTS.size() + " rules found");
  }

  @Test
  void everyAlertPassesItsUnitTests() {
    Promtool.Result result = Promtool.promtool("test", "rules", "deploy/monitoring/prometheus-rules.test.yaml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  /**
   * Every query of the dashboard is PromQL Prometheus accepts: each becomes a recording rule of a scratch rules file
   * that promtool checks, with Grafana's variables replaced as Grafana would ({@code $__rate_interval} by a range,
   * a multi-value variable set to All by {@code .*}).
   */
  @Test
  void promtoolAcceptsEveryQueryOfTheDashboard() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(GrafanaDashboardTest.DASHBOARD.toFile());
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int queries = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText().replace("$__rate_interval", "5m").replace("$__range", "6h")
            .replace("$__interval", "1m").replaceAll("\\$(namespace|model|pool)\\b", ".*");
        rules.append("      - record: shield_dashboard:panel").append(panel.path("id").asInt()).append('_')
            .append(target.path("refId").asText()).append("\n        expr: '").append(expr.replace("'", "''"))
            .append("'\n");
        queries++;
      }
    }
    Path file = Files.createTempFile("dashboard-queries", ".yaml");
    Files.writeString(file, rules);
    Promtool.Result result = Promtool.promtool("check", "rules", file.toString());
    assertThat(result.exitCode()).as(rules + "\n" + result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: " + queries + " rules found");
  }
}
