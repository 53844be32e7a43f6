package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.v1alpha1.retrain.status.RunMetrics;

/**
 * What the validation Job of a run reported. Every metric may be missing: the {@link QualityGate}, not the parser,
 * decides which ones it needs, and a missing one that it needs fails the gate.
 *
 * @param precision         precision on the held-out dataset, 0 to 1
 * @param recall            recall on the held-out dataset, 0 to 1
 * @param f1                F1 score on the held-out dataset, 0 to 1
 * @param samples           how many held-out samples the metrics were measured on, at least 1
 * @param attackSuccessRate share of red-team attacks that succeeded, 0 to 1
 */
public record ValidationResult(Double precision, Double recall, Double f1, Long samples, Double attackSuccessRate) {

  /** The metrics as {@code status} records them. */
  public RunMetrics toRunMetrics() {
    return new RunMetrics(precision, recall, f1, attackSuccessRate, samples);
  }
}
