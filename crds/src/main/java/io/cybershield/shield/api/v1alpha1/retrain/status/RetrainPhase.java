package io.cybershield.shield.api.v1alpha1.retrain.status;

/** What a ShieldRetrain is doing. */
public enum RetrainPhase {
  /** Waiting for the next scheduled time. */
  Scheduled,
  /** A run waits for GPU capacity before its training Job starts. */
  Pending,
  /** A run is training. */
  Training,
  /** A run is being validated. */
  Validating,
  /** A validated version waits for approval. */
  AwaitingApproval,
  /** A promoted version is rolling out. */
  Promoting,
  /** spec.suspend is true; no new runs start. */
  Suspended,
  /** The spec cannot be acted on (for example the ShieldModel does not exist); see the conditions. */
  Failed
}
