package io.cybershield.shield.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.cybershield.shield.gateway.routing.Router;
import io.cybershield.shield.gateway.routing.Upstreams;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@code POST /v1/generate} against DJL stand-ins: whole and streamed answers that say where they were served,
 * routing by priority and classification with its fallbacks, every bad input a 4xx with the error shape, and the
 * upstream's failures as their gateway codes.
 */
@QuarkusTest
@WithTestResource(StandIns.class)
class GenerateApiIT {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  StandIns.Pods pods;

  @Inject
  Upstreams upstreams;

  /** Whatever a test did — answers, failures, streams, retries, timeouts — nothing stays counted in flight. */
  @AfterEach
  void nothingStaysInFlight() {
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(upstreams.endpoints()).extracting(Router.Endpoint::inflight).containsOnly(0));
  }

  @BeforeEach
  void reset() {
    for (DjlStandIn djl : pods.all()) {
      djl.script().reset();
      djl.clearRequests();
    }
  }

  @Test
  void generatesAndSaysWhere() {
    given().contentType("application/json").body("{\"prompt\": \"suspicious login from\", \"maxTokens\": 3}")
        .when().post("/v1/generate").then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .header("x-shield-overhead-ms", notNullValue())
        .body("text", equalTo("[stand-in] suspicious login"))
        .body("variant", equalTo("full"))
        .body("pool", equalTo("onprem"))
        .body("usage.completionTokens", equalTo(3));
    JsonNode sent = json(inferences(pods.fullOnPrem).get(0));
    assertThat(sent.path("inputs").asText()).isEqualTo("suspicious login from");
    assertThat(sent.path("parameters").path("max_new_tokens").asInt()).isEqualTo(3);
  }

  @Test
  void streamsTheCheckedTextInLinesThenDone() {
    Response response = given().contentType("application/json")
        .body("{\"prompt\": \"beacon to\", \"maxTokens\": 3, \"stream\": true}")
        .when().post("/v1/generate");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/x-ndjson");
    List<JsonNode> lines = lines(response.asString());
    // the output guard holds a stream's last characters back until it has checked them (shield.gateway.output.
    // stream-window): a short answer comes in fewer lines than tokens, numbered in order, its text unchanged
    List<JsonNode> tokens = lines.subList(0, lines.size() - 1);
    assertThat(tokens).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(tokens.stream().map(line -> line.path("token").asText()).reduce("", String::concat))
        .isEqualTo("[stand-in] beacon to");
    for (int i = 0; i < tokens.size(); i++) {
      assertThat(tokens.get(i).path("index").asInt()).isEqualTo(i);
    }
    JsonNode done = lines.get(lines.size() - 1);
    assertThat(done.path("done").asBoolean()).isTrue();
    assertThat(done.path("text").asText()).isEqualTo("[stand-in] beacon to");
    assertThat(done.path("variant").asText()).isEqualTo("full");
    assertThat(done.path("pool").asText()).isEqualTo("onprem");
    assertThat(done.path("usage").path("completionTokens").asInt()).isEqualTo(3);
  }

  @Test
  void aFailureInTheMiddleOfAStreamIsItsLastLine() {
    pods.fullOnPrem.script().next(Behaviour.failMidStream(2));
    Response response = given().contentType("application/json")
        .body("{\"prompt\": \"a b c d\", \"stream\": true}").when().post("/v1/generate");
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> lines = lines(response.asString());
    // the text the output guard still held when the model failed is never sent: it was not checked whole
    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.path("error").path("code").asText()).isEqualTo("UpstreamStreamError");
    assertThat(last.path("error").path("message").asText())
        .isEqualTo("The model server failed in the middle of the answer.");
    assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line.has("token")).isTrue());
  }

  @Test
  void aConnectionLostInTheMiddleOfAStreamIsItsLastLine() {
    pods.fullOnPrem.script().next(Behaviour.dropMidStream(1));
    Response response = given().contentType("application/json")
        .body("{\"prompt\": \"a b c d\", \"stream\": true}").when().post("/v1/generate");
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> lines = lines(response.asString());
    assertThat(lines.get(lines.size() - 1).path("error").path("code").asText()).isEqualTo("UpstreamConnectionLost");
  }

  @Test
  void aBodyThatIsNotJsonByItsMediaTypeIsUnsupported() {
    given().contentType("text/plain").body("hello").when().post("/v1/generate").then()
        .statusCode(415)
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("UnsupportedMediaType"));
  }

  @Test
  void lowPriorityGoesToTheLiteVariant() {
    given().contentType("application/json").body("{\"prompt\": \"triage\", \"priority\": \"low\"}")
        .when().post("/v1/generate").then()
        .statusCode(200)
        .body("variant", equalTo("lite"))
        .body("pool", equalTo("onprem"));
    assertThat(inferences(pods.liteOnPrem)).hasSize(1);
    assertThat(inferences(pods.fullOnPrem)).isEmpty();
  }

  @Test
  void lowPriorityFallsBackToAnotherVariantWhenLiteIsDown() {
    Runnable restart = pods.stop(pods.liteOnPrem);
    try {
      given().contentType("application/json").body("{\"prompt\": \"triage\", \"priority\": \"low\"}")
          .when().post("/v1/generate").then()
          .statusCode(200)
          .body("variant", equalTo("full"))
          .body("pool", equalTo("onprem"));
    } finally {
      restart.run();
    }
  }

  @Test
  void aPodThatCannotBeReachedIsSkippedOnceForAnotherOfItsVariant() {
    Runnable restart = pods.stop(pods.fullOnPrem);
    try {
      given().contentType("application/json").body("{\"prompt\": \"a\", \"priority\": \"critical\"}")
          .when().post("/v1/generate").then()
          .statusCode(200)
          .body("variant", equalTo("full"))
          .body("pool", equalTo("private-cloud"));
      given().contentType("application/json").body("{\"prompt\": \"a\", \"stream\": true}")
          .when().post("/v1/generate").then()
          .statusCode(200)
          .contentType(startsWith("application/x-ndjson"));
      assertThat(inferences(pods.fullCloud)).hasSize(2);
    } finally {
      restart.run();
    }
  }

  @Test
  void aRequestWhoseBytesLeftIsNeverSentAgain() {
    pods.fullOnPrem.script().next(Behaviour.dropConnection());
    given().contentType("application/json").body("{\"prompt\": \"a\"}").when().post("/v1/generate").then()
        .statusCode(502)
        .body("error.code", equalTo("UpstreamConnectionLost"));
    assertThat(inferences(pods.fullOnPrem)).hasSize(1);
    assertThat(inferences(pods.fullCloud)).isEmpty();
  }

  @Test
  void criticalWorkIsNeverDowngraded() {
    Runnable restartOnPrem = pods.stop(pods.fullOnPrem);
    Runnable restartCloud = pods.stop(pods.fullCloud);
    try {
      given().contentType("application/json").body("{\"prompt\": \"ransomware\", \"priority\": \"critical\"}")
          .when().post("/v1/generate").then()
          .statusCode(503)
          .header("Retry-After", notNullValue())
          .contentType(startsWith("application/json"))
          .body("error.code", equalTo("UpstreamUnavailable"));
      assertThat(inferences(pods.liteOnPrem)).isEmpty();
    } finally {
      restartOnPrem.run();
      restartCloud.run();
    }
  }

  @Test
  void workUsesTheLeastBusyPoolAndRestrictedWorkStaysOnPremises() {
    // one slow stream keeps the on-prem pod busy, so the least-loaded choice for other work is the private cloud
    pods.fullOnPrem.script().next(Behaviour.text("a", " b", " c", " d", " e").withTokenDelay(Duration.ofMillis(800)));
    CompletableFuture<Response> busy = CompletableFuture.supplyAsync(() -> given().contentType("application/json")
        .body("{\"prompt\": \"hold\", \"stream\": true}").when().post("/v1/generate"));
    await().atMost(PATIENCE).until(() -> !inferences(pods.fullOnPrem).isEmpty());
    // (the stream holds the pod for 4 s, far longer than the three quick requests below take)

    given().contentType("application/json").body("{\"prompt\": \"anything\"}")
        .when().post("/v1/generate").then()
        .statusCode(200).body("pool", equalTo("private-cloud"));
    given().contentType("application/json")
        .body("{\"prompt\": \"customer records\", \"classification\": \"restricted\"}")
        .when().post("/v1/generate").then()
        .statusCode(200).body("pool", equalTo("onprem"));
    given().contentType("application/json")
        .body("{\"prompt\": \"internal notes\", \"classification\": \"internal\"}")
        .when().post("/v1/generate").then()
        .statusCode(200).body("pool", equalTo("private-cloud"));
    assertThat(busy.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsBadRequest() {
    given().contentType("application/json").body("{\"prompt\": \"a secret\", ").when().post("/v1/generate").then()
        .statusCode(400)
        .body("error.code", equalTo("MalformedJson"))
        .body("error.message", equalTo("The request body is not valid JSON."));
    given().contentType("application/json").body("{\"prompt\": \"a\"} trailing").when().post("/v1/generate")
        .then().statusCode(400).body("error.code", equalTo("MalformedJson"));
    given().contentType("application/json").body("[1, 2]").when().post("/v1/generate").then()
        .statusCode(400).body("error.code", equalTo("InvalidRequest"));
  }

  @Test
  void wrongTypesNameTheField() {
    given().contentType("application/json").body("{\"prompt\": 42}").when().post("/v1/generate").then()
        .statusCode(400).body("error.code", equalTo("InvalidField"))
        .body("error.message", equalTo("The field 'prompt' must be a string."));
    given().contentType("application/json").body("{\"prompt\": \"a\", \"maxTokens\": \"many\"}").when()
        .post("/v1/generate").then()
        .statusCode(400).body("error.code", equalTo("InvalidField"))
        .body("error.message", equalTo("The field 'maxTokens' must be a whole number from 1 to 512."));
    given().contentType("application/json").body("{\"prompt\": \"a\", \"stream\": \"yes\"}").when()
        .post("/v1/generate").then()
        .statusCode(400).body("error.message", equalTo("The field 'stream' must be true or false."));
  }

  @Test
  void unknownPriorityOrClassificationSaysWhatIsAllowed() {
    given().contentType("application/json").body("{\"prompt\": \"a\", \"priority\": \"urgent\"}").when()
        .post("/v1/generate").then()
        .statusCode(400).body("error.code", equalTo("InvalidField"))
        .body("error.message", equalTo("The field 'priority' must be one of: critical, high, normal, low."));
    given().contentType("application/json").body("{\"prompt\": \"a\", \"classification\": \"secret\"}").when()
        .post("/v1/generate").then()
        .statusCode(400)
        .body("error.message",
            equalTo("The field 'classification' must be one of: restricted, confidential, internal, public."));
  }

  @Test
  void missingPromptIsBadRequest() {
    given().contentType("application/json").body("{\"maxTokens\": 4}").when().post("/v1/generate").then()
        .statusCode(400).body("error.code", equalTo("MissingField"))
        .body("error.message", equalTo("The field 'prompt' is required: a string."));
    given().contentType("application/json").body("").when().post("/v1/generate").then()
        .statusCode(400).body("error.code", equalTo("MissingBody"));
  }

  @Test
  void bytesThatAreNotUtf8AreBadRequest() {
    byte[] body = concat("{\"prompt\": \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
        "\"}".getBytes(StandardCharsets.UTF_8));
    given().contentType("application/json").body(body).when().post("/v1/generate").then()
        .statusCode(400)
        .body("error.code", equalTo("InvalidEncoding"))
        .body("error.message", equalTo("The request body is not valid UTF-8."));
    assertThat(inferences(pods.fullOnPrem)).isEmpty();
  }

  @Test
  void anOversizedBodyIsPayloadTooLarge() {
    byte[] body = new byte[2 * 1024 * 1024];
    Arrays.fill(body, (byte) 'a');
    given().contentType("application/json").body(body).when().post("/v1/generate").then()
        .statusCode(413)
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("PayloadTooLarge"));
  }

  @Test
  void aTooLongPromptAndMaxTokensOutOfBoundsAreBadRequest() {
    given().contentType("application/json").body("{\"prompt\": \"" + "a".repeat(2001) + "\"}").when()
        .post("/v1/generate").then()
        .statusCode(400).body("error.code", equalTo("PromptTooLong"))
        .body("error.message", equalTo("The prompt has 2001 characters; at most 2000 are accepted."));
    for (String maxTokens : new String[] {"0", "513", "-1", "99999999999"}) {
      given().contentType("application/json").body("{\"prompt\": \"a\", \"maxTokens\": " + maxTokens + "}").when()
          .post("/v1/generate").then()
          .statusCode(400);
    }
    given().contentType("application/json").body("{\"prompt\": \"a\", \"maxTokens\": 513}").when()
        .post("/v1/generate").then()
        .body("error.code", equalTo("OutOfRange"))
        .body("error.message", equalTo("The field 'maxTokens' must be from 1 to 512."));
  }

  @Test
  void anInputTheModelServerCannotReadIsBadRequest() {
    pods.fullOnPrem.script().next(Behaviour.inputParsingFailed());
    given().contentType("application/json").body("{\"prompt\": \"a\"}").when().post("/v1/generate").then()
        .statusCode(400)
        .body("error.code", equalTo("UpstreamRejectedInput"));
  }

  @Test
  void aFullQueueIsServiceUnavailableWithRetryAfter() {
    pods.fullOnPrem.script().next(Behaviour.wlmCapacity());
    given().contentType("application/json").body("{\"prompt\": \"a\"}").when().post("/v1/generate").then()
        .statusCode(503)
        .header("Retry-After", "1")
        .body("error.code", equalTo("UpstreamBusy"));
    // and a stream that cannot start is an error status too, not a 200 with an error line
    pods.fullOnPrem.script().next(Behaviour.wlmCapacity());
    given().contentType("application/json").body("{\"prompt\": \"a\", \"stream\": true}").when()
        .post("/v1/generate").then()
        .statusCode(503)
        .header("Retry-After", "1")
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("UpstreamBusy"));
  }

  @Test
  void aRequestPastItsDeadlineIsGatewayTimeout() {
    pods.fullOnPrem.script().next(Behaviour.delay(Duration.ofSeconds(20)));
    given().contentType("application/json").body("{\"prompt\": \"a\"}").when().post("/v1/generate").then()
        .statusCode(504)
        .body("error.code", equalTo("DeadlineExceeded"))
        .body("error.message", equalTo("The request was not answered within its deadline of 3 s."));
  }

  @Test
  void aStreamPastItsDeadlineEndsInThatError() {
    // 100 tokens, 500 ms apart: far longer than the 3 s deadline
    pods.fullOnPrem.script().next(Behaviour.tokenDelay(Duration.ofMillis(500)));
    Response response = given().contentType("application/json")
        .body("{\"prompt\": \"a b\", \"stream\": true}").when().post("/v1/generate");
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> lines = lines(response.asString());
    assertThat(lines.get(lines.size() - 1).path("error").path("code").asText()).isEqualTo("DeadlineExceeded");
    assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line.has("token")).isTrue());
  }

  static List<String> inferences(DjlStandIn djl) {
    return djl.requests().stream()
        .filter(r -> r.path().equals("/invocations") || r.path().equals("/v1/chat/completions"))
        .map(r -> r.body()).toList();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> lines(String body) {
    return body.lines().filter(line -> !line.isBlank()).map(GenerateApiIT::json).toList();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
