package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Routes and pods to endpoints: which pods count, in which variant and pool, on which port, and when ready. */
class PodEndpointsTest {

  private static final String MODEL = "threat-intel";

  /** full: onprem on 8080, private-cloud on 9090; lite: onprem on 8080. */
  private static final GatewayRoutes CONFIDENTIAL = new GatewayRoutes(1, MODEL, "soc", 3L,
      DataClassification.CONFIDENTIAL, "v1", List.of(
          new GatewayRoutes.VariantRoute("full", List.of("critical", "high", "normal"), "threat-intel-full", List.of(
              pool("full", Pool.ONPREM, 8080), pool("full", Pool.PRIVATE_CLOUD, 9090))),
          new GatewayRoutes.VariantRoute("lite", List.of("low"), "threat-intel-lite", List.of(
              pool("lite", Pool.ONPREM, 8080)))));

  /** A restricted model: on-prem routes only. */
  private static final GatewayRoutes RESTRICTED = new GatewayRoutes(1, MODEL, "soc", 3L,
      DataClassification.RESTRICTED, "v1", List.of(
          new GatewayRoutes.VariantRoute("full", List.of("critical", "high", "normal", "low"), "threat-intel-full",
              List.of(pool("full", Pool.ONPREM, 8080)))));

  @Test
  void podsOfBothPoolsOnTheirRoutesPorts() {
    List<Router.Endpoint> endpoints = PodEndpoints.of(CONFIDENTIAL, List.of(
        pod("full", Pool.PRIVATE_CLOUD, "10.0.1.9", true),
        pod("full", Pool.ONPREM, "10.0.0.7", true),
        pod("lite", Pool.ONPREM, "10.0.0.8", true)));

    assertThat(endpoints).containsExactly(
        new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, true, 0),
        new Router.Endpoint("full", "private-cloud", "10.0.1.9", 9090, true, 0),
        new Router.Endpoint("lite", "onprem", "10.0.0.8", 8080, true, 0));
  }

  @Test
  void anUnreadyPodIsAnUnreadyEndpoint() {
    Pod notReady = pod("full", Pool.ONPREM, "10.0.0.7", false);
    Pod pending = new PodBuilder(pod("full", Pool.ONPREM, "10.0.0.8", true))
        .editStatus().withPhase("Pending").endStatus().build();
    Pod noConditions = new PodBuilder(pod("full", Pool.ONPREM, "10.0.0.9", true))
        .editStatus().withConditions(List.of()).endStatus().build();

    assertThat(PodEndpoints.of(CONFIDENTIAL, List.of(notReady, pending, noConditions)))
        .extracting(Router.Endpoint::address, Router.Endpoint::ready)
        .containsExactly(
            tuple("10.0.0.7", false),
            tuple("10.0.0.8", false),
            tuple("10.0.0.9", false));
  }

  @Test
  void aTerminatingPodIsNotReady() {
    Pod terminating = new PodBuilder(pod("full", Pool.ONPREM, "10.0.0.7", true))
        .editMetadata().withDeletionTimestamp("2026-12-03T14:00:00Z").endMetadata().build();

    assertThat(PodEndpoints.of(CONFIDENTIAL, List.of(terminating)))
        .containsExactly(new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, false, 0));
  }

  @Test
  void aPodWithoutAnAddressIsNoEndpoint() {
    Pod scheduled = new PodBuilder(pod("full", Pool.ONPREM, null, false))
        .editStatus().withPhase("Pending").endStatus().build();
    Pod emptyIp = pod("full", Pool.ONPREM, "", true);

    assertThat(PodEndpoints.of(CONFIDENTIAL, List.of(scheduled, emptyIp))).isEmpty();
  }

  @Test
  void podsNoRouteSelectsAreIgnored() {
    Pod otherVariant = pod("heavy", Pool.ONPREM, "10.0.0.7", true);
    Pod noPoolLabel = new PodBuilder(pod("full", Pool.ONPREM, "10.0.0.8", true))
        .editMetadata().removeFromLabels(ShieldNames.POOL_LABEL).endMetadata().build();
    Pod noLabels = new PodBuilder().withNewMetadata().withName("bare").endMetadata()
        .withNewStatus().withPhase("Running").withPodIP("10.0.0.9").endStatus().build();

    assertThat(PodEndpoints.of(CONFIDENTIAL, List.of(otherVariant, noPoolLabel, noLabels))).isEmpty();
  }

  @Test
  void aPodBecomesReadyWhenItsStatusSaysSo() {
    Pod starting = pod("full", Pool.ONPREM, "10.0.0.7", false);
    Pod started = new PodBuilder(starting).editStatus().editFirstCondition().withStatus("True").endCondition()
        .endStatus().build();

    assertThat(PodEndpoints.of(CONFIDENTIAL, List.of(starting)))
        .containsExactly(new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, false, 0));
    assertThat(PodEndpoints.of(CONFIDENTIAL, List.of(started)))
        .containsExactly(new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, true, 0));
  }

  @Test
  void aRestrictedModelHasNoPrivateCloudEndpoint() {
    List<Router.Endpoint> endpoints = PodEndpoints.of(RESTRICTED, List.of(
        pod("full", Pool.ONPREM, "10.0.0.7", true),
        pod("full", Pool.PRIVATE_CLOUD, "10.0.1.9", true)));

    assertThat(endpoints).containsExactly(new Router.Endpoint("full", "onprem", "10.0.0.7", 8080, true, 0));
  }

  @Test
  void aRouteWithoutSelectorOrPortClaimsNoPod() {
    GatewayRoutes vague = new GatewayRoutes(1, MODEL, "soc", 3L, DataClassification.CONFIDENTIAL, "v1", List.of(
        new GatewayRoutes.VariantRoute("full", List.of("normal"), "threat-intel-full", List.of(
            new GatewayRoutes.PoolRoute("onprem", "threat-intel-full-onprem", null, 8080),
            new GatewayRoutes.PoolRoute("onprem", "threat-intel-full-onprem", Map.of(), 8080),
            new GatewayRoutes.PoolRoute("onprem", "threat-intel-full-onprem",
                ShieldNames.modelPodSelector(MODEL, "full", Pool.ONPREM), null)))));

    assertThat(PodEndpoints.of(vague, List.of(pod("full", Pool.ONPREM, "10.0.0.7", true)))).isEmpty();
    assertThat(PodEndpoints.of(RoutesDocument.none(), List.of(pod("full", Pool.ONPREM, "10.0.0.7", true))))
        .isEmpty();
  }

  private static GatewayRoutes.PoolRoute pool(String variant, Pool pool, int port) {
    return new GatewayRoutes.PoolRoute(pool.value(), ShieldNames.deployment(MODEL, variant, pool),
        ShieldNames.modelPodSelector(MODEL, variant, pool), port);
  }

  /** A model-server pod as its Deployment labels it, Running, with its Ready condition. */
  static Pod pod(String variant, Pool pool, String ip, boolean ready) {
    Map<String, String> labels = new java.util.LinkedHashMap<>(ShieldNames.modelPodSelector(MODEL, variant, pool));
    labels.put("pod-template-hash", "5d8f7c9b4");
    return new PodBuilder()
        .withNewMetadata().withName(ShieldNames.deployment(MODEL, variant, pool) + "-" + ip).withNamespace("soc")
        .withLabels(labels).endMetadata()
        .withNewStatus().withPhase("Running").withPodIP(ip)
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus()
        .build();
  }
}
