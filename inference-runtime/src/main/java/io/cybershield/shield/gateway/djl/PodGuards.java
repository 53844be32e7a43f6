package io.cybershield.shield.gateway.djl;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One SmallRye Fault Tolerance {@link Guard} per pod ({@code host:port}): its retry of calls that are safe to send
 * again, around its circuit breaker. Pods share nothing, so one failing pod's open breaker leaves the others
 * served.
 * <p>
 * Inside a guard, SmallRye applies the retry outside the breaker: every attempt passes the breaker and counts, and
 * an open breaker is never retried.
 */
final class PodGuards {

  private static final TypeLiteral<CompletionStage<Object>> STAGE = new TypeLiteral<>() {
  };

  private final DjlClientSettings settings;
  private final ConcurrentMap<DjlEndpoint, PodGuard> guards = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();

  PodGuards(DjlClientSettings settings) {
    this.settings = settings;
  }

  /** Runs {@code attempt}, again where safe, through the breaker of {@code endpoint}. */
  @SuppressWarnings("unchecked")
  <T> CompletionStage<T> call(DjlEndpoint endpoint, Supplier<CompletionStage<T>> attempt) {
    Supplier<CompletionStage<Object>> untyped = () -> (CompletionStage<Object>) attempt.get();
    return (CompletionStage<T>) guard(endpoint).guard().get(untyped, STAGE);
  }

  CircuitBreakerState state(DjlEndpoint endpoint) {
    PodGuard guard = guards.get(endpoint);
    return guard == null ? CircuitBreakerState.CLOSED : guard.state();
  }

  /** Attempts sent again, to every pod, so far. */
  long retries() {
    return retries.sum();
  }

  void forget(DjlEndpoint endpoint) {
    guards.remove(endpoint);
  }

  private PodGuard guard(DjlEndpoint endpoint) {
    return guards.computeIfAbsent(endpoint, this::build);
  }

  private PodGuard build(DjlEndpoint endpoint) {
    PodGuard pod = new PodGuard();
    DjlClientSettings.Breaker breaker = settings.breaker();
    DjlClientSettings.Retry retry = settings.retry();
    Guard.Builder builder = Guard.create();
    if (retry.maxRetries() > 0) {
      long delay = retry.delay().toMillis();
      builder = builder.withRetry()
          .maxRetries(retry.maxRetries())
          .delay(delay, ChronoUnit.MILLIS)
          .jitter(delay / 2, ChronoUnit.MILLIS)
          // the request's deadline bounds the attempts; this only keeps SmallRye's own 3-minute limit out
          .maxDuration(1, ChronoUnit.DAYS)
          .whenException(failure -> failure instanceof DjlException djl && djl.safeToRetry())
          .onRetry(retries::increment)
          .done();
    }
    Guard guard = builder.withCircuitBreaker()
        .requestVolumeThreshold(breaker.requestVolumeThreshold())
        .failureRatio(breaker.failureRatio())
        .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
        .successThreshold(breaker.successThreshold())
        .when(failure -> failure instanceof DjlException djl && djl.countsAgainstPod())
        .onStateChange(pod::state)
        .done()
        .withThreadOffload(false)
        .build();
    pod.guard = guard;
    return pod;
  }

  private static final class PodGuard {
    private volatile Guard guard;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    Guard guard() {
      return guard;
    }

    CircuitBreakerState state() {
      return state;
    }

    void state(CircuitBreakerState value) {
      state = value;
    }
  }
}
