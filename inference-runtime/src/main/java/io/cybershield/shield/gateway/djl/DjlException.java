package io.cybershield.shield.gateway.djl;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failed call to one DJL Serving pod. {@link #code()} says what happened in the gateway's terms; the rest is for
 * routing, logs and the answer: the pod, DJL's status and {@code x-request-id}, a {@code Retry-After}.
 * <p>
 * {@link #getMessage()} never holds anything DJL wrote, because DJL's messages may quote the input: that text is
 * kept apart in {@link #upstreamDetail()}, which the client never logs.
 */
public final class DjlException extends RuntimeException {

  private final DjlErrorCode code;
  private final DjlEndpoint endpoint;
  private final int upstreamStatus;
  private final String upstreamRequestId;
  private final String upstreamDetail;
  private final Duration retryAfter;
  private final boolean countsAgainstPod;
  private final boolean safeToRetry;

  private DjlException(Builder builder) {
    super(message(builder), builder.cause, false, false);
    this.code = builder.code;
    this.endpoint = builder.endpoint;
    this.upstreamStatus = builder.upstreamStatus;
    this.upstreamRequestId = builder.upstreamRequestId;
    this.upstreamDetail = builder.upstreamDetail;
    this.retryAfter = builder.retryAfter != null ? builder.retryAfter : builder.code.defaultRetryAfter().orElse(null);
    this.countsAgainstPod = builder.countsAgainstPod != null ? builder.countsAgainstPod : builder.code.countsAgainstPod();
    this.safeToRetry = builder.safeToRetry;
  }

  private static String message(Builder builder) {
    StringBuilder message = new StringBuilder(builder.code.publicMessage());
    message.setLength(message.length() - 1);
    message.append(" (").append(builder.code.code()).append(" from ").append(builder.endpoint);
    if (builder.upstreamStatus > 0) {
      message.append(", DJL answered ").append(builder.upstreamStatus);
    }
    if (builder.reason != null) {
      message.append(", ").append(builder.reason);
    }
    if (builder.upstreamRequestId != null) {
      message.append(", x-request-id ").append(builder.upstreamRequestId);
    }
    return message.append(").").toString();
  }

  static Builder of(DjlErrorCode code, DjlEndpoint endpoint) {
    return new Builder(code, endpoint);
  }

  public DjlErrorCode code() {
    return code;
  }

  public DjlEndpoint endpoint() {
    return endpoint;
  }

  /** DJL's HTTP status, when DJL answered one. */
  public OptionalInt upstreamStatus() {
    return upstreamStatus > 0 ? OptionalInt.of(upstreamStatus) : OptionalInt.empty();
  }

  /** DJL's {@code x-request-id}, to find the request in the pod's log. */
  public Optional<String> upstreamRequestId() {
    return Optional.ofNullable(upstreamRequestId);
  }

  /** What DJL itself said. It may quote the input: never log it. */
  public Optional<String> upstreamDetail() {
    return Optional.ofNullable(upstreamDetail);
  }

  /** How long a client should wait before it tries again, for the {@code Retry-After} header. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether this failure counts towards the pod's circuit breaker. */
  public boolean countsAgainstPod() {
    return countsAgainstPod;
  }

  /**
   * Whether the same call may be sent again: when no byte of it reached the pod, or when it is an idempotent GET
   * that failed on I/O.
   */
  boolean safeToRetry() {
    return safeToRetry;
  }

  static final class Builder {
    private final DjlErrorCode code;
    private final DjlEndpoint endpoint;
    private int upstreamStatus;
    private String upstreamRequestId;
    private String upstreamDetail;
    private Duration retryAfter;
    private Boolean countsAgainstPod;
    private boolean safeToRetry;
    private String reason;
    private Throwable cause;

    private Builder(DjlErrorCode code, DjlEndpoint endpoint) {
      this.code = Objects.requireNonNull(code, "code");
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    Builder upstreamStatus(int status) {
      this.upstreamStatus = status;
      return this;
    }

    Builder upstreamRequestId(String requestId) {
      this.upstreamRequestId = requestId;
      return this;
    }

    Builder upstreamDetail(String detail) {
      this.upstreamDetail = detail;
      return this;
    }

    Builder retryAfter(Duration value) {
      this.retryAfter = value;
      return this;
    }

    Builder countsAgainstPod(boolean value) {
      this.countsAgainstPod = value;
      return this;
    }

    Builder safeToRetry(boolean value) {
      this.safeToRetry = value;
      return this;
    }

    /** A short reason of the gateway's own (never DJL's text), e.g. "no line for 60s". */
    Builder reason(String value) {
      this.reason = value;
      return this;
    }

    Builder cause(Throwable value) {
      this.cause = value;
      return this;
    }

    DjlException build() {
      return new DjlException(this);
    }
  }
}
