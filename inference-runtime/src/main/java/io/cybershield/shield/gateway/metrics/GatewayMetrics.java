package io.cybershield.shield.gateway.metrics;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayLoad;
import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.routing.Router;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's meters. Every series carries the label {@value ShieldNames#METRIC_MODEL_LABEL}, the ShieldModel the
 * gateway serves (the operator's {@code SHIELD_MODEL}, else the routing document's {@code model}), because the
 * autoscalers select series by model, variant and pool.
 * <ul>
 * <li>{@value ShieldNames#GATEWAY_INFLIGHT_METRIC}{@code {variant,pool}}: requests sent to the variant's pods in the
 * pool and not yet ended; counted once per {@link Upstreams#acquire}/{@link Upstreams#release} pair, which the
 * dispatcher reports here.</li>
 * <li>{@value ShieldNames#GATEWAY_QUEUED_METRIC}{@code {variant,pool}}: {@code max(0, in flight − ready pods ×
 * podConcurrency)}, the work the ready pods cannot take at once and hold in their engines' queues (DJL Serving has no
 * queue metric of its own). {@code podConcurrency} is the routing document's, by default
 * {@value GatewayRoutes#DEFAULT_POD_CONCURRENCY}; the ready pods are those the {@link Upstreams} see, at scrape
 * time.</li>
 * <li>{@value ShieldNames#GATEWAY_CAPACITY_METRIC}{@code {variant,pool}}: {@code ready pods × podConcurrency}. Each
 * gateway replica counts only its own requests, so with several replicas the queued work of the whole gateway is
 * {@code sum(in flight) − max(capacity)}, which the operator's KEDA query computes.</li>
 * <li>{@value ShieldNames#GATEWAY_UNSERVED_METRIC}{@code {variant,priority}}: requests refused 503
 * {@code NoReadyUpstream}; {@code variant} is the one the priority names ({@value #NONE} if none does).</li>
 * <li>{@value #REQUESTS}{@code _total{api,variant,pool,code}}, {@value #REQUEST_DURATION}{@code _seconds{api,variant,
 * pool,outcome}}, {@value #TIME_TO_FIRST_TOKEN}{@code _seconds{api,variant,pool}} (streams) and
 * {@value #OVERHEAD}{@code _seconds{api}}: see {@link RequestObservation}.</li>
 * </ul>
 * The series of every variant and pool in the routing document exist from the start at 0, so an autoscaler reads
 * "no load" rather than "no data" before the first request.
 */
@ApplicationScoped
public class GatewayMetrics {

  /** Label value for a request that reached no variant or pool. */
  public static final String NONE = "none";
  /** Micrometer name of the request counter; Prometheus adds {@code _total}. */
  public static final String REQUESTS = "shield_gateway_requests";
  /** Micrometer name of the request duration; Prometheus adds {@code _seconds}. */
  public static final String REQUEST_DURATION = "shield_gateway_request_duration";
  /** Micrometer name of the time to a stream's first token; Prometheus adds {@code _seconds}. */
  public static final String TIME_TO_FIRST_TOKEN = "shield_gateway_time_to_first_token";
  /** Micrometer name of the gateway's own time; Prometheus adds {@code _seconds}. */
  public static final String OVERHEAD = "shield_gateway_overhead";
  static final String API_LABEL = "api";
  static final String CODE_LABEL = "code";
  static final String OUTCOME_LABEL = "outcome";

  /** Whole generations take seconds to minutes; the last bucket is a little beyond DJL's 240 s predict timeout. */
  static final Duration[] REQUEST_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300);
  /** A first token arrives in tens of milliseconds on an idle pod and in seconds behind a full batch. */
  static final Duration[] FIRST_TOKEN_BUCKETS = seconds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
  /** The gateway's own work is well below a millisecond; buckets from 50 µs to half a second. */
  static final Duration[] OVERHEAD_BUCKETS = seconds(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
      0.025, 0.05, 0.1, 0.5);

  private static final String UNSERVED = ShieldNames.GATEWAY_UNSERVED_METRIC
      .substring(0, ShieldNames.GATEWAY_UNSERVED_METRIC.length() - "_total".length());

  @Inject
  MeterRegistry registry;

  @Inject
  Upstreams upstreams;

  @ConfigProperty(name = "shield.model")
  Optional<String> configuredModel;

  private final Map<Placement, AtomicInteger> inflight = new ConcurrentHashMap<>();
  private final List<Meter> gauges = new CopyOnWriteArrayList<>();
  private volatile GatewayRoutes tracked;
  private volatile String model;

  /** A variant in a pool: the unit the load gauges count in. */
  private record Placement(String variant, String pool) {
  }

  void start(@Observes StartupEvent started) {
    track(upstreams.routes());
  }

  /**
   * Takes this bean's gauges out of the registry: they read this bean's counts, and a registry that outlives the
   * bean (as in tests that restart the application in one JVM) would otherwise keep answering with them.
   */
  @PreDestroy
  void stop() {
    gauges.forEach(registry::remove);
    gauges.clear();
  }

  /** Makes sure the load series of every variant and pool of these routes exist; cheap when they do. */
  public void track(GatewayRoutes routes) {
    if (routes == null || routes == tracked) {
      return;
    }
    tracked = routes;
    for (GatewayRoutes.VariantRoute variant : variants(routes)) {
      if (variant.pools() != null) {
        variant.pools().forEach(pool -> counter(new Placement(variant.name(), pool.pool())));
      }
    }
  }

  /** A request to this endpoint began: the dispatcher calls this right after {@link Upstreams#acquire}. */
  public void acquired(Router.Endpoint endpoint) {
    counter(new Placement(endpoint.variant(), endpoint.pool())).incrementAndGet();
  }

  /** That request ended: the dispatcher calls this with {@link Upstreams#release}, once per {@link #acquired}. */
  public void released(Router.Endpoint endpoint) {
    counter(new Placement(endpoint.variant(), endpoint.pool())).decrementAndGet();
  }

  /** A request was refused for want of a ready endpoint: counted against the variant its priority names. */
  public void unserved(GatewayRoutes routes, Priority priority) {
    Priority wanted = priority == null ? Priority.NORMAL : priority;
    String name = wanted.name().toLowerCase(Locale.ROOT);
    String variant = variants(routes).stream()
        .filter(v -> v.priorities() != null && v.priorities().contains(name))
        .map(GatewayRoutes.VariantRoute::name).findFirst().orElse(NONE);
    Counter.builder(UNSERVED)
        .description("Requests refused 503 NoReadyUpstream: no ready pod of their variant was left to take them")
        .tags(Tags.of(ShieldNames.METRIC_MODEL_LABEL, model(), ShieldNames.METRIC_VARIANT_LABEL, variant,
            ShieldNames.METRIC_PRIORITY_LABEL, name))
        .register(registry).increment();
  }

  /** Starts observing one public API request, which arrived at {@code arrivedNanos} ({@link System#nanoTime()}). */
  public RequestObservation begin(String api, long arrivedNanos) {
    return new RequestObservation(this, api, arrivedNanos);
  }

  /** Requests now in flight to a variant's pods in a pool. */
  public int inflight(String variant, String pool) {
    AtomicInteger count = inflight.get(new Placement(variant, pool));
    return count == null ? 0 : count.get();
  }

  /** Ready pods of a variant in a pool, as the {@link Upstreams} see them now. */
  public long readyPods(String variant, String pool) {
    return upstreams.endpoints().stream()
        .filter(e -> e.ready() && variant.equals(e.variant()) && pool.equals(e.pool())).count();
  }

  /** {@code ready pods × podConcurrency} of a variant in a pool, as of now. */
  public long capacity(String variant, String pool) {
    long ready = readyPods(variant, pool);
    int concurrency = variants(upstreams.routes()).stream().filter(v -> variant.equals(v.name())).findFirst()
        .map(GatewayRoutes.VariantRoute::podConcurrencyOrDefault).orElse(GatewayRoutes.DEFAULT_POD_CONCURRENCY);
    return ready * concurrency;
  }

  /** {@code max(0, in flight − ready pods × podConcurrency)} for a variant in a pool, as of now. */
  public long queued(String variant, String pool) {
    return Math.max(0, inflight(variant, pool) - capacity(variant, pool));
  }

  /**
   * Requests refused for want of a ready pod since start, counted against the variant (over every priority): what
   * {@value ShieldNames#GATEWAY_UNSERVED_METRIC} holds, read from the registry.
   */
  public long unserved(String variant) {
    return Math.round(registry.find(UNSERVED).tag(ShieldNames.METRIC_VARIANT_LABEL, variant).counters().stream()
        .mapToDouble(Counter::count).sum());
  }

  /**
   * The load figures of every variant and pool of the routing document, as of now: the same counts the load gauges
   * and the unserved counter report, for {@code GET /q/load}.
   */
  public GatewayLoad load() {
    GatewayRoutes routes = upstreams.routes();
    track(routes);
    List<GatewayLoad.VariantLoad> variants = new ArrayList<>();
    for (GatewayRoutes.VariantRoute variant : variants(routes)) {
      List<GatewayLoad.PoolLoad> pools = new ArrayList<>();
      if (variant.pools() != null) {
        for (GatewayRoutes.PoolRoute route : variant.pools()) {
          String pool = route.pool();
          pools.add(new GatewayLoad.PoolLoad(pool, inflight(variant.name(), pool), capacity(variant.name(), pool),
              queued(variant.name(), pool), readyPods(variant.name(), pool)));
        }
      }
      variants.add(new GatewayLoad.VariantLoad(variant.name(), unserved(variant.name()), pools));
    }
    return new GatewayLoad(GatewayLoad.SCHEMA_VERSION, model(), variants);
  }

  void ended(String api, String variant, String pool, String code, Outcome outcome, long nanos) {
    Tags placed = Tags.of(API_LABEL, api, ShieldNames.METRIC_MODEL_LABEL, model(),
        ShieldNames.METRIC_VARIANT_LABEL, variant, ShieldNames.METRIC_POOL_LABEL, pool);
    Counter.builder(REQUESTS)
        .description("Public API requests by the HTTP status they were answered with, or for a stream that began, "
            + "the error code of its last line or ClientClosed")
        .tags(placed.and(CODE_LABEL, code)).register(registry).increment();
    Timer.builder(REQUEST_DURATION)
        .description("Public API requests from arrival to the last byte of their answer")
        .serviceLevelObjectives(REQUEST_BUCKETS)
        .tags(placed.and(OUTCOME_LABEL, outcome.label())).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  void firstToken(String api, String variant, String pool, long nanos) {
    Timer.builder(TIME_TO_FIRST_TOKEN)
        .description("Streamed requests from arrival to their first token")
        .serviceLevelObjectives(FIRST_TOKEN_BUCKETS)
        .tags(Tags.of(API_LABEL, api, ShieldNames.METRIC_MODEL_LABEL, model(), ShieldNames.METRIC_VARIANT_LABEL,
            variant, ShieldNames.METRIC_POOL_LABEL, pool))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  void overhead(String api, long nanos) {
    Timer.builder(OVERHEAD)
        .description("The gateway's own time in a whole answer, as its x-shield-overhead-ms header says: from "
            + "arrival to the answer, less the time upstream")
        .serviceLevelObjectives(OVERHEAD_BUCKETS)
        .tags(Tags.of(API_LABEL, api, ShieldNames.METRIC_MODEL_LABEL, model()))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  private AtomicInteger counter(Placement placement) {
    return inflight.computeIfAbsent(placement, this::register);
  }

  private AtomicInteger register(Placement placement) {
    AtomicInteger count = new AtomicInteger();
    Tags tags = Tags.of(ShieldNames.METRIC_MODEL_LABEL, model(), ShieldNames.METRIC_VARIANT_LABEL,
        placement.variant(), ShieldNames.METRIC_POOL_LABEL, placement.pool());
    gauges.add(Gauge.builder(ShieldNames.GATEWAY_INFLIGHT_METRIC, count, AtomicInteger::get)
        .description("Requests the gateway has sent to the variant's pods in the pool and not yet seen end")
        .tags(tags).strongReference(true).register(registry));
    gauges.add(Gauge.builder(ShieldNames.GATEWAY_QUEUED_METRIC, this, metrics -> metrics.queued(placement.variant(),
            placement.pool()))
        .description("Requests in flight to the variant's pods in the pool beyond ready pods x podConcurrency: "
            + "work waiting in the pods' engine queues")
        .tags(tags).strongReference(true).register(registry));
    gauges.add(Gauge.builder(ShieldNames.GATEWAY_CAPACITY_METRIC, this, metrics -> metrics.capacity(
            placement.variant(), placement.pool()))
        .description("Requests the variant's ready pods in the pool take at once: ready pods x podConcurrency")
        .tags(tags).strongReference(true).register(registry));
    return count;
  }

  /** The model label: {@code shield.model}, else the routes' model once there are routes, else {@value #NONE}. */
  private String model() {
    String known = model;
    if (known == null) {
      GatewayRoutes routes = upstreams.routes();
      known = configuredModel.filter(name -> !name.isBlank())
          .orElse(routes == null || routes.model() == null ? null : routes.model());
      if (known == null) {
        // routes that have not arrived yet may still name the model: ask again next time
        return NONE;
      }
      model = known;
    }
    return known;
  }

  private static List<GatewayRoutes.VariantRoute> variants(GatewayRoutes routes) {
    return routes == null || routes.variants() == null ? List.of() : routes.variants();
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos(Math.round(values[i] * 1_000_000_000L));
    }
    return durations;
  }
}
