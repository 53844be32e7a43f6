package io.cybershield.shield.gateway.api;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.cybershield.shield.gateway.api.GenerateApiIT.PATIENCE;
import static io.cybershield.shield.gateway.api.GenerateApiIT.inferences;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A restricted model whose endpoint list (wrongly) holds a private-cloud pod: restricted work, and work that names no
 * classification, reaches the on-prem pod only, even while it is busy and the cloud pod is idle.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, initArgs = @ResourceArg(name = "classification", value = "restricted"))
class RestrictedModelApiIT {

  StandIns.Pods pods;

  @BeforeEach
  void reset() {
    for (DjlStandIn djl : pods.all()) {
      djl.script().reset();
      djl.clearRequests();
    }
  }

  @Test
  void restrictedWorkIsServedOnPremisesOnly() {
    pods.fullOnPrem.script().next(Behaviour.text("a", " b", " c", " d", " e").withTokenDelay(Duration.ofMillis(200)));
    CompletableFuture<Response> busy = CompletableFuture.supplyAsync(() -> given().contentType("application/json")
        .body("{\"prompt\": \"hold\", \"stream\": true}").when().post("/v1/generate"));
    await().atMost(PATIENCE).until(() -> !inferences(pods.fullOnPrem).isEmpty());

    given().contentType("application/json")
        .body("{\"prompt\": \"customer records\", \"classification\": \"restricted\"}")
        .when().post("/v1/generate").then()
        .statusCode(200).body("variant", equalTo("full")).body("pool", equalTo("onprem"));
    given().contentType("application/json").body("{\"prompt\": \"no classification given\"}")
        .when().post("/v1/generate").then()
        .statusCode(200).body("pool", equalTo("onprem"));
    given().contentType("application/json").header("X-Shield-Classification", "restricted")
        .body("{\"messages\": [{\"role\": \"user\", \"content\": \"records\"}]}")
        .when().post("/v1/chat/completions").then()
        .statusCode(200).header("X-Shield-Pool", "onprem");
    assertThat(busy.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
    assertThat(inferences(pods.fullCloud)).isEmpty();
  }
}
