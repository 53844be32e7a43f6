package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The gateway in cluster mode against the sandbox API server: it routes by the routing ConfigMap and the model's pods
 * as they are now, with no restart — a changed ConfigMap, a pod turning unready, a new pod becoming ready, a pod being
 * deleted, the ConfigMap deleted and back — and restricted work never reaches a private-cloud pod.
 */
@QuarkusTest
@TestProfile(KubernetesUpstreamsIT.ClusterMode.class)
class KubernetesUpstreamsIT {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final List<String> FULL = List.of("critical", "high", "normal");
  private static final List<String> LITE = List.of("low");
  private static final String HOLD = "shield.cybershield.io/test-hold";

  /** The gateway pointed at the sandbox: the model {@code threat-intel} in its namespace, nothing else set. */
  public static class ClusterMode implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ModelOnSandbox.class));
    }
  }

  ModelOnSandbox.Model model;

  @Inject
  Upstreams upstreams;

  /** Every test starts from the routes of generation 1 and the pods A (full on premises), cloud A and lite A, ready. */
  @BeforeEach
  void baseline() {
    var pods = model.client.pods().inNamespace(ModelOnSandbox.NAMESPACE);
    if (pods.withName("full-onprem-b").get() != null) {
      pods.withName("full-onprem-b").edit(p -> new PodBuilder(p).editMetadata().withFinalizers().endMetadata().build());
      pods.withName("full-onprem-b").delete();
    }
    model.client.resource(model.routes(1, "confidential", FULL, LITE)).forceConflicts().serverSideApply();
    pod("full-onprem-a", "full", Pool.ONPREM, "127.0.0.2", true);
    pod("full-cloud-a", "full", Pool.PRIVATE_CLOUD, "127.0.0.4", true);
    pod("lite-onprem-a", "lite", Pool.ONPREM, "127.0.0.5", true);
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(upstreams.routes().generation()).isEqualTo(1L);
      assertThat(upstreams.endpoints()).containsExactlyInAnyOrder(
          endpoint("full", "onprem", "127.0.0.2", true),
          endpoint("full", "private-cloud", "127.0.0.4", true),
          endpoint("lite", "onprem", "127.0.0.5", true));
    });
    for (DjlStandIn djl : model.all()) {
      djl.script().reset();
      djl.clearRequests();
    }
  }

  @Test
  void readyOnceTheRoutesAndPodsAreListed() {
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("routing"))
        .body("checks.find { it.name == 'routing' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'routing' }.data.variants", equalTo(2))
        .body("checks.find { it.name == 'routing' }.data.readyEndpoints", equalTo(3));
  }

  @Test
  void routingFollowsTheConfigMapWithoutARestart() {
    generate("low", null).then().statusCode(200).body("variant", equalTo("lite"));

    model.client.resource(model.routes(2, "confidential", LITE, FULL)).forceConflicts().serverSideApply();

    await().atMost(PATIENCE).untilAsserted(() ->
        generate("low", null).then().statusCode(200).body("variant", equalTo("full")));
    generate("critical", null).then().statusCode(200).body("variant", equalTo("lite"));
  }

  @Test
  void anUnreadyPodGetsNoWorkAndANewReadyOneDoes() {
    pod("full-onprem-b", "full", Pool.ONPREM, "127.0.0.3", false);
    await().atMost(PATIENCE).until(() -> upstreams.endpoints()
        .contains(endpoint("full", "onprem", "127.0.0.3", false)));
    for (int i = 0; i < 4; i++) {
      generate("high", null).then().statusCode(200).body("pool", equalTo("onprem"));
    }
    assertThat(inferences(model.fullOnPremA)).hasSize(4);
    assertThat(inferences(model.fullOnPremB)).isEmpty();

    model.status("full-onprem-b", "127.0.0.3", true);
    await().atMost(PATIENCE).until(() -> upstreams.endpoints()
        .contains(endpoint("full", "onprem", "127.0.0.3", true)));
    for (int i = 0; i < 4; i++) {
      generate("high", null).then().statusCode(200).body("pool", equalTo("onprem"));
    }
    assertThat(inferences(model.fullOnPremB)).isNotEmpty();

    model.status("full-onprem-a", "127.0.0.2", false);
    await().atMost(PATIENCE).until(() -> upstreams.endpoints()
        .contains(endpoint("full", "onprem", "127.0.0.2", false)));
    model.fullOnPremA.clearRequests();
    model.fullOnPremB.clearRequests();
    for (int i = 0; i < 4; i++) {
      generate("high", null).then().statusCode(200).body("pool", equalTo("onprem"));
    }
    assertThat(inferences(model.fullOnPremA)).isEmpty();
    assertThat(inferences(model.fullOnPremB)).hasSize(4);
    assertThat(inferences(model.fullCloudA)).isEmpty();
  }

  @Test
  void aPodBeingDeletedGetsNoWork() {
    model.client.resource(new PodBuilder(model.pod("full-onprem-b", "full", Pool.ONPREM))
        .editMetadata().withFinalizers(HOLD).endMetadata().build()).create();
    model.status("full-onprem-b", "127.0.0.3", true);
    await().atMost(PATIENCE).until(() -> upstreams.endpoints()
        .contains(endpoint("full", "onprem", "127.0.0.3", true)));

    // the finalizer keeps it terminating, as a pod is during its grace period
    model.client.pods().inNamespace(ModelOnSandbox.NAMESPACE).withName("full-onprem-b").delete();

    await().atMost(PATIENCE).until(() -> upstreams.endpoints()
        .contains(endpoint("full", "onprem", "127.0.0.3", false)));
    for (int i = 0; i < 4; i++) {
      generate("high", null).then().statusCode(200).body("pool", equalTo("onprem"));
    }
    assertThat(inferences(model.fullOnPremB)).isEmpty();
    assertThat(inferences(model.fullOnPremA)).hasSize(4);
  }

  @Test
  void withoutItsConfigMapTheModelRefusesWorkUntilItReturns() {
    model.client.configMaps().inNamespace(ModelOnSandbox.NAMESPACE).withName(ModelOnSandbox.ROUTES).delete();

    await().atMost(PATIENCE).untilAsserted(() -> generate(null, null).then()
        .statusCode(503)
        .header("Retry-After", "5")
        .body("error.code", equalTo("NoReadyUpstream")));
    given().when().get("/q/health/ready").then().statusCode(200);

    model.client.resource(model.routes(4, "confidential", FULL, LITE)).forceConflicts().serverSideApply();
    await().atMost(PATIENCE).untilAsserted(() ->
        generate(null, null).then().statusCode(200).body("variant", equalTo("full")));
  }

  @Test
  void restrictedWorkNeverReachesThePrivateCloud() {
    model.client.resource(model.routes(3, "restricted", List.of("critical", "high", "normal", "low"), List.of()))
        .forceConflicts().serverSideApply();
    await().atMost(PATIENCE).until(() -> upstreams.routes().dataClassification() == DataClassification.RESTRICTED);
    // the cloud pod still runs, labelled for a pool the routes no longer list: it is no endpoint
    assertThat(upstreams.endpoints()).extracting(Router.Endpoint::pool).containsOnly("onprem");

    model.fullOnPremA.script().next(Behaviour.text("a", " b", " c", " d").withTokenDelay(Duration.ofMillis(200)));
    CompletableFuture<Response> busy = CompletableFuture.supplyAsync(() -> given().contentType("application/json")
        .body("{\"prompt\": \"hold\", \"stream\": true}").when().post("/v1/generate"));
    await().atMost(PATIENCE).until(() -> !inferences(model.fullOnPremA).isEmpty());
    generate("high", "restricted").then().statusCode(200).body("pool", equalTo("onprem"));
    generate("normal", null).then().statusCode(200).body("pool", equalTo("onprem"));
    assertThat(busy.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);

    model.status("full-onprem-a", "127.0.0.2", false);
    await().atMost(PATIENCE).untilAsserted(() -> generate("high", "restricted").then()
        .statusCode(503)
        .header("Retry-After", "5")
        .body("error.code", equalTo("NoReadyUpstream")));
    assertThat(inferences(model.fullCloudA)).isEmpty();
  }

  private void pod(String name, String variant, Pool pool, String ip, boolean ready) {
    model.client.resource(model.pod(name, variant, pool)).forceConflicts().serverSideApply();
    model.status(name, ip, ready);
  }

  private Router.Endpoint endpoint(String variant, String pool, String address, boolean ready) {
    return new Router.Endpoint(variant, pool, address, model.port, ready, 0);
  }

  private static Response generate(String priority, String classification) {
    StringBuilder body = new StringBuilder("{\"prompt\": \"beaconing to 203.0.113.7\", \"maxTokens\": 2");
    if (priority != null) {
      body.append(", \"priority\": \"").append(priority).append('"');
    }
    if (classification != null) {
      body.append(", \"classification\": \"").append(classification).append('"');
    }
    return given().contentType("application/json").body(body.append('}').toString()).when().post("/v1/generate");
  }

  private static List<String> inferences(DjlStandIn djl) {
    return djl.requests().stream().filter(r -> r.path().equals("/invocations")).map(r -> r.body()).toList();
  }
}
