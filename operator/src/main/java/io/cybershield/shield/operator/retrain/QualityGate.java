package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.v1alpha1.retrain.spec.RedTeam;
import io.cybershield.shield.api.v1alpha1.retrain.spec.Thresholds;
import io.cybershield.shield.api.v1alpha1.retrain.spec.ValidationSpec;
import io.cybershield.shield.api.v1alpha1.retrain.status.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The quality gate of {@code spec.validation}: whether the metrics a validation Job reported let a new version be
 * promoted. The checks, in this order:
 * <ol>
 *   <li>{@code precision} at least {@code thresholds.precision} ({@value Thresholds#DEFAULT_PRECISION} when not set),
 *   always;</li>
 *   <li>{@code recall} at least {@code thresholds.recall}, when set;</li>
 *   <li>{@code f1} at least {@code thresholds.f1}, when set;</li>
 *   <li>{@code attackSuccessRate} at most {@code redTeam.maxAttackSuccessRate}
 *   ({@value #DEFAULT_MAX_ATTACK_SUCCESS_RATE} when not set), when a red-team suite is configured.</li>
 * </ol>
 * A value equal to its threshold passes. A check whose metric the evaluator did not report, or reported as NaN or
 * infinite, fails. The gate passes when every check passes.
 */
public final class QualityGate {

  /** Every check passed. */
  public static final String GATE_PASSED = "GatePassed";

  /** A metric missed its threshold. */
  public static final String THRESHOLD_NOT_MET = "ThresholdNotMet";

  /** The gate failed only because the evaluator did not report metrics it requires. */
  public static final String METRIC_MISSING = "MetricMissing";

  /** Highest attack success rate when {@code redTeam.maxAttackSuccessRate} is not set (the CRD's default). */
  public static final double DEFAULT_MAX_ATTACK_SUCCESS_RATE = RedTeam.DEFAULT_MAX_ATTACK_SUCCESS_RATE;
  /** Key of the attack success rate's maximum in {@link #limits}; every other key is a metric's minimum. */
  public static final String MAX_ATTACK_SUCCESS_RATE = "maxAttackSuccessRate";

  /** Decimals a value is shown with unless its threshold has more, or rounding would hide a difference. */
  private static final int DECIMALS = 2;
  private static final int MAX_DECIMALS = 20;

  private QualityGate() {
  }

  /**
   * Checks {@code result} against the gate of {@code validation}.
   *
   * @param validation the ShieldRetrain's {@code spec.validation}; null is the default gate (precision 0.90)
   * @param result     what the validation Job reported; null when it reported nothing, which fails every check
   */
  public static GateOutcome evaluate(ValidationSpec validation, ValidationResult result) {
    ValidationResult metrics = result == null ? new ValidationResult(null, null, null, null, null) : result;
    Map<String, Double> measured = new LinkedHashMap<>();
    measured.put("precision", metrics.precision());
    measured.put("recall", metrics.recall());
    measured.put("f1", metrics.f1());

    List<Check> checks = new ArrayList<>();
    limits(validation).forEach((limit, value) -> checks.add(MAX_ATTACK_SUCCESS_RATE.equals(limit)
        ? Check.atMost("attackSuccessRate", metrics.attackSuccessRate(), value)
        : Check.atLeast(limit, measured.get(limit), value)));

    List<Verdict> verdicts = checks.stream().map(Check::verdict).toList();
    List<Check> failed = checks.stream().filter(check -> !check.passed()).toList();
    String message = failed.isEmpty()
        ? "passed " + (checks.size() == 1 ? "the 1 check: " : "all " + checks.size() + " checks: ")
            + checks.stream().map(Check::describe).collect(Collectors.joining(", "))
        : "failed " + failed.size() + " of " + checks.size() + (checks.size() == 1 ? " check: " : " checks: ")
            + failed.stream().map(Check::describe).collect(Collectors.joining("; "));
    return new GateOutcome(verdicts, failed.isEmpty(), message);
  }

  /**
   * The gate's limits, in the order they are checked: {@code precision} (0.90 unless set), {@code recall} and
   * {@code f1} when set — minimums — and {@value #MAX_ATTACK_SUCCESS_RATE} (0.05 unless set) when a red-team suite
   * is configured.
   */
  public static Map<String, Double> limits(ValidationSpec validation) {
    Thresholds thresholds = validation == null ? null : validation.thresholds();
    RedTeam redTeam = validation == null ? null : validation.redTeam();
    Map<String, Double> limits = new LinkedHashMap<>();
    limits.put("precision", thresholds == null || thresholds.precision() == null ? Thresholds.DEFAULT_PRECISION
        : thresholds.precision());
    if (thresholds != null && thresholds.recall() != null) {
      limits.put("recall", thresholds.recall());
    }
    if (thresholds != null && thresholds.f1() != null) {
      limits.put("f1", thresholds.f1());
    }
    if (redTeam != null) {
      limits.put(MAX_ATTACK_SUCCESS_RATE, redTeam.maxAttackSuccessRate() == null ? DEFAULT_MAX_ATTACK_SUCCESS_RATE
          : redTeam.maxAttackSuccessRate());
    }
    return limits;
  }

  /** One check: a metric against a minimum, or against a maximum when {@code atMost}. */
  private record Check(String name, Double value, double threshold, boolean atMost) {

    static Check atLeast(String name, Double value, double minimum) {
      return new Check(name, value, minimum, false);
    }

    static Check atMost(String name, Double value, double maximum) {
      return new Check(name, value, maximum, true);
    }

    boolean usable() {
      return value != null && Double.isFinite(value);
    }

    boolean passed() {
      return usable() && (atMost ? value <= threshold : value >= threshold);
    }

    Verdict verdict() {
      return new Verdict(name, usable() ? value : null, threshold, passed());
    }

    String describe() {
      String limit = atMost ? "maximum" : "threshold";
      if (value == null) {
        return "the evaluator did not report " + name + ", which the gate requires (" + limit + " "
            + shown(threshold, threshold)[1] + ")";
      }
      if (!usable()) {
        return "the evaluator reported " + name + " as " + value + ", which the gate cannot compare (" + limit + " "
            + shown(threshold, threshold)[1] + ")";
      }
      String[] shown = shown(value, threshold);
      if (passed()) {
        return name + " " + shown[0] + (atMost ? " \u2264 " : " \u2265 ") + shown[1];
      }
      return name + " " + shown[0] + (atMost ? " is above the maximum " : " is below the threshold ") + shown[1];
    }

    /**
     * {@code value} and {@code threshold} with the same decimals: two, or as many as the threshold has, and more
     * while rounding would print two different numbers alike (0.8999 against 0.90 shows 0.8999 and 0.9000).
     */
    private static String[] shown(double value, double threshold) {
      BigDecimal exactValue = BigDecimal.valueOf(value);
      BigDecimal exactThreshold = BigDecimal.valueOf(threshold);
      int decimals = Math.min(MAX_DECIMALS, Math.max(DECIMALS, exactThreshold.stripTrailingZeros().scale()));
      while (decimals <= MAX_DECIMALS) {
        BigDecimal roundedValue = exactValue.setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal roundedThreshold = exactThreshold.setScale(decimals, RoundingMode.HALF_UP);
        if (value == threshold || roundedValue.compareTo(roundedThreshold) != 0) {
          return new String[] { roundedValue.toPlainString(), roundedThreshold.toPlainString() };
        }
        decimals++;
      }
      return new String[] { Double.toString(value), Double.toString(threshold) };
    }
  }
}
