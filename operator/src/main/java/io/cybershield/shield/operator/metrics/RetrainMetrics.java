package io.cybershield.shield.operator.metrics;

import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ShieldRetrain metrics: {@code shield_retrain_runs_total{namespace, retrain, outcome}} (Promoted, Rejected,
 * Failed, RolledBack), {@code shield_retrain_run_duration_seconds{namespace, retrain, outcome}} (from start to end of
 * a run), {@code shield_retrain_gate_value{namespace, retrain, metric}} (the metrics of the last validated run: precision,
 * recall, f1, attackSuccessRate) and {@code shield_retrain_running{namespace, retrain}} (1 while a run is in progress).
 * docs/metrics.md lists them; the alerts ShieldRetrainGateFailed and ShieldRetrainRolledBack read the run counter.
 */
public final class RetrainMetrics {

  public static final String RUNS = "shield_retrain_runs_total";
  public static final String DURATION = "shield_retrain_run_duration_seconds";
  public static final String GATE_VALUE = "shield_retrain_gate_value";
  public static final String RUNNING = "shield_retrain_running";
  /** The phases a run ends in, each an {@code outcome} of {@value #RUNS}. */
  private static final List<RunPhase> FINAL = List.of(RunPhase.Promoted, RunPhase.Rejected, RunPhase.Failed,
      RunPhase.RolledBack);

  private final MeterRegistry registry;
  private final Map<Gauged, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
  /** The ShieldRetrains ("namespace/name") whose run counters exist for every final outcome. */
  private final Set<String> counted = ConcurrentHashMap.newKeySet();

  private record Gauged(String name, Tags tags) {
  }

  public RetrainMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts a run that ended, with its duration and, when it was validated, its gate metrics. */
  public void finished(String namespace, String retrain, RetrainRun run) {
    String outcome = run.phase() == null ? "Unknown" : run.phase().name();
    Tags tags = Tags.of("namespace", namespace, "retrain", retrain, "outcome", outcome);
    runs(tags).increment();
    Duration duration = duration(run);
    if (duration != null) {
      DistributionSummary.builder(DURATION).description("How long ShieldRetrain runs took, from start to end")
          .baseUnit("seconds").tags(tags).register(registry).record(duration.toMillis() / 1000.0);
    }
    RunMetrics metrics = run.metrics();
    if (metrics != null) {
      gate(namespace, retrain, "precision", metrics.precision());
      gate(namespace, retrain, "recall", metrics.recall());
      gate(namespace, retrain, "f1", metrics.f1());
      gate(namespace, retrain, "attackSuccessRate", metrics.attackSuccessRate());
    }
  }

  /**
   * Whether a run of the ShieldRetrain is in progress. Also makes the run counters of every final outcome exist, at 0
   * until a run ends so: {@code increase()} over a series that appears at 1 sees no increase, and the alerts on
   * rejected and rolled-back runs would miss the first of each.
   */
  public void running(String namespace, String retrain, boolean running) {
    value(RUNNING, "1 while a run of the ShieldRetrain is in progress",
        Tags.of("namespace", namespace, "retrain", retrain), running ? 1.0 : 0.0);
    if (counted.add(namespace + "/" + retrain)) {
      for (RunPhase outcome : FINAL) {
        runs(Tags.of("namespace", namespace, "retrain", retrain, "outcome", outcome.name()));
      }
    }
  }

  private Counter runs(Tags tags) {
    // "_total" is added by the Prometheus registry
    return Counter.builder(RUNS.substring(0, RUNS.length() - "_total".length()))
        .description("Finished ShieldRetrain runs by outcome").tags(tags).register(registry);
  }

  private void gate(String namespace, String retrain, String metric, Double value) {
    value(GATE_VALUE, "Gate metrics the last validated run of a ShieldRetrain reported",
        Tags.of("namespace", namespace, "retrain", retrain, "metric", metric), value == null ? Double.NaN : value);
  }

  private void value(String name, String description, Tags tags, double value) {
    gauges.computeIfAbsent(new Gauged(name, tags), key -> {
      AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
      Gauge.builder(name, holder, AtomicReference::get).description(description).tags(tags).register(registry);
      return holder;
    }).set(value);
  }

  private static Duration duration(RetrainRun run) {
    try {
      if (run.startTime() == null || run.completionTime() == null) {
        return null;
      }
      return Duration.between(Instant.parse(run.startTime()), Instant.parse(run.completionTime()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
