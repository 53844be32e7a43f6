package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.retrain.status.Release;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the metrics the evaluator reports and whatever happens in between — triggers, Job failures, malformed
 * results, approvals of any version, suspends, policy changes, rollouts that complete or not, time passing — no
 * version whose metrics miss one of the fixture's thresholds (precision 0.90, recall 0.80, attack success rate at
 * most 0.05) is ever among the releases a model may serve, runs never overlap, and run numbers only grow.
 */
class RunPlannerPropertyTest {

  /** Something that happens between two reconciles. */
  sealed interface Step permits Trigger, TrainerEnds, EvaluatorEnds, Approve, ModelServes, Wait, Suspend, Manual {
  }

  record Trigger(String value) implements Step {
  }

  /** The training Job of the current run ends: ok, failed or with garbage. */
  record TrainerEnds(int outcome) implements Step {
  }

  record EvaluatorEnds(Double precision, Double recall, Double attackSuccessRate, boolean fails) implements Step {
  }

  /** The approve annotation names a version: the current run's, another, or garbage. */
  record Approve(int which) implements Step {
  }

  record ModelServes(boolean ready) implements Step {
  }

  record Wait(int minutes) implements Step {
  }

  record Suspend(boolean suspend) implements Step {
  }

  record Manual(boolean manual) implements Step {
  }

  @Property(tries = 300, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
  void noVersionMissingAThresholdIsEverReleased(@ForAll("steps") @Size(max = 60) List<Step> steps) {
    RetrainScenario s = new RetrainScenario();
    Map<String, Boolean> versionPasses = new HashMap<>();
    long highestRun = 0;
    for (Step step : steps) {
      apply(s, step, versionPasses);
      s.reconcile();

      RetrainRun current = s.status().currentRun();
      long numbered = Stream.concat(Stream.ofNullable(current),
          s.status().history() == null ? Stream.empty() : s.status().history().stream())
          .mapToLong(RetrainRun::number).max().orElse(0);
      assertThat(numbered).as("run numbers never go back").isGreaterThanOrEqualTo(highestRun);
      highestRun = numbered;
      assertThat(s.createdJobOrder.stream().filter(name -> name.endsWith("-train")).count())
          .as("at most one training Job per run").isLessThanOrEqualTo(numbered);
      assertThat(s.jobs.values().stream().filter(job -> job.outcome() == JobState.Outcome.RUNNING).count())
          .as("runs never overlap").isLessThanOrEqualTo(1);
      if (s.status().releases() != null) {
        for (Release release : s.status().releases()) {
          assertThat(versionPasses.get(release.version()))
              .as("release %s was validated with metrics meeting every threshold", release.version()).isTrue();
        }
        assertThat(s.status().promotedVersion()).isEqualTo(s.status().releases().get(0).version());
      } else {
        assertThat(s.status().promotedVersion()).isNull();
      }
      if (s.status().history() != null) {
        for (RetrainRun run : s.status().history()) {
          if (run.phase() == RunPhase.Rejected || run.phase() == RunPhase.RolledBack) {
            assertThat(s.status().releases() == null ? List.<String>of()
                : s.status().releases().stream().map(Release::version).toList())
                .as("a rejected or rolled-back version is not served").doesNotContain(run.version());
          }
        }
      }
    }
  }

  private static void apply(RetrainScenario s, Step step, Map<String, Boolean> versionPasses) {
    RetrainRun current = s.status() == null ? null : s.status().currentRun();
    if (step instanceof Trigger t) {
      s.trigger(t.value());
    } else if (step instanceof TrainerEnds t) {
      if (current != null && current.phase() == RunPhase.Training) {
        String job = current.trainingJob();
        if (t.outcome() == 0) {
          s.succeed(job, "{\"uri\": \"s3://models/threat-intel/r" + current.number() + "\"}");
        } else if (t.outcome() == 1) {
          s.fail(job, "boom", 1);
        } else {
          s.succeed(job, "{\"uri\": ");
        }
      }
    } else if (step instanceof EvaluatorEnds e) {
      if (current != null && current.phase() == RunPhase.Validating) {
        if (e.fails()) {
          s.fail(current.validationJob(), "", 2);
        } else {
          StringBuilder json = new StringBuilder("{\"samples\": 100");
          if (e.precision() != null) {
            json.append(", \"precision\": ").append(e.precision());
          }
          if (e.recall() != null) {
            json.append(", \"recall\": ").append(e.recall());
          }
          if (e.attackSuccessRate() != null) {
            json.append(", \"attackSuccessRate\": ").append(e.attackSuccessRate());
          }
          s.succeed(current.validationJob(), json.append('}').toString());
          // the oracle, written out: the fixture's gate is precision >= 0.90, recall >= 0.80, attacks <= 0.05
          boolean passes = e.precision() != null && e.precision() >= 0.90
              && e.recall() != null && e.recall() >= 0.80
              && e.attackSuccessRate() != null && e.attackSuccessRate() <= 0.05;
          versionPasses.put(current.version(), passes);
        }
      }
    } else if (step instanceof Approve a) {
      String version = a.which() == 0 ? (current == null ? "r1" : current.version())
          : a.which() == 1 ? "r" + (current == null ? 2 : current.number() + 1) : "not-a-version";
      s.annotate(ShieldNames.APPROVE_ANNOTATION, version);
    } else if (step instanceof ModelServes m) {
      String promoted = s.status() == null ? null : s.status().promotedVersion();
      s.modelServes(Objects.requireNonNullElse(promoted, "v7"), m.ready());
    } else if (step instanceof Wait w) {
      s.advance(Duration.ofMinutes(w.minutes()));
    } else if (step instanceof Suspend p) {
      s.edit(r -> r.setSpec(p.suspend() ? RetrainSpecs.suspended(r.getSpec()) : RetrainSpecs.resumed(r.getSpec())));
    } else if (step instanceof Manual m) {
      s.edit(r -> r.setSpec(m.manual() ? RetrainSpecs.manual(r.getSpec()) : RetrainSpecs.automatic(r.getSpec())));
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Double> metric = Arbitraries.oneOf(
        Arbitraries.of(0.0, 0.05, 0.0499, 0.0501, 0.79, 0.7999, 0.80, 0.8001, 0.8999, 0.90, 0.9001, 1.0),
        Arbitraries.doubles().between(0.0, 1.0));
    Arbitrary<Double> maybe = Arbitraries.oneOf(metric, Arbitraries.just(null));
    // weighted so that most sequences get runs through training and validation to the gate
    @SuppressWarnings("unchecked")
    Arbitrary<Step> step = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4).map(Trigger::new)),
        net.jqwik.api.Tuple.of(4, Arbitraries.frequency(net.jqwik.api.Tuple.of(6, 0), net.jqwik.api.Tuple.of(1, 1),
            net.jqwik.api.Tuple.of(1, 2)).map(TrainerEnds::new)),
        net.jqwik.api.Tuple.of(4, Combinators.combine(maybe, maybe, maybe, Arbitraries.of(true, false, false, false))
            .as(EvaluatorEnds::new)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 2).map(Approve::new)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(ModelServes::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 60).map(Wait::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false, false).map(Suspend::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(Manual::new)));
    return step.list().ofMinSize(5);
  }
}
