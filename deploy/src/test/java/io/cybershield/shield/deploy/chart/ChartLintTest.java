package io.cybershield.shield.deploy.chart;

import io.cybershield.shield.sandbox.testing.Helm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code helm lint --strict}: warnings fail too. */
class ChartLintTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "watch.mode=OwnNamespace", "replicaCount=2", "metrics.serviceMonitor.enabled=true"})
  void lintsCleanStrictly(String value) throws IOException {
    Helm helm = RenderedChart.helm();
    Helm.Result result = value.isEmpty()
        ? helm.run("lint", "--strict", RenderedChart.chartDir().toString())
        : helm.run("lint", "--strict", RenderedChart.chartDir().toString(), "--set", value);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("1 chart(s) linted, 0 chart(s) failed").doesNotContain("[WARNING]")
        .doesNotContain("[ERROR]");
  }
}
