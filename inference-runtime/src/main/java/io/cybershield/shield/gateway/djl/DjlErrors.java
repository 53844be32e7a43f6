package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what DJL answered, or what happened to the connection, into a {@link DjlException}: the table of
 * {@code shared/djl-serving-contract.md}, section "Errors", in code.
 */
final class DjlErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DjlErrors() {
  }

  /**
   * An answer of 300 or more. DJL's error bodies: 424 {@code {"code":424,"error":"Input parsing failed: ..."}},
   * 404 {@code {"code":404,"type":"ModelNotFoundException","message":"..."}}, 503 with type
   * {@code WlmCapacityException} (queue full) or {@code WlmException} (not ready), 507 and 500.
   */
  static DjlException fromAnswer(DjlEndpoint endpoint, Call call, int status, MultiMap headers, Buffer body) {
    ErrorBody error = ErrorBody.read(body);
    DjlErrorCode code = switch (status) {
      case 424, 413 -> DjlErrorCode.UPSTREAM_REJECTED_INPUT;
      case 400 -> call.path().equals("/server/metrics")
          ? DjlErrorCode.UPSTREAM_METRICS_DISABLED
          : DjlErrorCode.UPSTREAM_REJECTED_INPUT;
      case 409 -> DjlErrorCode.UPSTREAM_CONFLICT;
      case 404 -> error.type() == null || "ModelNotFoundException".equals(error.type())
          ? DjlErrorCode.MODEL_NOT_LOADED
          : DjlErrorCode.UPSTREAM_FAILED;
      case 503 -> "WlmCapacityException".equals(error.type())
          ? DjlErrorCode.UPSTREAM_BUSY
          : DjlErrorCode.MODEL_NOT_READY;
      case 507 -> DjlErrorCode.UPSTREAM_OUT_OF_MEMORY;
      default -> DjlErrorCode.UPSTREAM_FAILED;
    };
    DjlException.Builder builder = DjlException.of(code, endpoint)
        .upstreamStatus(status)
        .upstreamRequestId(headers.get("x-request-id"))
        .upstreamDetail(error.detail())
        .reason(error.type() != null ? call.purpose() + ": " + error.type() : call.purpose());
    retryAfter(headers).ifPresent(builder::retryAfter);
    if (code == DjlErrorCode.UPSTREAM_FAILED) {
      // an unexpected 4xx is a disagreement about the protocol, not a sick pod
      builder.countsAgainstPod(status >= 500);
    }
    return builder.build();
  }

  /** No connection could be had: refused (the pod is loading, or gone), unreachable, or not in time. */
  static DjlException connectFailed(DjlEndpoint endpoint, Call call, Throwable cause) {
    if (endpoint.secure() && tlsFailure(cause)) {
      return DjlException.of(DjlErrorCode.UPSTREAM_UNTRUSTED, endpoint)
          .reason(call.purpose() + ": the TLS handshake with the pod failed (its certificate is not one the gateway "
              + "trusts for " + endpoint.serverName() + "): " + rootMessage(cause))
          .cause(cause)
          .safeToRetry(true)
          .build();
    }
    return DjlException.of(DjlErrorCode.UPSTREAM_UNAVAILABLE, endpoint)
        .reason(call.purpose() + ": " + connectReason(cause))
        .cause(cause)
        .safeToRetry(true)
        .build();
  }

  private static boolean tlsFailure(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The connection closed, or broke, after the call was sent. Only a GET may be sent again. */
  static DjlException connectionLost(DjlEndpoint endpoint, Call call, Throwable cause, boolean answerBegun,
      String requestId) {
    return DjlException.of(DjlErrorCode.UPSTREAM_CONNECTION_LOST, endpoint)
        .reason(call.purpose() + (answerBegun ? ": closed in the middle of the answer" : ": closed before any answer"))
        .upstreamRequestId(requestId)
        .cause(cause)
        .safeToRetry(call.idempotent())
        .build();
  }

  static DjlException firstByteTimeout(DjlEndpoint endpoint, Call call, Duration timeout) {
    return DjlException.of(DjlErrorCode.UPSTREAM_TIMEOUT, endpoint)
        .reason(call.purpose() + ": no answer within " + human(timeout))
        .build();
  }

  static DjlException silence(DjlEndpoint endpoint, Call call, Duration timeout, String requestId) {
    return DjlException.of(DjlErrorCode.UPSTREAM_TIMEOUT, endpoint)
        .reason(call.purpose() + ": nothing more for " + human(timeout))
        .upstreamRequestId(requestId)
        .build();
  }

  /** The caller's budget ran out: the pod is not to blame for it. */
  static DjlException deadlinePassed(DjlEndpoint endpoint, Call call, Deadline deadline, String requestId) {
    return DjlException.of(DjlErrorCode.UPSTREAM_TIMEOUT, endpoint)
        .reason(call.purpose() + ": the request's deadline of " + human(deadline.budget()) + " passed")
        .upstreamRequestId(requestId)
        .countsAgainstPod(false)
        .build();
  }

  static DjlException unreadable(DjlEndpoint endpoint, Call call, int status, String requestId, String what) {
    return DjlException.of(DjlErrorCode.UPSTREAM_FAILED, endpoint)
        .upstreamStatus(status)
        .upstreamRequestId(requestId)
        .reason(call.purpose() + ": " + what)
        .build();
  }

  /** A {@code {"error": "..."}} line in a stream that had begun with 200. */
  static DjlException streamError(DjlEndpoint endpoint, Call call, String requestId, String detail) {
    return DjlException.of(DjlErrorCode.UPSTREAM_STREAM_ERROR, endpoint)
        .upstreamRequestId(requestId)
        .upstreamDetail(detail)
        .reason(call.purpose() + ": an error line in the stream")
        .build();
  }

  /**
   * What a guarded call failed with, as a {@link DjlException}: its own, or {@code UpstreamCircuitOpen} for the
   * breaker's refusal.
   */
  static DjlException afterGuard(DjlEndpoint endpoint, Throwable failure, Duration breakerDelay) {
    Throwable cause = unwrap(failure);
    if (cause instanceof DjlException djl) {
      return djl;
    }
    if (cause instanceof CircuitBreakerOpenException) {
      return DjlException.of(DjlErrorCode.UPSTREAM_CIRCUIT_OPEN, endpoint)
          .retryAfter(breakerDelay)
          .build();
    }
    return DjlException.of(DjlErrorCode.UPSTREAM_FAILED, endpoint)
        .reason("the gateway failed: " + cause.getClass().getName())
        .countsAgainstPod(false)
        .cause(cause)
        .build();
  }

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String connectReason(Throwable cause) {
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof io.netty.channel.ConnectTimeoutException) {
      return "no connection in time";
    }
    if (cause instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    return "cannot connect (" + cause.getClass().getSimpleName() + ")";
  }

  private static java.util.Optional<Duration> retryAfter(MultiMap headers) {
    String value = headers.get("retry-after");
    if (value == null) {
      return java.util.Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds >= 0 ? java.util.Optional.of(Duration.ofSeconds(seconds)) : java.util.Optional.empty();
    } catch (NumberFormatException httpDate) {
      return java.util.Optional.empty();
    }
  }

  static String human(Duration duration) {
    if (duration.toMillis() % 1000 != 0 || duration.isZero()) {
      return duration.toMillis() + "ms";
    }
    return duration.toSeconds() + "s";
  }

  /** The fields of a DJL error body, or nothing when the body is not one. */
  record ErrorBody(String type, String detail) {

    static ErrorBody read(Buffer body) {
      if (body == null || body.length() == 0) {
        return new ErrorBody(null, null);
      }
      try {
        JsonNode node = JSON.readTree(body.getBytes());
        if (node == null || !node.isObject()) {
          return new ErrorBody(null, null);
        }
        String type = text(node, "type");
        String detail = text(node, "message");
        if (detail == null) {
          detail = text(node, "error");
        }
        return new ErrorBody(type, detail);
      } catch (java.io.IOException notJson) {
        return new ErrorBody(null, null);
      }
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value != null && value.isTextual() ? value.asText() : null;
    }
  }
}
