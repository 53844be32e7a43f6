package io.cybershield.shield.gateway.metrics;

import java.util.Locale;

/** How a public API request ended: the {@code outcome} label of {@value GatewayMetrics#REQUEST_DURATION}. */
public enum Outcome {
  /** Answered 2xx, and a stream ran to its end. */
  SUCCESS,
  /** Answered 4xx. */
  CLIENT_ERROR,
  /** Answered 5xx. */
  SERVER_ERROR,
  /** A stream began (200) and ended with an error line or event. */
  STREAM_ERROR,
  /** The client went away before the answer ended. */
  CLIENT_CLOSED;

  /** The label value: the name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome of an answer with this HTTP status. */
  public static Outcome ofStatus(int status) {
    return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
  }
}
