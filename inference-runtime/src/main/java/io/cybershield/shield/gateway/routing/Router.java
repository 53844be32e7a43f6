package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one request goes, as a pure function of the routes the operator wrote, the request's priority and
 * classification, and the endpoints the gateway sees with their in-flight counts:
 * <ol>
 * <li>The classification is the request's, or the model's when the request has none.</li>
 * <li>Pools: a {@code restricted} request, or any request to a restricted model, only ever reaches on-prem pods
 * (whatever the model's own classification: a confidential model serves restricted work on its on-prem pods alone);
 * any other request may use both pools.</li>
 * <li>The variant is the one whose priorities include the request's. Only ready endpoints count; the one with the
 * fewest requests in flight wins, on-prem first on a tie, then the caller's tie-break spreads equal ones.</li>
 * <li>When that variant has no ready endpoint in an allowed pool, {@code low} and {@code normal} work falls back to
 * the other variants in the order of the spec (the answer says which variant served it); {@code critical} and
 * {@code high} work is never moved to another variant: it gets {@code NoReadyUpstream} (503, Retry-After).</li>
 * </ol>
 */
public final class Router {

  /** Seconds a client is told to wait when no endpoint is ready. */
  public static final int RETRY_AFTER_SECONDS = 5;
  static final String ONPREM = "onprem";

  private Router() {
  }

  /**
   * A pod the gateway can send to.
   *
   * @param variant  the variant it serves
   * @param pool     {@code onprem} or {@code private-cloud}
   * @param address  its IP address
   * @param port     its DJL Serving port
   * @param ready    whether it is ready
   * @param inflight requests the gateway has in flight to it now
   */
  public record Endpoint(String variant, String pool, String address, int port, boolean ready, int inflight) {
  }

  /** The outcome. */
  public sealed interface Route permits To, Refused {
  }

  /**
   * Send it here.
   *
   * @param endpoint       the endpoint
   * @param classification the request's effective classification
   * @param fallback       whether the variant is not the one the priority names
   */
  public record To(Endpoint endpoint, DataClassification classification, boolean fallback) implements Route {
  }

  /**
   * Do not send it.
   *
   * @param status            the HTTP status to answer
   * @param code              the error code
   * @param message           for a person
   * @param retryAfterSeconds a Retry-After, or 0
   */
  public record Refused(int status, String code, String message, int retryAfterSeconds) implements Route {
  }

  /** Routes a request; {@code tieBreak} (for example a request counter) spreads equally loaded endpoints. */
  public static Route route(GatewayRoutes routes, Priority priority, DataClassification requested,
                            Collection<Endpoint> endpoints, long tieBreak) {
    Objects.requireNonNull(routes, "routes");
    Priority wanted = priority == null ? Priority.NORMAL : priority;
    DataClassification model = routes.dataClassification() == null ? DataClassification.CONFIDENTIAL
        : routes.dataClassification();
    DataClassification classification = requested == null ? model : requested;
    boolean onPremOnly = classification == DataClassification.RESTRICTED || model == DataClassification.RESTRICTED;
    String priorityName = name(wanted);
    List<GatewayRoutes.VariantRoute> variants = routes.variants() == null ? List.of() : routes.variants();
    GatewayRoutes.VariantRoute primary = variants.stream()
        .filter(v -> v.priorities() != null && v.priorities().contains(priorityName)).findFirst().orElse(null);
    boolean mayFallBack = wanted == Priority.LOW || wanted == Priority.NORMAL;
    if (primary == null && !mayFallBack) {
      return new Refused(422, "PriorityNotServed", "no variant of this model serves " + priorityName
          + " requests, and " + priorityName + " work is never moved to another variant", 0);
    }
    List<GatewayRoutes.VariantRoute> order = new ArrayList<>();
    if (primary != null) {
      order.add(primary);
    }
    if (mayFallBack) {
      variants.stream().filter(v -> v != primary).forEach(order::add);
    }
    for (GatewayRoutes.VariantRoute variant : order) {
      List<Endpoint> ready = endpoints.stream()
          .filter(e -> e.ready() && variant.name().equals(e.variant()))
          .filter(e -> !onPremOnly || ONPREM.equals(e.pool()))
          .filter(e -> variant.pools() == null || variant.pools().stream().anyMatch(p -> p.pool().equals(e.pool())))
          .toList();
      if (ready.isEmpty()) {
        continue;
      }
      int fewest = ready.stream().mapToInt(Endpoint::inflight).min().orElseThrow();
      List<Endpoint> least = ready.stream().filter(e -> e.inflight() == fewest)
          .sorted(Comparator.comparing((Endpoint e) -> !ONPREM.equals(e.pool())).thenComparing(Endpoint::address)
              .thenComparingInt(Endpoint::port))
          .toList();
      List<Endpoint> onPrem = least.stream().filter(e -> ONPREM.equals(e.pool())).toList();
      List<Endpoint> ties = onPrem.isEmpty() ? least : onPrem;
      Endpoint chosen = ties.get((int) Math.floorMod(tieBreak, (long) ties.size()));
      return new To(chosen, classification, variant != primary);
    }
    String where = onPremOnly ? "on premises" : "in either pool";
    String which = primary == null ? "any variant" : mayFallBack ? "variant " + primary.name() + " or any other"
        : "variant " + primary.name();
    return new Refused(503, "NoReadyUpstream", "no ready model server of " + which + " " + where + " for "
        + priorityName + " " + name(classification) + " work; try again shortly", RETRY_AFTER_SECONDS);
  }


  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The name a variant's pods are verified as when the routing document says they serve HTTPS
   * ({@link GatewayRoutes#upstreamTlsEnabled()}): {@code <service>.<namespace>.svc}; null for plain HTTP.
   */
  public static String upstreamServerName(GatewayRoutes routes, String variant) {
    if (routes == null || !routes.upstreamTlsEnabled() || routes.variants() == null) {
      return null;
    }
    return routes.variants().stream().filter(v -> v.name().equals(variant)).findFirst()
        .map(v -> v.service() + "." + routes.namespace() + ".svc").orElse(null);
  }
}
