package io.cybershield.shield.gateway.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One public API request, from its arrival to the end of its answer, as {@value GatewayMetrics#REQUESTS},
 * {@value GatewayMetrics#REQUEST_DURATION}, {@value GatewayMetrics#TIME_TO_FIRST_TOKEN} and
 * {@value GatewayMetrics#OVERHEAD} count it. The HTTP layer says how it ended; the endpoints say where it was served,
 * when a stream's first token came, and how a stream that had begun failed. Only the first end counts, so a client
 * that goes away after the last byte changes nothing.
 * <p>
 * Its {@code code} is the HTTP status (for example {@code 200}, {@code 400}, {@code 503}); for a stream that began,
 * {@code 200} when it ran to its end, the error code of its last line (for example {@code UpstreamStreamError},
 * {@code DeadlineExceeded}) when it failed, and {@code ClientClosed} when the client went away before the end. Its
 * variant and pool are {@value GatewayMetrics#NONE} until an upstream answered.
 */
public final class RequestObservation {

  /** The {@code code} of a request whose client went away before the end of its answer. */
  public static final String CLIENT_CLOSED = "ClientClosed";

  private final GatewayMetrics metrics;
  private final String api;
  private final long arrivedNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean firstToken = new AtomicBoolean();
  private volatile String variant = GatewayMetrics.NONE;
  private volatile String pool = GatewayMetrics.NONE;
  private volatile String streamError;

  RequestObservation(GatewayMetrics metrics, String api, long arrivedNanos) {
    this.metrics = metrics;
    this.api = api;
    this.arrivedNanos = arrivedNanos;
  }

  /** When the request arrived, in {@link System#nanoTime()}. */
  public long arrivedNanos() {
    return arrivedNanos;
  }

  /** The variant and pool whose pod answered. */
  public void served(String variant, String pool) {
    this.variant = variant;
    this.pool = pool;
  }

  /**
   * A whole answer is ready: the gateway's own time so far (from arrival, less {@code upstreamNanos} spent upstream)
   * is recorded and returned, for the {@code x-shield-overhead-ms} header to carry the same figure.
   */
  public long overhead(long upstreamNanos) {
    long overheadNanos = Math.max(0, System.nanoTime() - arrivedNanos - upstreamNanos);
    metrics.overhead(api, overheadNanos);
    return overheadNanos;
  }

  /** A stream's first token is there (recorded once). */
  public void firstToken() {
    if (firstToken.compareAndSet(false, true)) {
      metrics.firstToken(api, variant, pool, System.nanoTime() - arrivedNanos);
    }
  }

  /** A stream that had begun failed; its last line carries this error code. */
  public void streamFailed(String code) {
    streamError = code;
  }

  /** The answer ended with this HTTP status, whole or (a stream) after its last line. */
  public void ended(int status) {
    String error = streamError;
    if (error != null) {
      end(error, Outcome.STREAM_ERROR);
    } else {
      end(Integer.toString(status), Outcome.ofStatus(status));
    }
  }

  /** The client went away before the answer ended. */
  public void clientClosed() {
    end(CLIENT_CLOSED, Outcome.CLIENT_CLOSED);
  }

  private void end(String code, Outcome outcome) {
    if (ended.compareAndSet(false, true)) {
      metrics.ended(api, variant, pool, code, outcome, System.nanoTime() - arrivedNanos);
    }
  }
}
