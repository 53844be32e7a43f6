package io.cybershield.shield.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misuse signals, as metrics and log lines: refused authentications and authorizations by reason
 * ({@value #AUTH_FAILURES}), a source that keeps failing within a minute ({@value #REPEATED_FAILURES}, and a
 * warning naming the source once per minute), prompt-injection blocks per principal ({@value #INJECTION_BLOCKS}) and
 * rate-limit refusals per role ({@value #RATE_LIMITED}). Principals are label values only for blocks, which only
 * callers holding a role can cause; sources (addresses) never are, they go to the log.
 */
@Singleton
public class SecurityMetrics {

  public static final String AUTH_FAILURES = "shield_gateway_auth_failures_total";
  public static final String REPEATED_FAILURES = "shield_gateway_auth_repeated_failures_total";
  public static final String INJECTION_BLOCKS = "shield_gateway_injection_blocks_total";
  public static final String RATE_LIMITED = "shield_gateway_rate_limited_total";
  private static final Logger LOG = Logger.getLogger(SecurityMetrics.class);

  @Inject
  MeterRegistry registry;

  @Inject
  AuthConfig config;

  private final Cache<String, AtomicInteger> failuresBySource = Caffeine.newBuilder().maximumSize(50_000)
      .expireAfterWrite(Duration.ofMinutes(1)).build();

  /**
   * A refused call ({@code status} 401 or 403, {@code reason} its code); answers whether its source has now failed
   * {@code shield.gateway.auth.misuse-threshold} times within the minute (the audit line then says so).
   */
  public boolean refused(int status, String reason, String source) {
    Counter.builder(AUTH_FAILURES).description("Requests refused for want of valid credentials (401) or a role (403)")
        .tag("status", Integer.toString(status)).tag("reason", reason).register(registry).increment();
    int failures = failuresBySource.get(source == null ? "unknown" : source, ignored -> new AtomicInteger())
        .incrementAndGet();
    if (failures >= config.misuseThreshold()) {
      Counter.builder(REPEATED_FAILURES)
          .description("Refusals from a source past shield.gateway.auth.misuse-threshold within a minute")
          .register(registry).increment();
      if (failures == config.misuseThreshold()) {
        LOG.warnf("misuse: %d refused requests from %s within a minute (last: %d %s)", failures, source, status,
            reason);
      }
      return true;
    }
    return false;
  }

  /** A prompt of {@code principal} was blocked as an injection. */
  public void injectionBlocked(String principal, String api) {
    Counter.builder(INJECTION_BLOCKS).description("Requests blocked by prompt-injection screening")
        .tag("principal", principal == null ? "unknown" : principal).tag("api", api).register(registry).increment();
  }

  /** A request in {@code role} was refused by a rate limit. */
  public void rateLimited(String role, String api) {
    Counter.builder(RATE_LIMITED).description("Requests refused 429 by a rate limit")
        .tag("role", role).tag("api", api).register(registry).increment();
  }
}
