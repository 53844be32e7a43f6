package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.kubernetes.api.model.Pod;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cybershield.shield.gateway.routing.KubernetesUpstreamsIT.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A gateway that starts before its API server answers: alive but not ready, refusing work, until its watches have
 * listed the routes and the pods; then ready and routing, with no restart.
 */
@QuarkusTest
@TestProfile(KubernetesUpstreamsStartupIT.ApiServerLater.class)
class KubernetesUpstreamsStartupIT {

  /** The gateway pointed at an API server the test starts itself. */
  public static class ApiServerLater implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ModelOnSandbox.class, Map.of("deferred", "true")));
    }
  }

  ModelOnSandbox.Model model;

  @Test
  void notReadyUntilTheWatchesHaveListed() {
    given().when().get("/q/health/ready").then()
        .statusCode(503)
        .body("checks.find { it.name == 'routing' }.status", equalTo("DOWN"));
    given().when().get("/q/health/live").then().statusCode(200);
    given().contentType("application/json").body("{\"prompt\": \"too early\"}").when().post("/v1/generate").then()
        .statusCode(503)
        .body("error.code", equalTo("NoReadyUpstream"));

    model.startApiServer();
    model.client.resource(model.routes(1, "confidential", List.of("critical", "high", "normal"), List.of("low")))
        .create();
    Pod pod = model.client.resource(model.pod("full-onprem-a", "full", Pool.ONPREM)).create();
    model.status(pod.getMetadata().getName(), "127.0.0.2", true);

    await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200)
        .body("checks.find { it.name == 'routing' }.status", equalTo("UP")));
    await().atMost(PATIENCE).untilAsserted(() -> given().contentType("application/json")
        .body("{\"prompt\": \"on time\"}").when().post("/v1/generate").then()
        .statusCode(200).body("variant", equalTo("full")).body("pool", equalTo("onprem")));
    assertThat(model.fullOnPremA.requests()).anyMatch(r -> r.path().equals("/invocations"));
  }
}
