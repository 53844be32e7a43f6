package io.cybershield.shield.gateway.api;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's metrics as Prometheus scrapes them from {@code /q/metrics}, while requests run: in-flight requests
 * per variant and pool (up while a stream is held, back to 0 when it ends or its client goes away), work beyond the
 * pods' capacity (here one request per pod), requests refused for want of a ready pod, and the request counter and
 * histograms. The routes add a variant {@code burst} for high-priority work that has no pod at all, and the deadline
 * is long, so only a disconnect can end a stalled stream within the tests' patience.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, initArgs = {
    @ResourceArg(name = "routes", value = GatewayMetricsIT.ROUTES),
    @ResourceArg(name = "requestDeadline", value = "90s"),
    // their streams must show their first line while the model still answers: the guard holds back one character
    @ResourceArg(name = "outputWindow", value = "1")})
class GatewayMetricsIT {

  static final String ROUTES = """
      {"schemaVersion": 1, "model": "threat-intel", "namespace": "soc", "generation": 3,
       "dataClassification": "confidential", "servedVersion": "v1",
       "variants": [
         {"name": "full", "priorities": ["critical", "normal"], "service": "threat-intel-full",
          "pools": [{"pool": "onprem", "deployment": "threat-intel-full-onprem", "port": 8080},
                    {"pool": "private-cloud", "deployment": "threat-intel-full-cloud", "port": 8080}],
          "podConcurrency": 1},
         {"name": "lite", "priorities": ["low"], "service": "threat-intel-lite",
          "pools": [{"pool": "onprem", "deployment": "threat-intel-lite-onprem", "port": 8080}]},
         {"name": "burst", "priorities": ["high"], "service": "threat-intel-burst",
          "pools": [{"pool": "private-cloud", "deployment": "threat-intel-burst-cloud", "port": 8080}]}
       ]}
      """;

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String INFLIGHT = "shield_gateway_inflight_requests";
  private static final String QUEUED = "shield_gateway_queued_requests";
  private static final Map<String, String> FULL_ONPREM = Map.of("model", "threat-intel", "variant", "full",
      "pool", "onprem");
  private static final Map<String, String> FULL_CLOUD = Map.of("model", "threat-intel", "variant", "full",
      "pool", "private-cloud");

  StandIns.Pods pods;

  private final List<Socket> held = new ArrayList<>();

  @BeforeEach
  void reset() {
    for (DjlStandIn djl : pods.all()) {
      djl.script().reset();
      djl.clearRequests();
    }
  }

  @AfterEach
  void nothingStaysInFlight() throws IOException {
    for (Socket socket : held) {
      socket.close();
    }
    await().atMost(PATIENCE).untilAsserted(() -> {
      PrometheusText metrics = scrape();
      assertThat(metrics.find(INFLIGHT, Map.of())).extracting(PrometheusText.Sample::value).containsOnly(0.0);
      assertThat(metrics.find(QUEUED, Map.of())).extracting(PrometheusText.Sample::value).containsOnly(0.0);
    });
  }

  @Test
  void everyVariantAndPoolOfTheRoutesHasItsLoadSeriesBeforeAnyRequest() {
    PrometheusText metrics = scrape();
    for (Map<String, String> series : List.of(FULL_ONPREM, FULL_CLOUD,
        Map.of("model", "threat-intel", "variant", "lite", "pool", "onprem"),
        Map.of("model", "threat-intel", "variant", "burst", "pool", "private-cloud"))) {
      assertThat(metrics.find(INFLIGHT, series)).as("%s %s", INFLIGHT, series).hasSize(1);
      assertThat(metrics.find(QUEUED, series)).as("%s %s", QUEUED, series).hasSize(1);
    }
  }

  @Test
  void aStreamIsInFlightWhileItRunsAndCountedWhenItEnds() {
    pods.fullOnPrem.script().next(Behaviour.text("a", " b", " c", " d").withTokenDelay(Duration.ofSeconds(1)));
    Map<String, String> generate = Map.of("api", "generate", "variant", "full", "pool", "onprem");
    PrometheusText before = scrape();

    CompletableFuture<Response> stream = CompletableFuture.supplyAsync(() -> given().contentType("application/json")
        .body("{\"prompt\": \"beacon\", \"stream\": true}").when().post("/v1/generate"));
    await().atMost(PATIENCE).until(() -> scrape().value(INFLIGHT, FULL_ONPREM) == 1.0);
    assertThat(stream.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);

    await().atMost(PATIENCE).untilAsserted(() -> {
      PrometheusText after = scrape();
      assertThat(after.value(INFLIGHT, FULL_ONPREM)).isZero();
      assertThat(delta(before, after, "shield_gateway_requests_total", with(generate, "code", "200"))).isEqualTo(1);
      assertThat(delta(before, after, "shield_gateway_request_duration_seconds_count",
          with(generate, "outcome", "success"))).isEqualTo(1);
      assertThat(delta(before, after, "shield_gateway_time_to_first_token_seconds_count", generate)).isEqualTo(1);
    });
  }

  @Test
  void aClientThatGoesAwayInTheMiddleOfAStreamIsNoLongerInFlight() throws IOException {
    pods.fullOnPrem.script().next(Behaviour.stall(1));
    PrometheusText before = scrape();

    Socket client = openStream("beacon to");
    await().atMost(PATIENCE).until(() -> scrape().value(INFLIGHT, FULL_ONPREM) == 1.0);
    client.close();

    // the stand-in stalls for 120 s and the deadline is 90 s: only the disconnect ends the request within patience
    await().atMost(PATIENCE).untilAsserted(() -> {
      PrometheusText after = scrape();
      assertThat(after.value(INFLIGHT, FULL_ONPREM)).isZero();
      assertThat(delta(before, after, "shield_gateway_requests_total",
          Map.of("api", "generate", "variant", "full", "pool", "onprem", "code", "ClientClosed"))).isEqualTo(1);
      assertThat(delta(before, after, "shield_gateway_request_duration_seconds_count",
          Map.of("api", "generate", "variant", "full", "pool", "onprem", "outcome", "client_closed")))
          .isEqualTo(1);
    });
  }

  @Test
  void workBeyondReadyPodsTimesPodConcurrencyIsQueued() throws IOException {
    // one request per pod: the first goes on premises, the second to the idle cloud pod, the third on premises again
    pods.fullOnPrem.script().next(Behaviour.stall(1), Behaviour.stall(1));
    pods.fullCloud.script().next(Behaviour.stall(1));
    for (int i = 1; i <= 3; i++) {
      held.add(openStream("request " + i));
      int open = i;
      await().atMost(PATIENCE).until(() -> {
        PrometheusText metrics = scrape();
        return metrics.value(INFLIGHT, FULL_ONPREM) + metrics.value(INFLIGHT, FULL_CLOUD) == open;
      });
    }

    PrometheusText metrics = scrape();
    assertThat(metrics.value(INFLIGHT, FULL_ONPREM)).isEqualTo(2);
    assertThat(metrics.value(INFLIGHT, FULL_CLOUD)).isEqualTo(1);
    assertThat(metrics.value(QUEUED, FULL_ONPREM)).isEqualTo(1);
    assertThat(metrics.value(QUEUED, FULL_CLOUD)).isZero();
    assertThat(metrics.value("shield_gateway_capacity_requests", FULL_ONPREM)).isEqualTo(1);
    assertThat(metrics.value("shield_gateway_capacity_requests",
        Map.of("model", "threat-intel", "variant", "lite", "pool", "onprem"))).isEqualTo(256);
  }

  @Test
  void workNoReadyPodIsLeftForIsCountedUnservedAgainstItsVariant() {
    Map<String, String> unserved = Map.of("model", "threat-intel", "variant", "burst", "priority", "high");
    PrometheusText before = scrape();

    given().contentType("application/json").body("{\"prompt\": \"exfiltration\", \"priority\": \"high\"}")
        .when().post("/v1/generate").then().statusCode(503);

    PrometheusText after = scrape();
    assertThat(delta(before, after, "shield_gateway_unserved_requests_total", unserved)).isEqualTo(1);
    assertThat(delta(before, after, "shield_gateway_requests_total",
        Map.of("api", "generate", "variant", "none", "pool", "none", "code", "503"))).isEqualTo(1);
  }

  @Test
  void wholeAnswersCountTheirOverheadAndErrorsTheirStatus() {
    PrometheusText before = scrape();

    given().contentType("application/json").body("{\"prompt\": \"suspicious login\", \"maxTokens\": 2}")
        .when().post("/v1/generate").then().statusCode(200);
    given().contentType("application/json")
        .body("{\"messages\": [{\"role\": \"user\", \"content\": \"explain beacon\"}], \"max_tokens\": 2}")
        .when().post("/v1/chat/completions").then().statusCode(200);
    given().contentType("application/json").body("{\"maxTokens\": 2}")
        .when().post("/v1/generate").then().statusCode(400);

    PrometheusText after = scrape();
    assertThat(delta(before, after, "shield_gateway_overhead_seconds_count", Map.of("api", "generate")))
        .isEqualTo(1);
    assertThat(delta(before, after, "shield_gateway_overhead_seconds_count", Map.of("api", "chat"))).isEqualTo(1);
    assertThat(delta(before, after, "shield_gateway_requests_total",
        Map.of("api", "chat", "variant", "full", "pool", "onprem", "code", "200"))).isEqualTo(1);
    assertThat(delta(before, after, "shield_gateway_requests_total",
        Map.of("api", "generate", "variant", "none", "pool", "none", "code", "400"))).isEqualTo(1);
    assertThat(delta(before, after, "shield_gateway_request_duration_seconds_count",
        Map.of("api", "generate", "variant", "none", "pool", "none", "outcome", "client_error"))).isEqualTo(1);
    // sub-millisecond buckets for the overhead, minutes for a whole request
    assertThat(after.find("shield_gateway_overhead_seconds_bucket", Map.of("api", "generate", "le", "1.0E-4")))
        .hasSize(1);
    assertThat(after.find("shield_gateway_request_duration_seconds_bucket",
        Map.of("api", "generate", "variant", "full", "pool", "onprem", "outcome", "success", "le", "300.0")))
        .hasSize(1);
  }

  /**
   * Opens a streamed generation on a raw connection and reads until its first token line is there, so the request is
   * routed and running when this returns; closing the socket is the client going away. {@link GatewayLoadIT} holds
   * its streams with it too.
   */
  static Socket openStream(String prompt) throws IOException {
    Socket socket = new Socket("localhost", RestAssured.port);
    byte[] body = ("{\"prompt\": \"" + prompt + "\", \"stream\": true}").getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(("POST /v1/generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Authorization: Bearer " + io.cybershield.shield.gateway.TestCallers.ANALYST + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    socket.setSoTimeout((int) PATIENCE.toMillis());
    InputStream in = socket.getInputStream();
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[1024];
    while (!seen.toString().contains("\"index\":0")) {
      int read = in.read(buffer);
      if (read < 0) {
        throw new UncheckedIOException(new IOException("the stream ended before its first token: " + seen));
      }
      seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
    assertThat(seen.toString()).startsWith("HTTP/1.1 200");
    return socket;
  }

  private static PrometheusText scrape() {
    return PrometheusText.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
  }

  private static double delta(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(labels);
    more.put(name, value);
    return more;
  }
}
