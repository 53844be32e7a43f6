package io.cybershield.shield.gateway.api;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.djl.Deadline;
import io.cybershield.shield.gateway.djl.DjlEndpoint;
import io.cybershield.shield.gateway.djl.DjlErrorCode;
import io.cybershield.shield.gateway.djl.DjlException;
import io.cybershield.shield.gateway.metrics.GatewayMetrics;
import io.cybershield.shield.gateway.routing.Router;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Sends one request upstream: routes it, counts it in flight on its endpoint for as long as the call lasts, and when
 * the call fails before any byte came back because the endpoint cannot be reached ({@code UpstreamUnavailable}) or
 * its breaker is open, routes it once more without that endpoint. Nothing is sent again once an answer has begun.
 * The request's deadline bounds everything, retries included. Each acquire and release is also reported to
 * {@link GatewayMetrics}, once, whatever ends the call; a request refused for want of a ready endpoint is counted
 * there as unserved.
 */
@ApplicationScoped
public class Dispatcher {

  @Inject
  Upstreams upstreams;

  @Inject
  GatewayMetrics metrics;

  /** The refusal of a request no ready endpoint was left for: the metrics count it as unserved work. */
  static final String NO_READY_UPSTREAM = "NoReadyUpstream";

  private final AtomicLong requests = new AtomicLong();

  /** Where a request went, and how long it spent upstream. */
  public static final class Served {
    private final Router.To to;
    private final AtomicLong upstreamNanos;

    Served(Router.To to, AtomicLong upstreamNanos) {
      this.to = to;
      this.upstreamNanos = upstreamNanos;
    }

    public String variant() {
      return to.endpoint().variant();
    }

    public String pool() {
      return to.endpoint().pool();
    }

    public boolean fallback() {
      return to.fallback();
    }

    public long upstreamNanos() {
      return upstreamNanos.get();
    }
  }

  /** A whole answer and where it came from. */
  public record Answer<T>(Served served, T value) {
  }

  /** A stream that has begun: where it comes from, its first item, and the rest. */
  public record Started<T>(Served served, T first, Multi<T> rest) {
  }

  public <T> Uni<Answer<T>> call(Priority priority, DataClassification classification, Deadline deadline,
      BiFunction<DjlEndpoint, Deadline, Uni<T>> call) {
    AtomicLong upstreamNanos = new AtomicLong();
    return deadlined(attempt(priority, classification, deadline, call, new HashSet<>(), upstreamNanos, true),
        deadline);
  }

  public <T> Uni<Started<T>> stream(Priority priority, DataClassification classification, Deadline deadline,
      BiFunction<DjlEndpoint, Deadline, Multi<T>> call) {
    AtomicLong upstreamNanos = new AtomicLong();
    return deadlined(attemptStream(priority, classification, deadline, call, new HashSet<>(), upstreamNanos, true),
        deadline);
  }

  private <T> Uni<Answer<T>> attempt(Priority priority, DataClassification classification, Deadline deadline,
      BiFunction<DjlEndpoint, Deadline, Uni<T>> call, Set<String> excluded, AtomicLong upstreamNanos,
      boolean mayRetry) {
    return Uni.createFrom().deferred(() -> {
      Router.To to = route(priority, classification, excluded);
      Router.Endpoint endpoint = to.endpoint();
      Runnable release = acquire(endpoint);
      long start = System.nanoTime();
      return call.apply(djlEndpoint(endpoint), deadline)
          .onTermination().invoke(() -> {
            upstreamNanos.addAndGet(System.nanoTime() - start);
            release.run();
          })
          .map(value -> new Answer<>(new Served(to, upstreamNanos), value))
          .onFailure(failure -> mayRetry && unreachable(failure))
          .recoverWithUni(failure -> {
            excluded.add(key(endpoint));
            return attempt(priority, classification, deadline, call, excluded, upstreamNanos, false);
          });
    });
  }

  private <T> Uni<Started<T>> attemptStream(Priority priority, DataClassification classification,
      Deadline deadline, BiFunction<DjlEndpoint, Deadline, Multi<T>> call, Set<String> excluded,
      AtomicLong upstreamNanos, boolean mayRetry) {
    return Uni.createFrom().deferred(() -> {
      Router.To to = route(priority, classification, excluded);
      Router.Endpoint endpoint = to.endpoint();
      Runnable release = acquire(endpoint);
      Multi<T> upstream = call.apply(djlEndpoint(endpoint), deadline);
      return head(upstream, new Served(to, upstreamNanos), release)
          .onFailure().invoke(release)
          .onCancellation().invoke(release)
          .onFailure(failure -> mayRetry && unreachable(failure))
          .recoverWithUni(failure -> {
            excluded.add(key(endpoint));
            return attemptStream(priority, classification, deadline, call, excluded, upstreamNanos, false);
          });
    });
  }

  /**
   * Waits for a stream's first item; the rest follows through a buffer. The buffer is unbounded, which is safe:
   * a generation is bounded by its {@code maxTokens}.
   */
  private static <T> Uni<Started<T>> head(Multi<T> upstream, Served served, Runnable release) {
    return Uni.createFrom().emitter(emitter -> {
      UnicastProcessor<T> rest = UnicastProcessor.create();
      AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
      AtomicBoolean first = new AtomicBoolean(true);
      upstream.subscribe().withSubscriber(new MultiSubscriber<T>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription.set(s);
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onItem(T item) {
          if (first.compareAndSet(true, false)) {
            emitter.complete(new Started<>(served, item, rest
                .onTermination().invoke(release)
                .onCancellation().invoke(() -> subscription.get().cancel())));
          } else {
            rest.onNext(item);
          }
        }

        @Override
        public void onFailure(Throwable failure) {
          if (first.compareAndSet(true, false)) {
            emitter.fail(failure);
          } else {
            rest.onError(failure);
          }
        }

        @Override
        public void onCompletion() {
          if (first.compareAndSet(true, false)) {
            emitter.fail(new ApiException(502, DjlErrorCode.UPSTREAM_FAILED.code(),
                DjlErrorCode.UPSTREAM_FAILED.publicMessage(), 0));
          } else {
            rest.onComplete();
          }
        }
      });
      emitter.onTermination(() -> {
        if (first.get()) {
          Flow.Subscription s = subscription.get();
          if (s != null) {
            s.cancel();
          }
        }
      });
    });
  }

  /**
   * Counts a request in flight on an endpoint, in the {@link Upstreams} and in the metrics alike, and hands back its
   * release, which counts it out of both the first time it runs and does nothing after.
   */
  private Runnable acquire(Router.Endpoint endpoint) {
    upstreams.acquire(endpoint);
    metrics.acquired(endpoint);
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        metrics.released(endpoint);
        upstreams.release(endpoint);
      }
    };
  }

  /** The pod as the DJL client calls it: over HTTPS, verified as its variant's Service, when the routes say so. */
  private DjlEndpoint djlEndpoint(Router.Endpoint endpoint) {
    String serverName = Router.upstreamServerName(upstreams.routes(), endpoint.variant());
    return serverName == null ? DjlEndpoint.of(endpoint.address(), endpoint.port())
        : DjlEndpoint.tls(endpoint.address(), endpoint.port(), serverName);
  }

  private Router.To route(Priority priority, DataClassification classification, Set<String> excluded) {
    GatewayRoutes routes = upstreams.routes();
    metrics.track(routes);
    Router.Route route = Router.route(routes, priority, classification,
        upstreams.endpoints().stream().filter(e -> !excluded.contains(key(e))).toList(),
        requests.getAndIncrement());
    if (route instanceof Router.Refused refused) {
      if (NO_READY_UPSTREAM.equals(refused.code())) {
        metrics.unserved(routes, priority);
      }
      throw new ApiException(refused.status(), refused.code(), refused.message(), refused.retryAfterSeconds());
    }
    return (Router.To) route;
  }

  private static <T> Uni<T> deadlined(Uni<T> call, Deadline deadline) {
    return call
        .ifNoItem().after(deadline.remaining()).failWith(() -> deadlineExceeded(deadline))
        .onFailure().transform(failure -> afterDeadline(failure, deadline));
  }

  /** An upstream timeout once the request's deadline has passed is that deadline's failure. */
  static Throwable afterDeadline(Throwable failure, Deadline deadline) {
    return failure instanceof DjlException djl && djl.code() == DjlErrorCode.UPSTREAM_TIMEOUT && deadline.expired()
        ? deadlineExceeded(deadline) : failure;
  }

  static ApiException deadlineExceeded(Deadline deadline) {
    return new ApiException(504, "DeadlineExceeded", "The request was not answered within its deadline of "
        + deadline.budget().toSeconds() + " s.", 0);
  }

  private static boolean unreachable(Throwable failure) {
    return failure instanceof DjlException djl
        && (djl.code() == DjlErrorCode.UPSTREAM_UNAVAILABLE || djl.code() == DjlErrorCode.UPSTREAM_CIRCUIT_OPEN
            || djl.code() == DjlErrorCode.UPSTREAM_UNTRUSTED);
  }

  private static String key(Router.Endpoint endpoint) {
    return endpoint.address() + ":" + endpoint.port();
  }
}
