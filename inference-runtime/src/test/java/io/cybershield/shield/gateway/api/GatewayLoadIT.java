package io.cybershield.shield.gateway.api;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /q/load}, the document the operator wakes a parked pool from: every variant and pool of the routes with
 * its ready pods and capacity before any request, a held stream in flight (and beyond capacity: one request per pod),
 * and a request refused for want of a ready pod counted unserved against its variant. The routes are those of
 * {@link GatewayMetricsIT}: {@code full} on premises and in the private cloud, one request per pod; {@code lite} on
 * premises; {@code burst} (high priority) in the private cloud with no pod.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, initArgs = {
    @ResourceArg(name = "routes", value = GatewayMetricsIT.ROUTES),
    @ResourceArg(name = "requestDeadline", value = "90s"),
    // their streams must show their first line while the model still answers: the guard holds back one character
    @ResourceArg(name = "outputWindow", value = "1")})
class GatewayLoadIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  StandIns.Pods pods;

  private Socket held;

  @BeforeEach
  void reset() {
    for (DjlStandIn djl : pods.all()) {
      djl.script().reset();
      djl.clearRequests();
    }
  }

  @AfterEach
  void release() throws IOException {
    if (held != null) {
      held.close();
    }
    await().atMost(PATIENCE).until(() -> pool(load(), "full", "onprem").get("inflight").equals(0));
  }

  @Test
  void everyVariantAndPoolIsThereBeforeAnyRequest() {
    JsonPath load = load();
    assertThat(load.getInt("schemaVersion")).isEqualTo(1);
    assertThat(load.getString("model")).isEqualTo("threat-intel");
    assertThat(load.getList("variants.name")).containsExactly("full", "lite", "burst");
    assertThat(pool(load, "full", "onprem")).isEqualTo(Map.of("pool", "onprem", "inflight", 0, "capacity", 1,
        "queued", 0, "readyPods", 1));
    assertThat(pool(load, "lite", "onprem")).containsEntry("capacity", 256).containsEntry("readyPods", 1);
    assertThat(pool(load, "burst", "private-cloud")).isEqualTo(Map.of("pool", "private-cloud", "inflight", 0,
        "capacity", 0, "queued", 0, "readyPods", 0));
    assertThat(load.getString("variants[0]")).doesNotContain("10.", "127.0.0.1", "localhost");
  }

  @Test
  void aHeldStreamIsInFlightUntilItsClientGoesAway() throws IOException {
    pods.fullOnPrem.script().next(Behaviour.stall(1));

    held = GatewayMetricsIT.openStream("beacon to");

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(pool(load(), "full", "onprem"))
        .containsEntry("inflight", 1).containsEntry("capacity", 1).containsEntry("queued", 0));
    held.close();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(pool(load(), "full", "onprem"))
        .containsEntry("inflight", 0));
  }

  @Test
  void aRequestNoReadyPodIsLeftForIsUnservedForItsVariant() {
    long before = unserved(load(), "burst");

    given().contentType("application/json").body("{\"prompt\": \"exfiltration\", \"priority\": \"high\"}")
        .when().post("/v1/generate").then().statusCode(503);

    JsonPath after = load();
    assertThat(unserved(after, "burst")).isEqualTo(before + 1);
    assertThat(unserved(after, "full")).isZero();
  }

  private static JsonPath load() {
    return given().when().get("/q/load").then().statusCode(200).contentType("application/json").extract()
        .jsonPath();
  }

  private static Map<String, Object> pool(JsonPath load, String variant, String pool) {
    return load.getMap("variants.find { it.name == '" + variant + "' }.pools.find { it.pool == '" + pool + "' }");
  }

  private static long unserved(JsonPath load, String variant) {
    return load.getLong("variants.find { it.name == '" + variant + "' }.unserved");
  }
}
