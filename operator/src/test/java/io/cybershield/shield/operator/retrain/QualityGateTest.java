package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.v1alpha1.retrain.spec.EvaluationDataset;
import io.cybershield.shield.api.v1alpha1.retrain.spec.RedTeam;
import io.cybershield.shield.api.v1alpha1.retrain.spec.Thresholds;
import io.cybershield.shield.api.v1alpha1.retrain.spec.ValidationSpec;
import io.cybershield.shield.api.v1alpha1.retrain.status.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Examples of the quality gate (JUnit, in the nested classes) and its properties over any thresholds and metrics
 * (jqwik, the {@code @Property} methods of this class).
 */
class QualityGateTest {

  private static final String SUITE = "s3://red-team/suites/2026-07";
  private static final ValidationSpec DEFAULTS = gate(new Thresholds(null, null, null), null);
  /** A failed comparison in a message: the check, its value, how it failed and the threshold. */
  private static final Pattern FAILED_COMPARISON =
      Pattern.compile("(\\w+) (\\S+) is (below the threshold|above the maximum) ([^;\\s]+)");

  private static ValidationSpec gate(Thresholds thresholds, RedTeam redTeam) {
    return new ValidationSpec("evaluator:1", null, null, null, null, null, null,
        new EvaluationDataset("s3://datasets/held-out", null), thresholds, redTeam);
  }

  private static ValidationResult metrics(Double precision, Double recall, Double f1, Double attackSuccessRate) {
    return new ValidationResult(precision, recall, f1, 12000L, attackSuccessRate);
  }

  @Nested
  class Precision {

    @Test
    void passesWithTheDefaultThreshold() {
      GateOutcome outcome = QualityGate.evaluate(DEFAULTS, metrics(0.93, null, null, null));

      assertThat(outcome).isEqualTo(new GateOutcome(List.of(new Verdict("precision", 0.93, 0.90, true)), true,
          "passed the 1 check: precision 0.93 \u2265 0.90"));
      assertThat(outcome.reason()).isEqualTo(QualityGate.GATE_PASSED);
    }

    @Test
    void failsBelowTheDefaultThreshold() {
      GateOutcome outcome = QualityGate.evaluate(DEFAULTS, metrics(0.85, null, null, null));

      assertThat(outcome).isEqualTo(new GateOutcome(List.of(new Verdict("precision", 0.85, 0.90, false)), false,
          "failed 1 of 1 check: precision 0.85 is below the threshold 0.90"));
      assertThat(outcome.reason()).isEqualTo(QualityGate.THRESHOLD_NOT_MET);
    }

    @Test
    void withoutThresholdsOrAnyValidationSpecTheDefaultApplies() {
      assertThat(QualityGate.evaluate(gate(null, null), metrics(0.85, null, null, null)).message())
          .isEqualTo("failed 1 of 1 check: precision 0.85 is below the threshold 0.90");
      assertThat(QualityGate.evaluate(null, metrics(0.93, null, null, null)).passed()).isTrue();
    }

    @Test
    void aStricterThreshold() {
      assertThat(QualityGate.evaluate(gate(new Thresholds(0.95, null, null), null), metrics(0.93, null, null, null)))
          .isEqualTo(new GateOutcome(List.of(new Verdict("precision", 0.93, 0.95, false)), false,
              "failed 1 of 1 check: precision 0.93 is below the threshold 0.95"));
    }

    @Test
    void equalToTheThresholdPasses() {
      assertThat(QualityGate.evaluate(DEFAULTS, metrics(0.90, null, null, null)))
          .isEqualTo(new GateOutcome(List.of(new Verdict("precision", 0.90, 0.90, true)), true,
              "passed the 1 check: precision 0.90 \u2265 0.90"));
    }

    @Test
    void justBelowTheThresholdFailsAndShowsTheDifference() {
      assertThat(QualityGate.evaluate(DEFAULTS, metrics(0.8999, null, null, null)).message())
          .isEqualTo("failed 1 of 1 check: precision 0.8999 is below the threshold 0.9000");
      assertThat(QualityGate.evaluate(DEFAULTS, metrics(0.895, null, null, null)).message())
          .isEqualTo("failed 1 of 1 check: precision 0.895 is below the threshold 0.900");
      assertThat(QualityGate.evaluate(DEFAULTS, metrics(Math.nextDown(0.9), null, null, null)).message())
          .isEqualTo("failed 1 of 1 check: precision 0.8999999999999999 is below the threshold 0.9000000000000000");
    }

    @Test
    void justAboveTheThresholdPasses() {
      assertThat(QualityGate.evaluate(DEFAULTS, metrics(Math.nextUp(0.9), null, null, null)).passed()).isTrue();
      assertThat(QualityGate.evaluate(DEFAULTS, metrics(0.901, null, null, null)).message())
          .isEqualTo("passed the 1 check: precision 0.901 \u2265 0.900");
    }

    @Test
    void aThresholdWithMoreDecimalsIsShownWithThem() {
      assertThat(QualityGate.evaluate(gate(new Thresholds(0.905, null, null), null), metrics(0.95, null, null, null))
          .message()).isEqualTo("passed the 1 check: precision 0.950 \u2265 0.905");
      assertThat(QualityGate.evaluate(gate(new Thresholds(0.905, null, null), null), metrics(0.904, null, null, null))
          .message()).isEqualTo("failed 1 of 1 check: precision 0.904 is below the threshold 0.905");
    }

    @Test
    void theBoundsZeroAndOne() {
      assertThat(QualityGate.evaluate(gate(new Thresholds(1.0, null, null), null), metrics(1.0, null, null, null))
          .passed()).isTrue();
      assertThat(QualityGate.evaluate(gate(new Thresholds(0.0, null, null), null), metrics(0.0, null, null, null))
          .message()).isEqualTo("passed the 1 check: precision 0.00 \u2265 0.00");
    }
  }

  @Nested
  class RecallAndF1 {

    @Test
    void areNotCheckedWhenNotSet() {
      GateOutcome outcome = QualityGate.evaluate(DEFAULTS, metrics(0.93, 0.10, 0.10, null));

      assertThat(outcome.verdicts()).extracting(Verdict::check).containsExactly("precision");
      assertThat(outcome.passed()).isTrue();
    }

    @Test
    void recallIsCheckedWhenSet() {
      ValidationSpec gate = gate(new Thresholds(null, 0.80, null), null);

      assertThat(QualityGate.evaluate(gate, metrics(0.93, 0.84, null, null))).isEqualTo(new GateOutcome(List.of(
          new Verdict("precision", 0.93, 0.90, true), new Verdict("recall", 0.84, 0.80, true)), true,
          "passed all 2 checks: precision 0.93 \u2265 0.90, recall 0.84 \u2265 0.80"));
      assertThat(QualityGate.evaluate(gate, metrics(0.93, 0.79, null, null)).message())
          .isEqualTo("failed 1 of 2 checks: recall 0.79 is below the threshold 0.80");
    }

    @Test
    void f1IsCheckedWhenSet() {
      ValidationSpec gate = gate(new Thresholds(null, null, 0.85), null);

      assertThat(QualityGate.evaluate(gate, metrics(0.93, null, 0.85, null)).verdicts())
          .containsExactly(new Verdict("precision", 0.93, 0.90, true), new Verdict("f1", 0.85, 0.85, true));
      assertThat(QualityGate.evaluate(gate, metrics(0.93, null, 0.70, null)).message())
          .isEqualTo("failed 1 of 2 checks: f1 0.70 is below the threshold 0.85");
    }
  }

  @Nested
  class RedTeamSuite {

    @Test
    void isNotCheckedWithoutASuite() {
      GateOutcome outcome = QualityGate.evaluate(DEFAULTS, metrics(0.93, null, null, 0.90));

      assertThat(outcome.verdicts()).extracting(Verdict::check).containsExactly("precision");
      assertThat(outcome.passed()).isTrue();
    }

    @Test
    void theDefaultMaximumIsFivePercent() {
      ValidationSpec gate = gate(null, new RedTeam(SUITE, null));

      assertThat(QualityGate.evaluate(gate, metrics(0.93, null, null, 0.02)).verdicts())
          .containsExactly(new Verdict("precision", 0.93, 0.90, true),
              new Verdict("attackSuccessRate", 0.02, 0.05, true));
      assertThat(QualityGate.evaluate(gate, metrics(0.93, null, null, 0.07))).isEqualTo(new GateOutcome(List.of(
          new Verdict("precision", 0.93, 0.90, true), new Verdict("attackSuccessRate", 0.07, 0.05, false)), false,
          "failed 1 of 2 checks: attackSuccessRate 0.07 is above the maximum 0.05"));
    }

    @Test
    void equalToTheMaximumPassesAndJustAboveFails() {
      ValidationSpec gate = gate(null, new RedTeam(SUITE, null));

      assertThat(QualityGate.evaluate(gate, metrics(0.93, null, null, 0.05)).message())
          .isEqualTo("passed all 2 checks: precision 0.93 \u2265 0.90, attackSuccessRate 0.05 \u2264 0.05");
      assertThat(QualityGate.evaluate(gate, metrics(0.93, null, null, 0.0501)).message())
          .isEqualTo("failed 1 of 2 checks: attackSuccessRate 0.0501 is above the maximum 0.0500");
    }

    @Test
    void aConfiguredMaximum() {
      assertThat(QualityGate.evaluate(gate(null, new RedTeam(SUITE, 0.10)), metrics(0.93, null, null, 0.07))
          .passed()).isTrue();
    }
  }

  @Nested
  class AllChecks {

    @Test
    void passingNamesEveryCheck() {
      GateOutcome outcome = QualityGate.evaluate(gate(new Thresholds(0.90, 0.80, null), new RedTeam(SUITE, null)),
          metrics(0.93, 0.84, null, 0.02));

      assertThat(outcome.message()).isEqualTo("passed all 3 checks: precision 0.93 \u2265 0.90, recall 0.84 \u2265 "
          + "0.80, attackSuccessRate 0.02 \u2264 0.05");
    }

    @Test
    void failingNamesEveryFailedCheckInOrder() {
      GateOutcome outcome = QualityGate.evaluate(gate(new Thresholds(0.90, 0.80, 0.70), new RedTeam(SUITE, 0.05)),
          metrics(0.85, 0.84, null, 0.20));

      assertThat(outcome).isEqualTo(new GateOutcome(List.of(
          new Verdict("precision", 0.85, 0.90, false),
          new Verdict("recall", 0.84, 0.80, true),
          new Verdict("f1", null, 0.70, false),
          new Verdict("attackSuccessRate", 0.20, 0.05, false)), false,
          "failed 3 of 4 checks: precision 0.85 is below the threshold 0.90; the evaluator did not report f1, which "
              + "the gate requires (threshold 0.70); attackSuccessRate 0.20 is above the maximum 0.05"));
      assertThat(outcome.reason()).isEqualTo(QualityGate.THRESHOLD_NOT_MET);
    }
  }

  @Nested
  class MissingMetrics {

    @Test
    void aMissingRequiredMetricFails() {
      GateOutcome outcome = QualityGate.evaluate(gate(new Thresholds(null, 0.80, null), null),
          metrics(0.93, null, null, null));

      assertThat(outcome).isEqualTo(new GateOutcome(List.of(
          new Verdict("precision", 0.93, 0.90, true), new Verdict("recall", null, 0.80, false)), false,
          "failed 1 of 2 checks: the evaluator did not report recall, which the gate requires (threshold 0.80)"));
      assertThat(outcome.reason()).isEqualTo(QualityGate.METRIC_MISSING);
    }

    @Test
    void precisionIsAlwaysRequired() {
      GateOutcome outcome = QualityGate.evaluate(DEFAULTS, metrics(null, 0.99, 0.99, 0.0));

      assertThat(outcome.message()).isEqualTo("failed 1 of 1 check: the evaluator did not report precision, which "
          + "the gate requires (threshold 0.90)");
      assertThat(outcome.reason()).isEqualTo(QualityGate.METRIC_MISSING);
    }

    @Test
    void aMissingAttackSuccessRateNamesTheMaximum() {
      assertThat(QualityGate.evaluate(gate(null, new RedTeam(SUITE, null)), metrics(0.93, null, null, null))
          .message()).isEqualTo("failed 1 of 2 checks: the evaluator did not report attackSuccessRate, which the "
          + "gate requires (maximum 0.05)");
    }

    @Test
    void notANumberIsNoMetric() {
      GateOutcome outcome = QualityGate.evaluate(DEFAULTS, metrics(Double.NaN, null, null, null));

      assertThat(outcome).isEqualTo(new GateOutcome(List.of(new Verdict("precision", null, 0.90, false)), false,
          "failed 1 of 1 check: the evaluator reported precision as NaN, which the gate cannot compare (threshold "
              + "0.90)"));
      assertThat(outcome.reason()).isEqualTo(QualityGate.METRIC_MISSING);
    }

    @Test
    void infinityIsNoMetric() {
      GateOutcome outcome = QualityGate.evaluate(DEFAULTS, metrics(Double.POSITIVE_INFINITY, null, null, null));

      assertThat(outcome.verdicts()).containsExactly(new Verdict("precision", null, 0.90, false));
      assertThat(outcome.passed()).isFalse();
    }

    @Test
    void noResultAtAllFailsEveryCheck() {
      GateOutcome outcome = QualityGate.evaluate(gate(new Thresholds(null, 0.8, null), new RedTeam(SUITE, null)),
          null);

      assertThat(outcome.verdicts()).extracting(Verdict::passed).containsExactly(false, false, false);
      assertThat(outcome.reason()).isEqualTo(QualityGate.METRIC_MISSING);
    }

    @Test
    void missingAndBelowIsThresholdNotMet() {
      GateOutcome outcome = QualityGate.evaluate(gate(new Thresholds(null, 0.80, null), null),
          metrics(0.50, null, null, null));

      assertThat(outcome.reason()).isEqualTo(QualityGate.THRESHOLD_NOT_MET);
    }
  }

  // Properties: any thresholds and metrics, with metrics concentrated on and around the thresholds.

  /** A gate and what the evaluator reported. */
  record Scenario(Thresholds thresholds, RedTeam redTeam, ValidationResult result) {

    double precisionMinimum() {
      return thresholds.precision() == null ? 0.90 : thresholds.precision();
    }

    double attackMaximum() {
      return redTeam.maxAttackSuccessRate() == null ? 0.05 : redTeam.maxAttackSuccessRate();
    }

    List<String> configuredChecks() {
      List<String> checks = new ArrayList<>(List.of("precision"));
      if (thresholds.recall() != null) {
        checks.add("recall");
      }
      if (thresholds.f1() != null) {
        checks.add("f1");
      }
      if (redTeam != null) {
        checks.add("attackSuccessRate");
      }
      return checks;
    }

    /** The gate, restated: each configured check holds for a real number on the right side of its threshold. */
    boolean everyConfiguredCheckHolds() {
      return atLeast(result.precision(), precisionMinimum())
          && (thresholds.recall() == null || atLeast(result.recall(), thresholds.recall()))
          && (thresholds.f1() == null || atLeast(result.f1(), thresholds.f1()))
          && (redTeam == null || atMost(result.attackSuccessRate(), attackMaximum()));
    }

    boolean someMetricMissesItsThreshold() {
      return below(result.precision(), precisionMinimum())
          || thresholds.recall() != null && below(result.recall(), thresholds.recall())
          || thresholds.f1() != null && below(result.f1(), thresholds.f1())
          || redTeam != null && above(result.attackSuccessRate(), attackMaximum());
    }

    private static boolean real(Double value) {
      return value != null && !value.isNaN() && !value.isInfinite();
    }

    private static boolean atLeast(Double value, double minimum) {
      return real(value) && value >= minimum;
    }

    private static boolean atMost(Double value, double maximum) {
      return real(value) && value <= maximum;
    }

    private static boolean below(Double value, double minimum) {
      return real(value) && value < minimum;
    }

    private static boolean above(Double value, double maximum) {
      return real(value) && value > maximum;
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Double> threshold = fraction().injectNull(0.4);
    Arbitrary<RedTeam> redTeam = fraction().injectNull(0.3).map(maximum -> new RedTeam(SUITE, maximum))
        .injectNull(0.4);
    return Combinators.combine(threshold, threshold, threshold, redTeam).flatAs((precision, recall, f1, red) -> {
      Thresholds thresholds = new Thresholds(precision, recall, f1);
      double attackMaximum = red == null || red.maxAttackSuccessRate() == null ? 0.05 : red.maxAttackSuccessRate();
      return Combinators.combine(
          metricAround(precision == null ? 0.90 : precision),
          metricAround(recall == null ? 0.5 : recall),
          metricAround(f1 == null ? 0.5 : f1),
          metricAround(attackMaximum),
          Arbitraries.longs().between(1, 1_000_000))
          .as((p, r, f, attack, samples) -> new Scenario(thresholds, red,
              new ValidationResult(p, r, f, samples, attack)));
    });
  }

  private static Arbitrary<Double> fraction() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1).ofScale(2),
        Arbitraries.doubles().between(0, 1).ofScale(10),
        Arbitraries.of(0.0, 1.0, 0.05, 0.8, 0.9));
  }

  /** A metric on, just below or just above {@code threshold}, anywhere in 0..1, or missing, NaN or infinite. */
  private static Arbitrary<Double> metricAround(double threshold) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(threshold, Math.nextDown(threshold), Math.nextUp(threshold),
            threshold - 0.0001, threshold + 0.0001, threshold - 0.004, threshold + 0.004)),
        Tuple.of(3, fraction()),
        Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
        .injectNull(0.1);
  }

  @Property
  void passesExactlyWhenEveryConfiguredCheckHolds(@ForAll("scenarios") Scenario scenario) {
    GateOutcome outcome = QualityGate.evaluate(gate(scenario.thresholds(), scenario.redTeam()), scenario.result());

    assertThat(outcome.passed()).isEqualTo(scenario.everyConfiguredCheckHolds());
    assertThat(outcome.passed()).isEqualTo(outcome.verdicts().stream().allMatch(Verdict::passed));
    Statistics.label("passed").collect(outcome.passed());
    Statistics.label("passed").coverage(coverage -> {
      coverage.check(true).percentage(percent -> percent > 10);
      coverage.check(false).percentage(percent -> percent > 10);
    });
  }

  @Property
  void aMetricOnTheWrongSideOfItsThresholdNeverPasses(@ForAll("scenarios") Scenario scenario) {
    GateOutcome outcome = QualityGate.evaluate(gate(scenario.thresholds(), scenario.redTeam()), scenario.result());

    if (scenario.someMetricMissesItsThreshold()) {
      assertThat(outcome.passed()).isFalse();
      assertThat(outcome.reason()).isEqualTo(QualityGate.THRESHOLD_NOT_MET);
    }
    Statistics.label("misses a threshold").collect(scenario.someMetricMissesItsThreshold());
  }

  @Property
  void verdictsListExactlyTheConfiguredChecks(@ForAll("scenarios") Scenario scenario) {
    GateOutcome outcome = QualityGate.evaluate(gate(scenario.thresholds(), scenario.redTeam()), scenario.result());

    assertThat(outcome.verdicts()).extracting(Verdict::check).containsExactlyElementsOf(scenario.configuredChecks());
    assertThat(outcome.verdicts().get(0).threshold()).isEqualTo(scenario.precisionMinimum());
    if (scenario.redTeam() != null) {
      assertThat(outcome.verdicts().get(outcome.verdicts().size() - 1).threshold())
          .isEqualTo(scenario.attackMaximum());
    }
    assertThat(outcome.verdicts()).allSatisfy(verdict -> {
      if (verdict.value() != null) {
        assertThat(verdict.value()).isFinite();
      }
    });
  }

  @Property
  void theMessageNamesEveryFailedCheck(@ForAll("scenarios") Scenario scenario) {
    GateOutcome outcome = QualityGate.evaluate(gate(scenario.thresholds(), scenario.redTeam()), scenario.result());
    List<Verdict> failed = outcome.verdicts().stream().filter(verdict -> !verdict.passed()).toList();

    if (outcome.passed()) {
      assertThat(outcome.message()).startsWith("passed ");
      outcome.verdicts().forEach(verdict -> assertThat(outcome.message()).contains(verdict.check() + " "));
    } else {
      assertThat(outcome.message()).startsWith("failed " + failed.size() + " of " + outcome.verdicts().size() + " ");
      failed.forEach(verdict -> assertThat(outcome.message()).contains(" " + verdict.check()));
    }
    assertThat(outcome.message()).doesNotContain("\n");
  }

  @Property
  void aFailingValueNeverPrintsEqualToItsThreshold(@ForAll("scenarios") Scenario scenario) {
    GateOutcome outcome = QualityGate.evaluate(gate(scenario.thresholds(), scenario.redTeam()), scenario.result());

    Matcher comparison = FAILED_COMPARISON.matcher(outcome.message());
    while (comparison.find()) {
      BigDecimal value = new BigDecimal(comparison.group(2));
      BigDecimal threshold = new BigDecimal(comparison.group(4));
      if (comparison.group(3).startsWith("below")) {
        assertThat(value).isLessThan(threshold);
      } else {
        assertThat(value).isGreaterThan(threshold);
      }
    }
  }

  @Property
  void theReasonFollowsTheVerdicts(@ForAll("scenarios") Scenario scenario) {
    GateOutcome outcome = QualityGate.evaluate(gate(scenario.thresholds(), scenario.redTeam()), scenario.result());
    List<Verdict> failed = outcome.verdicts().stream().filter(verdict -> !verdict.passed()).toList();

    String expected = failed.isEmpty() ? QualityGate.GATE_PASSED
        : failed.stream().allMatch(verdict -> verdict.value() == null) ? QualityGate.METRIC_MISSING
        : QualityGate.THRESHOLD_NOT_MET;
    assertThat(outcome.reason()).isEqualTo(expected);
  }
}
