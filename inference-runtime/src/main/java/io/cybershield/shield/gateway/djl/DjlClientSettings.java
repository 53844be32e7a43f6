package io.cybershield.shield.gateway.djl;

import java.time.Duration;
import java.util.Objects;

/**
 * How the DJL client talks to its pods. {@link #defaults()} are the production values; the application reads them
 * from {@code shield.djl.*} ({@link DjlClientConfig}).
 *
 * @param connectTimeout how long to wait for a connection, from the pool or a new one
 * @param firstByteTimeout how long to wait for the response head of a call that answers at once (a stream's head,
 *        ping, the management reads); a non-streaming generation answers only when it is done, so only the
 *        deadline bounds it
 * @param betweenChunksTimeout how long a streamed (or any) answer may stay silent while the gateway waits for its next
 *        line; DJL itself drops a connection after 120 s without a chunk
 * @param poolSize connections per pod; a stream holds one for its whole life
 * @param keepAliveTimeout how long an idle pooled connection is kept
 * @param maxResponseBytes the largest non-streamed answer (and the longest line of a stream) the client reads
 * @param retry which failed calls are sent again, and how
 * @param breaker the circuit breaker of each pod
 */
public record DjlClientSettings(Duration connectTimeout, Duration firstByteTimeout, Duration betweenChunksTimeout,
    int poolSize, Duration keepAliveTimeout, int maxResponseBytes, Retry retry, Breaker breaker) {

  public DjlClientSettings {
    positive(connectTimeout, "connectTimeout");
    positive(firstByteTimeout, "firstByteTimeout");
    positive(betweenChunksTimeout, "betweenChunksTimeout");
    positive(keepAliveTimeout, "keepAliveTimeout");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + maxResponseBytes);
    }
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(breaker, "breaker");
  }

  public static DjlClientSettings defaults() {
    return new DjlClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(60), 256,
        Duration.ofSeconds(30), 8 * 1024 * 1024, Retry.defaults(), Breaker.defaults());
  }

  public DjlClientSettings withConnectTimeout(Duration value) {
    return new DjlClientSettings(value, firstByteTimeout, betweenChunksTimeout, poolSize, keepAliveTimeout,
        maxResponseBytes, retry, breaker);
  }

  public DjlClientSettings withFirstByteTimeout(Duration value) {
    return new DjlClientSettings(connectTimeout, value, betweenChunksTimeout, poolSize, keepAliveTimeout,
        maxResponseBytes, retry, breaker);
  }

  public DjlClientSettings withBetweenChunksTimeout(Duration value) {
    return new DjlClientSettings(connectTimeout, firstByteTimeout, value, poolSize, keepAliveTimeout,
        maxResponseBytes, retry, breaker);
  }

  public DjlClientSettings withPoolSize(int value) {
    return new DjlClientSettings(connectTimeout, firstByteTimeout, betweenChunksTimeout, value, keepAliveTimeout,
        maxResponseBytes, retry, breaker);
  }

  public DjlClientSettings withRetry(Retry value) {
    return new DjlClientSettings(connectTimeout, firstByteTimeout, betweenChunksTimeout, poolSize,
        keepAliveTimeout, maxResponseBytes, value, breaker);
  }

  public DjlClientSettings withBreaker(Breaker value) {
    return new DjlClientSettings(connectTimeout, firstByteTimeout, betweenChunksTimeout, poolSize,
        keepAliveTimeout, maxResponseBytes, retry, value);
  }

  /**
   * Retries of a call that is safe to send again: one refused before any byte was sent (any method), or a GET
   * that failed on I/O. A POST is never sent again once a byte of it has left.
   *
   * @param maxRetries attempts after the first; 0 turns retries off
   * @param delay the wait between attempts
   */
  public record Retry(int maxRetries, Duration delay) {

    public Retry {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
      }
      notNegative(delay, "retry.delay");
    }

    public static Retry defaults() {
      return new Retry(2, Duration.ofMillis(100));
    }

    public static Retry none() {
      return new Retry(0, Duration.ZERO);
    }
  }

  /**
   * The circuit breaker each pod gets (SmallRye Fault Tolerance). Over the last {@code requestVolumeThreshold}
   * calls to a pod, when at least {@code failureRatio} of them failed in a way that {@linkplain
   * DjlException#countsAgainstPod() counts against the pod}, the breaker opens: calls fail at once with
   * {@code UpstreamCircuitOpen} for {@code delay}; then {@code successThreshold} trial calls close it again.
   */
  public record Breaker(int requestVolumeThreshold, double failureRatio, Duration delay, int successThreshold) {

    public Breaker {
      if (requestVolumeThreshold < 1) {
        throw new IllegalArgumentException(
            "breaker.requestVolumeThreshold must be at least 1, was " + requestVolumeThreshold);
      }
      if (!(failureRatio > 0 && failureRatio <= 1)) {
        throw new IllegalArgumentException("breaker.failureRatio must be in (0, 1], was " + failureRatio);
      }
      positive(delay, "breaker.delay");
      if (successThreshold < 1) {
        throw new IllegalArgumentException(
            "breaker.successThreshold must be at least 1, was " + successThreshold);
      }
    }

    public static Breaker defaults() {
      return new Breaker(20, 0.5, Duration.ofSeconds(10), 2);
    }
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
