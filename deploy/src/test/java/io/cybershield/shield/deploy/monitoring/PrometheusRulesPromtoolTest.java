package io.cybershield.shield.deploy.monitoring;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus' own checker on the rules file: {@code promtool check rules} (syntax, PromQL, templates), and
 * {@code promtool test rules} on deploy/monitoring/prometheus-rules.test.yaml, where each alert fires on series made
 * for it, with its labels and annotations, and stays quiet on series that must not wake anyone.
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
}
