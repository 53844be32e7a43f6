package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cybershield.shield.gateway.routing.PodEndpointsTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the watches' events do to the upstreams: routes that replace each other, refused documents that change
 * nothing, a deleted ConfigMap, and in-flight counts across changes of the pods.
 */
class WatchedUpstreamsTest {

  private static final String ROUTES = """
      {"schemaVersion": 1, "model": "threat-intel", "generation": %d, "dataClassification": "confidential",
       "variants": [{"name": "full", "priorities": ["critical", "high", "normal"], "pools": [
         {"pool": "onprem", "port": 8080, "podSelector": {"shield.cybershield.io/model": "threat-intel",
          "shield.cybershield.io/variant": "full", "shield.cybershield.io/component": "model-server",
          "shield.cybershield.io/pool": "onprem"}}]}]}
      """;

  private final WatchedUpstreams upstreams = new WatchedUpstreams("soc/threat-intel-gateway-routes");

  @Test
  void startsWithoutVariants() {
    assertThat(upstreams.routes().variants()).isEmpty();
    assertThat(upstreams.endpoints()).isEmpty();
  }

  @Test
  void routesAndPodsMakeEndpointsInEitherOrder() {
    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", true)));
    assertThat(upstreams.endpoints()).isEmpty();

    upstreams.routesChanged(routes(ROUTES.formatted(3)));
    assertThat(upstreams.routes().generation()).isEqualTo(3L);
    assertThat(upstreams.endpoints()).containsExactly(new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, true, 0));

    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", false), pod("full", Pool.ONPREM, "10.0.0.8",
        true)));
    assertThat(upstreams.endpoints()).containsExactly(
        new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, false, 0),
        new Router.Endpoint("full", "onprem", "10.0.0.8", 8080, true, 0));
  }

  @Test
  void aDocumentItCannotReadLeavesTheLastGoodRoutes() {
    upstreams.routesChanged(routes(ROUTES.formatted(3)));
    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", true)));

    upstreams.routesChanged(routes("{\"schemaVersion\": 2, \"variants\": []}"));
    upstreams.routesChanged(routes("{\"variants\": ["));
    upstreams.routesChanged(new ConfigMapBuilder().withNewMetadata().withName("threat-intel-gateway-routes")
        .endMetadata().addToData("other.json", "{}").build());

    assertThat(upstreams.routes().generation()).isEqualTo(3L);
    assertThat(upstreams.endpoints()).containsExactly(new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, true, 0));
  }

  @Test
  void aDeletedConfigMapLeavesNoVariantsUntilItReturns() {
    upstreams.routesChanged(routes(ROUTES.formatted(3)));
    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", true)));

    upstreams.routesDeleted();
    assertThat(upstreams.routes().variants()).isEmpty();
    assertThat(upstreams.endpoints()).isEmpty();

    upstreams.routesChanged(routes(ROUTES.formatted(4)));
    assertThat(upstreams.endpoints()).hasSize(1);
  }

  @Test
  void inFlightCountsSurviveChangesAndGoWithTheirPod() {
    upstreams.routesChanged(routes(ROUTES.formatted(3)));
    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", true)));
    Router.Endpoint endpoint = upstreams.endpoints().iterator().next();
    upstreams.acquire(endpoint);
    upstreams.acquire(endpoint);

    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", false)));
    assertThat(upstreams.endpoints()).extracting(Router.Endpoint::inflight).containsExactly(2);

    upstreams.podsChanged(List.of());
    upstreams.release(endpoint);
    // the pod comes back at the same address: the request still running there is counted
    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", true)));
    assertThat(upstreams.endpoints()).extracting(Router.Endpoint::inflight).containsExactly(1);

    upstreams.podsChanged(List.of());
    upstreams.release(endpoint);
    upstreams.podsChanged(List.of(pod("full", Pool.ONPREM, "10.0.0.7", true)));
    assertThat(upstreams.endpoints()).extracting(Router.Endpoint::inflight).containsExactly(0);
  }

  private static ConfigMap routes(String json) {
    return new ConfigMapBuilder().withNewMetadata().withName("threat-intel-gateway-routes").withNamespace("soc")
        .endMetadata().addToData(GatewayRoutes.KEY, json).build();
  }
}
