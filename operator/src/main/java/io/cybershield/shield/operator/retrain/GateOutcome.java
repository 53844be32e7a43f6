package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.v1alpha1.retrain.status.Verdict;

import java.util.List;

/**
 * The quality gate's decision on a validated version.
 *
 * @param verdicts one verdict per configured check, in the gate's order: precision, recall, f1, attackSuccessRate
 * @param passed   whether every check passed, so that the version may be promoted
 * @param message  the checks with their values and thresholds, for a person: every failed one when the gate failed
 */
public record GateOutcome(List<Verdict> verdicts, boolean passed, String message) {

  /** Keeps an unmodifiable copy of {@code verdicts}. */
  public GateOutcome {
    verdicts = List.copyOf(verdicts);
  }

  /**
   * The CamelCase reason for a condition or an Event: {@link QualityGate#GATE_PASSED};
   * {@link QualityGate#METRIC_MISSING} when every failed check failed only because the evaluator did not report its
   * metric; otherwise {@link QualityGate#THRESHOLD_NOT_MET}.
   */
  public String reason() {
    if (passed) {
      return QualityGate.GATE_PASSED;
    }
    List<Verdict> failed = verdicts.stream().filter(verdict -> !Boolean.TRUE.equals(verdict.passed())).toList();
    return !failed.isEmpty() && failed.stream().allMatch(verdict -> verdict.value() == null)
        ? QualityGate.METRIC_MISSING : QualityGate.THRESHOLD_NOT_MET;
  }
}
