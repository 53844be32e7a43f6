package io.cybershield.shield.gateway.djl;

/** What DJL's {@code GET /ping} says about the pod, by its status code. */
public enum PodHealth {
  /** 200: every model is healthy. */
  HEALTHY,
  /** 500: a model FAILED (to load, or its workers died). */
  MODEL_FAILED,
  /** 503: DJL's own error-rate breaker tripped; it stays so until the server restarts. */
  BREAKER_TRIPPED;

  public boolean ready() {
    return this == HEALTHY;
  }
}
