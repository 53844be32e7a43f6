package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.routing.GatewayRoutes.PoolRoute;
import io.cybershield.shield.api.routing.GatewayRoutes.VariantRoute;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.routing.Router.Endpoint;
import io.cybershield.shield.gateway.routing.Router.Refused;
import io.cybershield.shield.gateway.routing.Router.Route;
import io.cybershield.shield.gateway.routing.Router.To;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {

  private static final List<PoolRoute> BOTH = List.of(new PoolRoute("onprem", "d", Map.of(), 8080),
      new PoolRoute("private-cloud", "d", Map.of(), 8080));

  /** threat-intel: full serves critical, high, normal; lite serves low; both pools. */
  private static GatewayRoutes routes(DataClassification classification) {
    return new GatewayRoutes(1, "threat-intel", "soc", 1L, classification, "v7", List.of(
        new VariantRoute("full", List.of("critical", "high", "normal"), "threat-intel-full", BOTH),
        new VariantRoute("lite", List.of("low"), "threat-intel-lite", BOTH)));
  }

  private static Endpoint ep(String variant, String pool, String address, boolean ready, int inflight) {
    return new Endpoint(variant, pool, address, 8080, ready, inflight);
  }

  private static final List<Endpoint> ALL = List.of(
      ep("full", "onprem", "127.0.1.1", true, 3), ep("full", "private-cloud", "127.0.2.1", true, 1),
      ep("lite", "onprem", "127.0.1.2", true, 0), ep("lite", "private-cloud", "127.0.2.2", true, 0));

  private static To to(Route route) {
    assertThat(route).isInstanceOf(To.class);
    return (To) route;
  }

  @Test
  void priorityPicksTheVariantAndTheLeastBusyReadyEndpoint() {
    GatewayRoutes routes = routes(DataClassification.CONFIDENTIAL);
    assertThat(to(Router.route(routes, Priority.LOW, null, ALL, 0)).endpoint().variant()).isEqualTo("lite");
    To critical = to(Router.route(routes, Priority.CRITICAL, null, ALL, 0));
    assertThat(critical.endpoint().address()).as("the cloud pod has fewer in flight").isEqualTo("127.0.2.1");
    assertThat(critical.fallback()).isFalse();
    assertThat(critical.classification()).isEqualTo(DataClassification.CONFIDENTIAL);
    assertThat(to(Router.route(routes, null, null, ALL, 0)).endpoint().variant()).as("normal by default")
        .isEqualTo("full");
  }

  @Test
  void restrictedRequestsOnlyEverReachOnPremPods() {
    GatewayRoutes routes = routes(DataClassification.RESTRICTED);
    To restricted = to(Router.route(routes, Priority.HIGH, DataClassification.RESTRICTED, ALL, 0));
    assertThat(restricted.endpoint().pool()).isEqualTo("onprem");
    assertThat(restricted.endpoint().address()).isEqualTo("127.0.1.1");
    // a restricted model: even public requests stay on premises
    assertThat(to(Router.route(routes, Priority.HIGH, DataClassification.PUBLIC, ALL, 0)).endpoint().pool())
        .isEqualTo("onprem");

    List<Endpoint> cloudOnly = List.of(ep("full", "onprem", "127.0.1.1", false, 0),
        ep("full", "private-cloud", "127.0.2.1", true, 0));
    Refused refused = (Refused) Router.route(routes, Priority.HIGH, DataClassification.RESTRICTED, cloudOnly, 0);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.code()).isEqualTo("NoReadyUpstream");
    assertThat(refused.retryAfterSeconds()).isPositive();
    assertThat(refused.message()).contains("on premises");
  }

  @Test
  void restrictedWorkToAModelOfAnyClassificationStaysOnPremises() {
    for (DataClassification model : DataClassification.values()) {
      for (long tieBreak = 0; tieBreak < 4; tieBreak++) {
        To to = to(Router.route(routes(model), Priority.NORMAL, DataClassification.RESTRICTED, ALL, tieBreak));
        assertThat(to.endpoint().pool()).as("%s model", model).isEqualTo("onprem");
        assertThat(to.classification()).isEqualTo(DataClassification.RESTRICTED);
      }
    }
  }

  @Test
  void lowAndNormalWorkFallsBackButCriticalAndHighNeverDo() {
    GatewayRoutes routes = routes(DataClassification.CONFIDENTIAL);
    List<Endpoint> noLite = List.of(ep("full", "onprem", "127.0.1.1", true, 0),
        ep("lite", "onprem", "127.0.1.2", false, 0));
    To low = to(Router.route(routes, Priority.LOW, null, noLite, 0));
    assertThat(low.endpoint().variant()).isEqualTo("full");
    assertThat(low.fallback()).isTrue();

    List<Endpoint> noFull = List.of(ep("full", "onprem", "127.0.1.1", false, 0),
        ep("lite", "onprem", "127.0.1.2", true, 0));
    assertThat(to(Router.route(routes, Priority.NORMAL, null, noFull, 0)).endpoint().variant()).isEqualTo("lite");
    for (Priority urgent : List.of(Priority.CRITICAL, Priority.HIGH)) {
      Refused refused = (Refused) Router.route(routes, urgent, null, noFull, 0);
      assertThat(refused.code()).isEqualTo("NoReadyUpstream");
      assertThat(refused.message()).contains("variant full").doesNotContain("any other");
    }
  }

  @Test
  void tiesPreferOnPremThenSpreadByTheTieBreak() {
    GatewayRoutes routes = routes(DataClassification.CONFIDENTIAL);
    List<Endpoint> even = List.of(ep("full", "private-cloud", "127.0.2.1", true, 0),
        ep("full", "onprem", "127.0.1.1", true, 0), ep("full", "onprem", "127.0.1.3", true, 0));
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      chosen.add(to(Router.route(routes, Priority.HIGH, null, even, i)).endpoint().address());
    }
    assertThat(chosen).containsExactly("127.0.1.1", "127.0.1.3", "127.0.1.1", "127.0.1.3");
  }

  @Test
  void aPriorityNoVariantServesIsRefusedForUrgentWorkAndFallsBackForTheRest() {
    GatewayRoutes routes = new GatewayRoutes(1, "m", "soc", 1L, DataClassification.INTERNAL, "1", List.of(
        new VariantRoute("cpu", List.of("normal", "low"), "m-cpu", BOTH)));
    List<Endpoint> one = List.of(ep("cpu", "onprem", "127.0.1.1", true, 0));
    Refused refused = (Refused) Router.route(routes, Priority.CRITICAL, null, one, 0);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("PriorityNotServed");
    assertThat(to(Router.route(routes, Priority.LOW, null, one, 0)).endpoint().variant()).isEqualTo("cpu");
  }

  /** Every priority × classification × subset of ready endpoints: the invariants hold. */
  @Test
  void theRoutingMatrix() {
    for (DataClassification model : DataClassification.values()) {
      GatewayRoutes routes = routes(model);
      for (int mask = 0; mask < 16; mask++) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          Endpoint e = ALL.get(i);
          endpoints.add(ep(e.variant(), e.pool(), e.address(), (mask & (1 << i)) != 0, e.inflight()));
        }
        for (Priority priority : Priority.values()) {
          for (DataClassification request : DataClassification.values()) {
            Route route = Router.route(routes, priority, request, endpoints, mask);
            String at = model + " " + priority + " " + request + " mask " + mask;
            if (route instanceof To to) {
              assertThat(to.endpoint().ready()).as(at).isTrue();
              if (request == DataClassification.RESTRICTED || model == DataClassification.RESTRICTED) {
                assertThat(to.endpoint().pool()).as(at + ": restricted stays on premises").isEqualTo("onprem");
              }
              if (priority == Priority.CRITICAL || priority == Priority.HIGH) {
                assertThat(to.endpoint().variant()).as(at + ": never downgraded").isEqualTo("full");
              }
            } else {
              Refused refused = (Refused) route;
              assertThat(refused.status()).as(at).isEqualTo(503);
              // refused only when nothing allowed was ready
              boolean anyAllowed = endpoints.stream().anyMatch(e -> e.ready()
                  && (priority == Priority.LOW || priority == Priority.NORMAL || e.variant().equals("full"))
                  && (request != DataClassification.RESTRICTED && model != DataClassification.RESTRICTED
                  || e.pool().equals("onprem")));
              assertThat(anyAllowed).as(at + ": refused although an allowed endpoint was ready").isFalse();
            }
          }
        }
      }
    }
  }
}
