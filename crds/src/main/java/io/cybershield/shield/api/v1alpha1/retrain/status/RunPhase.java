package io.cybershield.shield.api.v1alpha1.retrain.status;

/** Where a run is, or how it ended. */
public enum RunPhase {
  /** The run waits for the GPUs of its pool before its training Job starts. */
  Pending,
  /** The training Job is running. */
  Training,
  /** The validation Job is running. */
  Validating,
  /** Validation passed; waiting for approval (promotion policy manual). */
  AwaitingApproval,
  /** The promoted version is rolling out to the ShieldModel. */
  RollingOut,
  /** The version was promoted and is served. */
  Promoted,
  /** The version missed a threshold and will never be served. */
  Rejected,
  /** The training or validation Job failed. */
  Failed,
  /** The rollout did not become available in time; the previous version is served again. */
  RolledBack
}
