package io.cybershield.shield.operator.metrics;

import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRunBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The series the alerts depend on exist before the events they count, and leave with their model. */
class OperatorMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aRetrainsRunCountersOfEveryOutcomeExistAtZeroBeforeItsFirstRunEnds() {
    RetrainMetrics metrics = new RetrainMetrics(registry);
    metrics.running("soc", "ti-retrain", true);
    metrics.running("soc", "ti-retrain", false);

    assertThat(registry.find("shield_retrain_runs").tag("retrain", "ti-retrain").counters())
        .extracting(c -> c.getId().getTag("outcome") + "=" + c.count())
        .containsExactlyInAnyOrder("Promoted=0.0", "Rejected=0.0", "Failed=0.0", "RolledBack=0.0");

    metrics.finished("soc", "ti-retrain", new RetrainRunBuilder().withNumber(1L).withPhase(RunPhase.Rejected)
        .withStartTime("2026-12-04T02:00:00Z").withCompletionTime("2026-12-04T02:30:00Z").build());
    Counter rejected = registry.find("shield_retrain_runs").tag("outcome", "Rejected").counter();
    assertThat(rejected.count()).isEqualTo(1.0);
    assertThat(registry.find("shield_retrain_runs").counters()).hasSize(4);
    assertThat(registry.find("shield_retrain_run_duration_seconds").tag("outcome", "Rejected").summary()
        .totalAmount()).isEqualTo(1800.0);
  }

  @Test
  void aModelsSurgeShortfallIsAGaugeThatLeavesWithTheModel() {
    ShieldMetrics metrics = new ShieldMetrics(registry);
    metrics.surgeShortfall("soc", "threat-intel", 3);
    metrics.surgeShortfall("soc", "phish-guard", 0);
    assertThat(registry.get("shield_model_surge_shortfall_replicas").tags("namespace", "soc", "model",
        "threat-intel").gauge().value()).isEqualTo(3.0);

    metrics.surgeShortfall("soc", "threat-intel", 1);
    assertThat(registry.get("shield_model_surge_shortfall_replicas").tags("model", "threat-intel").gauge().value())
        .isEqualTo(1.0);

    metrics.retainModels(Set.of("soc/phish-guard"));
    assertThat(registry.find("shield_model_surge_shortfall_replicas").gauges())
        .extracting(g -> g.getId().getTag("model")).containsExactly("phish-guard");
  }
}
