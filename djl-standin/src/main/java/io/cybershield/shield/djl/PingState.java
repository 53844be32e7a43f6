package io.cybershield.shield.djl;

/** How {@code GET /ping} answers, as DJL Serving decides it from its models and its error-rate breaker. */
public enum PingState {
  /** 200, every model {@code Healthy}. */
  HEALTHY,
  /**
   * 500: the model failed. As on DJL Serving, a failed model also serves nothing: inference answers 503
   * {@code WlmException} ("Model is not ready"), {@code PUT /models/{name}} answers 503, and the management API
   * shows its status as {@code FAILED}.
   */
  FAILED,
  /**
   * 503: the error-rate breaker tripped ({@code exceedErrorRate}); it stays so until the process restarts. Only
   * {@code /ping} changes: inference goes on being served.
   */
  BREAKER_TRIPPED
}
