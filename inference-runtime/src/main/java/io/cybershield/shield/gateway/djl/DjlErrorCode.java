package io.cybershield.shield.gateway.djl;

import java.time.Duration;
import java.util.Optional;

/**
 * Every way a call to DJL Serving can fail, as the gateway names it: the CamelCase {@link #code()} of the gateway's
 * error body, the HTTP status the gateway answers with, whether the failure says something bad about the pod (and
 * so counts towards its circuit breaker) and, for the 503s, how long a client should wait before trying again.
 * <p>
 * The source of each is {@code shared/djl-serving-contract.md}, section "Errors".
 */
public enum DjlErrorCode {

  /** DJL 424 {@code Input parsing failed}: the body, as sent, cannot be read. The caller's input, not the pod. */
  UPSTREAM_REJECTED_INPUT("UpstreamRejectedInput", 400, null, false,
      "The model server could not read the input."),
  /** DJL 409: a management change that conflicts with the pod's state (a model already registered). */
  UPSTREAM_CONFLICT("UpstreamConflict", 409, null, false,
      "The model server refused the change: it conflicts with what the server has now."),
  /** DJL 404 {@code ModelNotFoundException}: this pod does not serve the model named. */
  MODEL_NOT_LOADED("ModelNotLoaded", 503, Duration.ofSeconds(5), false,
      "The model is not loaded on the model server."),
  /** DJL 503 {@code WlmCapacityException}: the pod's job queue is full. */
  UPSTREAM_BUSY("UpstreamBusy", 503, Duration.ofSeconds(1), false,
      "The model server is busy; try again shortly."),
  /** DJL 503 {@code WlmException} (or any other 503): the model is not ready to serve. */
  MODEL_NOT_READY("ModelNotReady", 503, Duration.ofSeconds(5), false,
      "The model is not ready on the model server yet."),
  /** DJL 507: the pod ran out of (GPU) memory for this request. */
  UPSTREAM_OUT_OF_MEMORY("UpstreamOutOfMemory", 503, Duration.ofSeconds(5), true,
      "The model server ran out of memory."),
  /**
   * DJL 500 (the Python engine died mid-request), any other unexpected status (a 404 for a path DJL does not
   * have), or an answer that cannot be read.
   */
  UPSTREAM_FAILED("UpstreamFailed", 502, null, true,
      "The model server failed to answer."),
  /** DJL 400 on {@code /server/metrics}: the pod runs without {@code SERVING_PROMETHEUS=true}. */
  UPSTREAM_METRICS_DISABLED("UpstreamMetricsDisabled", 502, null, false,
      "The model server does not expose metrics (it runs without SERVING_PROMETHEUS=true)."),
  /** The connection was refused (the pod is loading its model, or gone) or could not be made in time. */
  UPSTREAM_UNAVAILABLE("UpstreamUnavailable", 503, Duration.ofSeconds(2), true,
      "The model server cannot be reached."),
  /**
   * The pod serves HTTPS ({@code spec.tls.upstream}) with a certificate the gateway does not trust: not from the
   * model servers' CA, or not for the variant Service's name. Nothing was sent.
   */
  UPSTREAM_UNTRUSTED("UpstreamUntrusted", 502, null, true,
      "The model server's certificate could not be verified."),
  /** A streamed answer had begun (200) and then a {@code {"error": ...}} line arrived. */
  UPSTREAM_STREAM_ERROR("UpstreamStreamError", 502, null, true,
      "The model server failed in the middle of the answer."),
  /** The connection closed before the answer was complete. */
  UPSTREAM_CONNECTION_LOST("UpstreamConnectionLost", 502, null, true,
      "The connection to the model server was lost before the answer was complete."),
  /** No first byte, or no next line, within its timeout; or the caller's deadline passed. */
  UPSTREAM_TIMEOUT("UpstreamTimeout", 504, null, true,
      "The model server did not answer in time."),
  /** The pod's circuit breaker is open: it failed repeatedly, and the gateway does not call it for a while. */
  UPSTREAM_CIRCUIT_OPEN("UpstreamCircuitOpen", 503, null, false,
      "The model server failed repeatedly; the gateway is not calling it for a while.");

  private final String code;
  private final int gatewayStatus;
  private final Duration retryAfter;
  private final boolean countsAgainstPod;
  private final String message;

  DjlErrorCode(String code, int gatewayStatus, Duration retryAfter, boolean countsAgainstPod, String message) {
    this.code = code;
    this.gatewayStatus = gatewayStatus;
    this.retryAfter = retryAfter;
    this.countsAgainstPod = countsAgainstPod;
    this.message = message;
  }

  /** The CamelCase code of the gateway's error body, e.g. {@code UpstreamBusy}. */
  public String code() {
    return code;
  }

  /** The HTTP status the gateway's public API answers with. */
  public int gatewayStatus() {
    return gatewayStatus;
  }

  /** The default {@code Retry-After} for this failure, where waiting helps. */
  public Optional<Duration> defaultRetryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the failure, by default, counts towards the pod's circuit breaker. */
  public boolean countsAgainstPod() {
    return countsAgainstPod;
  }

  /** A sentence for a person, with nothing of the request or of the pod in it. */
  public String publicMessage() {
    return message;
  }
}
