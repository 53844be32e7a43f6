package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The upstreams as the watches last saw them: the last good routing document of the routing ConfigMap and the
 * model's pods, turned into endpoints ({@link PodEndpoints}) whenever either changes. A document the gateway cannot
 * read (malformed, a newer schema, no {@value GatewayRoutes#KEY}) is refused with a warning and the last good routes
 * stay; a deleted ConfigMap leaves the model without variants until it returns.
 * <p>
 * {@link #endpoints()} runs per request: it reads one immutable snapshot, swapped whole on every change. The
 * in-flight counts are kept apart, by {@code address:port}, so they survive snapshot changes; the count of an
 * address no pod has any more goes when it drops to zero.
 */
final class WatchedUpstreams implements Upstreams {

  private static final Logger LOG = Logger.getLogger(WatchedUpstreams.class);

  private record Snapshot(GatewayRoutes routes, List<Router.Endpoint> endpoints, Set<String> addresses) {
  }

  private final String configMap;
  private final Map<String, AtomicInteger> inflight = new ConcurrentHashMap<>();
  // written under the lock of this object, by the informers' threads; read without it, per request
  private volatile Snapshot snapshot = new Snapshot(RoutesDocument.none(), List.of(), Set.of());
  private GatewayRoutes routes = RoutesDocument.none();
  private Collection<Pod> pods = List.of();

  /** @param configMap the routing ConfigMap as {@code namespace/name}, for the log */
  WatchedUpstreams(String configMap) {
    this.configMap = configMap;
  }

  /** The routing ConfigMap was created or changed. */
  synchronized void routesChanged(ConfigMap routesMap) {
    String json = routesMap.getData() == null ? null : routesMap.getData().get(GatewayRoutes.KEY);
    GatewayRoutes read;
    try {
      read = RoutesDocument.parse(json, "the key " + GatewayRoutes.KEY + " of the ConfigMap " + configMap);
    } catch (IllegalArgumentException refused) {
      LOG.warnf("%s; the gateway keeps routing by the last routes it could read", refused.getMessage());
      return;
    }
    routes = read;
    LOG.infof("routing by the ConfigMap %s (ShieldModel generation %s): variants %s", configMap, read.generation(),
        read.variants() == null ? List.of() : read.variants().stream().map(GatewayRoutes.VariantRoute::name).toList());
    publish();
  }

  /** The routing ConfigMap was deleted. */
  synchronized void routesDeleted() {
    routes = RoutesDocument.none();
    LOG.warnf("the ConfigMap %s was deleted: the model has no variants, and every request is refused until it "
        + "returns", configMap);
    publish();
  }

  /** The model's pods now. */
  synchronized void podsChanged(Collection<Pod> current) {
    pods = List.copyOf(current);
    publish();
  }

  private void publish() {
    List<Router.Endpoint> endpoints = PodEndpoints.of(routes, pods);
    Set<String> addresses = endpoints.stream().map(WatchedUpstreams::key).collect(Collectors.toUnmodifiableSet());
    snapshot = new Snapshot(routes, endpoints, addresses);
    for (String gone : inflight.keySet()) {
      if (!addresses.contains(gone)) {
        inflight.computeIfPresent(gone, (key, count) -> count.get() == 0 ? null : count);
      }
    }
    LOG.debugf("endpoints: %s", endpoints);
  }

  @Override
  public GatewayRoutes routes() {
    return snapshot.routes();
  }

  @Override
  public Collection<Router.Endpoint> endpoints() {
    List<Router.Endpoint> endpoints = snapshot.endpoints();
    if (inflight.isEmpty()) {
      return endpoints;
    }
    return endpoints.stream().map(e -> {
      AtomicInteger count = inflight.get(key(e));
      return count == null ? e : new Router.Endpoint(e.variant(), e.pool(), e.address(), e.port(), e.ready(),
          count.get());
    }).toList();
  }

  @Override
  public void acquire(Router.Endpoint endpoint) {
    inflight.compute(key(endpoint), (key, count) -> {
      AtomicInteger counted = count == null ? new AtomicInteger() : count;
      counted.incrementAndGet();
      return counted;
    });
  }

  @Override
  public void release(Router.Endpoint endpoint) {
    inflight.computeIfPresent(key(endpoint), (key, count) ->
        count.decrementAndGet() <= 0 && !snapshot.addresses().contains(key) ? null : count);
  }

  private static String key(Router.Endpoint endpoint) {
    return endpoint.address() + ":" + endpoint.port();
  }
}
