package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of a model, as a pure function of its routes and its model-server pods. A pod belongs to the first
 * pool route (in the order of the document) whose {@code podSelector} labels it carries, all of them, and is reached
 * on that route's port at its {@code status.podIP}; a route without a selector or a port claims no pod. A pod that
 * no route claims, or that has no IP yet, is no endpoint. An endpoint is ready when its pod is {@code Running}, its
 * {@code Ready} condition is {@code True} and it is not being deleted: a terminating pod stops getting new work at
 * once, as it leaves a Service's endpoints. In-flight counts are not a matter of pods: they are 0 here.
 */
public final class PodEndpoints {

  private static final Comparator<Router.Endpoint> ORDER = Comparator.comparing(Router.Endpoint::variant)
      .thenComparing(Router.Endpoint::pool).thenComparing(Router.Endpoint::address)
      .thenComparingInt(Router.Endpoint::port);

  private PodEndpoints() {
  }

  /** The endpoints, ordered by variant, pool, address and port. */
  public static List<Router.Endpoint> of(GatewayRoutes routes, Collection<Pod> pods) {
    List<Router.Endpoint> endpoints = new ArrayList<>();
    for (Pod pod : pods) {
      String address = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      if (address == null || address.isEmpty()) {
        continue;
      }
      Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
      claim(routes, labels).ifPresent(claim -> endpoints.add(new Router.Endpoint(claim.variant(), claim.pool(),
          address, claim.port(), ready(pod), 0)));
    }
    endpoints.sort(ORDER);
    return List.copyOf(endpoints);
  }

  /** Running, Ready=True, not being deleted. */
  static boolean ready(Pod pod) {
    PodStatus status = pod.getStatus();
    if (status == null || pod.getMetadata().getDeletionTimestamp() != null || !"Running".equals(status.getPhase())) {
      return false;
    }
    return status.getConditions() != null && status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private record Claim(String variant, String pool, int port) {
  }

  private static Optional<Claim> claim(GatewayRoutes routes, Map<String, String> labels) {
    if (routes.variants() == null) {
      return Optional.empty();
    }
    for (GatewayRoutes.VariantRoute variant : routes.variants()) {
      if (variant.pools() == null) {
        continue;
      }
      for (GatewayRoutes.PoolRoute pool : variant.pools()) {
        if (pool.port() != null && pool.podSelector() != null && !pool.podSelector().isEmpty()
            && labels.entrySet().containsAll(pool.podSelector().entrySet())) {
          return Optional.of(new Claim(variant.name(), pool.pool(), pool.port()));
        }
      }
    }
    return Optional.empty();
  }
}
