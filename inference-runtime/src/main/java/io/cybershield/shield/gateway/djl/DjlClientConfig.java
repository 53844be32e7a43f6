package io.cybershield.shield.gateway.djl;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code shield.djl.*}: how the gateway talks to its DJL Serving pods. See {@link DjlClientSettings}. */
@ConfigMapping(prefix = "shield.djl")
public interface DjlClientConfig {

  /** How long to wait for a connection, from the pool or a new one. */
  @WithDefault("2s")
  Duration connectTimeout();

  /** How long to wait for the head of an answer that comes at once (a stream's head, ping, management reads). */
  @WithDefault("60s")
  Duration firstByteTimeout();

  /** How long an answer may stay silent between two lines (DJL itself drops after 120 s). */
  @WithDefault("60s")
  Duration betweenChunksTimeout();

  /** Connections per pod; a stream holds one for its whole life. */
  @WithDefault("256")
  int poolSize();

  /** How long an idle pooled connection is kept. */
  @WithDefault("30s")
  Duration keepAliveTimeout();

  /** The largest non-streamed answer, and the longest line of a stream, in bytes. */
  @WithDefault("8388608")
  int maxResponseBytes();

  Retry retry();

  Breaker breaker();

  interface Retry {
    /** Attempts after the first, for a call that is safe to send again; 0 turns retries off. */
    @WithDefault("2")
    int maxRetries();

    @WithDefault("100ms")
    Duration delay();
  }

  interface Breaker {
    /** The number of recent calls to a pod the failure ratio is taken over. */
    @WithDefault("20")
    int requestVolumeThreshold();

    /** The share of those calls that must have failed for the breaker to open. */
    @WithDefault("0.5")
    double failureRatio();

    /** How long an open breaker fails calls at once before it lets trial calls through. */
    @WithDefault("10s")
    Duration delay();

    /** Trial calls that must succeed to close it again. */
    @WithDefault("2")
    int successThreshold();
  }

  default DjlClientSettings settings() {
    return new DjlClientSettings(connectTimeout(), firstByteTimeout(), betweenChunksTimeout(), poolSize(),
        keepAliveTimeout(), maxResponseBytes(),
        new DjlClientSettings.Retry(retry().maxRetries(), retry().delay()),
        new DjlClientSettings.Breaker(breaker().requestVolumeThreshold(), breaker().failureRatio(),
            breaker().delay(), breaker().successThreshold()));
  }
}
