package io.cybershield.shield.api.v1alpha1.retrain.status;

/** What started a run. */
public enum RunTrigger {
  /** spec.schedule came due. */
  Scheduled,
  /** Someone set the annotation shield.cybershield.io/trigger. */
  Manual
}
