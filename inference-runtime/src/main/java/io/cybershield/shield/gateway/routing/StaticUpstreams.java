package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upstreams fixed at start-up, for running the gateway stand-alone and in tests: the routes from a JSON file (the
 * routing ConfigMap's {@code routes.json}) and the endpoints from a list {@code variant:pool:host:port}, all taken as
 * ready. On a cluster the routes and endpoints come from watching the routing ConfigMap and the pods instead
 * ({@link KubernetesUpstreams}).
 */
public final class StaticUpstreams implements Upstreams {

  private final GatewayRoutes routes;
  private final List<Address> addresses;
  private final Map<String, AtomicInteger> inflight = new ConcurrentHashMap<>();

  private record Address(String variant, String pool, String host, int port) {
    String key() {
      return host + ":" + port;
    }
  }

  public StaticUpstreams(GatewayRoutes routes, List<String> endpoints) {
    this.routes = routes;
    List<Address> parsed = new ArrayList<>();
    for (String endpoint : endpoints) {
      parsed.add(parse(endpoint.trim()));
    }
    this.addresses = List.copyOf(parsed);
    addresses.forEach(address -> inflight.put(address.key(), new AtomicInteger()));
  }

  /** From the configuration: a routes file (none: a model with no variants) and the endpoint list. */
  public static StaticUpstreams fromConfig(Optional<Path> routesFile, Optional<List<String>> endpoints) {
    GatewayRoutes routes = routesFile.map(StaticUpstreams::read).orElse(RoutesDocument.none());
    return new StaticUpstreams(routes, endpoints.orElse(List.of()));
  }

  static GatewayRoutes read(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the routes file " + file, e);
    }
    return RoutesDocument.parse(json, "the routes file " + file);
  }

  private static Address parse(String endpoint) {
    String[] parts = endpoint.split(":");
    if (parts.length != 4 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      throw new IllegalArgumentException("an endpoint is variant:pool:host:port, not '" + endpoint + "'");
    }
    int port;
    try {
      port = Integer.parseInt(parts[3]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port of endpoint '" + endpoint + "' is not a number");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the port of endpoint '" + endpoint + "' is not 1-65535");
    }
    return new Address(parts[0], parts[1], parts[2], port);
  }

  @Override
  public GatewayRoutes routes() {
    return routes;
  }

  @Override
  public Collection<Router.Endpoint> endpoints() {
    return addresses.stream()
        .map(a -> new Router.Endpoint(a.variant(), a.pool(), a.host(), a.port(), true, inflight(a.key()).get()))
        .toList();
  }

  @Override
  public void acquire(Router.Endpoint endpoint) {
    inflight(endpoint.address() + ":" + endpoint.port()).incrementAndGet();
  }

  @Override
  public void release(Router.Endpoint endpoint) {
    inflight(endpoint.address() + ":" + endpoint.port()).decrementAndGet();
  }

  private AtomicInteger inflight(String key) {
    return inflight.computeIfAbsent(key, ignored -> new AtomicInteger());
  }
}
