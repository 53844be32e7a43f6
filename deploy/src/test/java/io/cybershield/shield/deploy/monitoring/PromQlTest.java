package io.cybershield.shield.deploy.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric names the monitoring tests find in PromQL, on the shapes the rules and the dashboard use. */
class PromQlTest {

  @Test
  void functionsAggregationsGroupingAndMatchersAreNotMetrics() {
    assertThat(PromQl.metrics("histogram_quantile(0.95, sum by (le, api) (rate(shield_gateway_request_duration_"
        + "seconds_bucket{namespace=~\"$namespace\", outcome=~\"server_error|stream_error\"}[$__rate_interval])))"))
        .containsExactly("shield_gateway_request_duration_seconds_bucket");
  }

  @Test
  void bothSidesOfBinaryOperatorsAndSetOperatorsAreMetrics() {
    assertThat(PromQl.metrics("sum by (namespace) (increase(a_total[5m])) > 0 or sum by (namespace) "
        + "(b_total unless b_total offset 5m) > 0 and on (namespace) c / ignoring (pod) d == bool 1"))
        .containsExactly("a_total", "b_total", "c", "d");
  }

  @Test
  void numbersDurationsAndVariablesAreNotMetrics() {
    assertThat(PromQl.metrics("count(x == 0) or vector(0) * 1e3 + 0.05 - ${datasource} + $pool offset 1h30m"))
        .containsExactly("x");
  }

  @Test
  void labelValuesInStringsAreNotMetrics() {
    assertThat(PromQl.metrics("absent(up{job=~\".*shield-operator.*\"} == 1)")).containsExactly("up");
  }

  @Test
  void theDocumentKnowsAHistogramBySuffixesAndASummaryWithoutBuckets() {
    MetricsDoc doc = MetricsDoc.parse("""
        ## Operator
        | metric | type |
        | --- | --- |
        | `h_seconds` | histogram | x |
        | `s_seconds` | summary | x |
        | `c_total` | counter | x |
        """);
    assertThat(doc.documents("h_seconds_bucket")).isTrue();
    assertThat(doc.documents("h_seconds_count")).isTrue();
    assertThat(doc.documents("s_seconds_sum")).isTrue();
    assertThat(doc.documents("s_seconds_bucket")).isFalse();
    assertThat(doc.documents("c_total")).isTrue();
    assertThat(doc.documents("c_total_count")).isFalse();
    assertThat(doc.documents("c")).isFalse();
  }
}
