package io.cybershield.shield.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts of helm/shield-operator/files/prometheus-rules.yaml: exactly those the runbooks (docs/runbooks/) are
 * written for, each with its runbook, a severity, a summary and a description, and built only on metrics
 * docs/metrics.md lists (which the applications' inventory ITs hold to what they export).
 */
class PrometheusRulesTest {

  static final Path RULES = MetricsDoc.ROOT.resolve("helm/shield-operator/files/prometheus-rules.yaml");
  private static final String RUNBOOKS = "https://github.com/cybershield/shield/blob/main/docs/runbooks/";
  /** The alerts and their runbooks, as the contract names them. */
  static final Map<String, String> ALERTS = new LinkedHashMap<>();

  static {
    ALERTS.put("ShieldOperatorDown", "operator.md");
    ALERTS.put("ShieldOperatorReconcileErrors", "operator.md");
    ALERTS.put("ShieldModelNotReady", "stuck-rollout.md");
    ALERTS.put("ShieldGpuShortfall", "gpu-shortage.md");
    ALERTS.put("ShieldSurgeCapacityShortfall", "incident-surge.md");
    ALERTS.put("ShieldRetrainGateFailed", "failed-retrain.md");
    ALERTS.put("ShieldRetrainRolledBack", "failed-retrain.md");
    ALERTS.put("ShieldGatewayHighErrorRate", "gateway-5xx.md");
    ALERTS.put("ShieldGatewayInjectionBlocksSpike", "injection-spike.md");
    ALERTS.put("ShieldGatewayAuthFailures", "auth-failures.md");
  }

  static List<JsonNode> alerts() throws IOException {
    JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
    List<JsonNode> alerts = new ArrayList<>();
    file.path("groups").forEach(group -> group.path("rules").forEach(alerts::add));
    return alerts;
  }

  @Test
  void theAlertsAreTheContractsWithTheirRunbooks() throws IOException {
    Map<String, String> runbooks = new LinkedHashMap<>();
    for (JsonNode alert : alerts()) {
      assertThat(alert.has("alert")).as("only alerting rules: %s", alert).isTrue();
      runbooks.put(alert.path("alert").asText(), alert.path("annotations").path("runbook_url").asText());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    ALERTS.forEach((name, file) -> expected.put(name, RUNBOOKS + file));
    assertThat(runbooks).containsExactlyEntriesOf(expected);
  }

  @Test
  void everyAlertHasASeveritySummaryAndDescriptionNamingWhatFired() throws IOException {
    for (JsonNode alert : alerts()) {
      String name = alert.path("alert").asText();
      assertThat(alert.path("labels").path("severity").asText()).as(name).isIn("critical", "warning");
      String summary = alert.path("annotations").path("summary").asText();
      String description = alert.path("annotations").path("description").asText();
      assertThat(summary).as(name + " summary").isNotBlank();
      assertThat(description).as(name + " description").isNotBlank();
      if (!name.equals("ShieldOperatorDown")) {
        // absent() has no labels to name; every other alert says which object it is about
        assertThat(summary + description).as(name).contains("{{ $labels.");
      }
    }
  }

  @Test
  void everyMetricTheAlertsReadIsDocumented() throws IOException {
    MetricsDoc doc = MetricsDoc.read();
    Set<String> read = new TreeSet<>();
    for (JsonNode alert : alerts()) {
      Set<String> metrics = PromQl.metrics(alert.path("expr").asText());
      assertThat(metrics).as("metrics of %s", alert.path("alert").asText()).isNotEmpty();
      for (String metric : metrics) {
        assertThat(doc.documents(metric)).as("%s (alert %s) in %s", metric, alert.path("alert").asText(),
            MetricsDoc.FILE).isTrue();
      }
      read.addAll(metrics);
    }
    assertThat(read).contains("up", "reconciliations_failure_total", "shield_model_condition",
        "shield_model_gpu_shortfall", "shield_model_surge_shortfall_replicas", "shield_retrain_runs_total",
        "shield_gateway_request_duration_seconds_count", "shield_gateway_injection_blocks_total",
        "shield_gateway_auth_failures_total", "shield_gateway_auth_repeated_failures_total");
  }

  /** docs/metrics.md's table of alerts names the same alerts and runbooks. */
  @Test
  void theMetricsDocumentListsTheSameAlerts() throws IOException {
    Pattern row = Pattern.compile("^\\| (Shield\\w+) \\| (\\w+) \\| [^|]+ \\| ([\\w.-]+) \\|$");
    Map<String, String> listed = new LinkedHashMap<>();
    Map<String, String> severities = new LinkedHashMap<>();
    for (String line : java.nio.file.Files.readAllLines(MetricsDoc.FILE)) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        listed.put(m.group(1), m.group(3));
        severities.put(m.group(1), m.group(2));
      }
    }
    assertThat(listed).containsExactlyEntriesOf(ALERTS);
    for (JsonNode alert : alerts()) {
      assertThat(severities.get(alert.path("alert").asText())).as(alert.path("alert").asText())
          .isEqualTo(alert.path("labels").path("severity").asText());
    }
  }

  /**
   * deploy/monitoring/prometheus-rules.test.yaml (run by PrometheusRulesPromtoolTest) has a case where each alert
   * fires; the cases expect exactly the alerts listed, so the series beside them that must not fire are checked too.
   */
  @Test
  void thePromtoolUnitTestsSeeEveryAlertFire() throws IOException {
    JsonNode tests = new ObjectMapper(new YAMLFactory()).readTree(MetricsDoc.ROOT
        .resolve("deploy/monitoring/prometheus-rules.test.yaml").toFile());
    Set<String> firing = new TreeSet<>();
    tests.path("tests").forEach(test -> test.path("alert_rule_test").forEach(check -> {
      if (!check.path("exp_alerts").isEmpty()) {
        firing.add(check.path("alertname").asText());
      }
    }));
    assertThat(firing).containsExactlyInAnyOrderElementsOf(ALERTS.keySet());
  }
}
