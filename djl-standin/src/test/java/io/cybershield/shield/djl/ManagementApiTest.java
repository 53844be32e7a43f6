package io.cybershield.shield.djl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The management API on the same port: register, list, describe, scale, unregister. */
class ManagementApiTest {

  private DjlStandIn djl;

  @BeforeEach
  void start() {
    djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel").modelUrl("s3://models/threat-intel/")
        .build());
  }

  @AfterEach
  void stop() {
    djl.close();
  }

  @Test
  void registeringAModelAnswersItsStatus() throws Exception {
    HttpResponse<String> response = Http.post(djl,
        "/models?url=s3%3A%2F%2Fbucket%2Fforensics%2F&engine=Python&min_worker=1&max_worker=2&synchronous=true", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\n  \"status\": \"Model \\\"forensics\\\" registered.\"\n}\n");
  }

  @Test
  void anAsynchronousRegistrationIsScheduled() throws Exception {
    HttpResponse<String> response = Http.post(djl,
        "/models?url=s3%3A%2F%2Fbucket%2Fforensics%2F&model_name=forensics&synchronous=false", "");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\n  \"status\": \"Model \\\"forensics\\\" registration scheduled.\"\n}\n");
  }

  @Test
  void registeringTheSameNameTwiceIs409() throws Exception {
    HttpResponse<String> response = Http.post(djl, "/models?url=s3%3A%2F%2Fb%2Fx%2F&model_name=threat_intel", "");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("\"message\": \"Workflow threat_intel is already registered.\"");
  }

  @Test
  void registeringWithoutUrlIs400() throws Exception {
    HttpResponse<String> response = Http.post(djl, "/models?model_name=x", "");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"message\": \"Parameter url is required.\"");
  }

  @Test
  void listingShowsEveryModelAndAPageTokenOnlyWhenMoreFollow() throws Exception {
    Http.post(djl, "/models?url=s3%3A%2F%2Fbucket%2Fforensics%2F", "");

    HttpResponse<String> all = Http.get(djl, "/models");

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).isEqualTo("{\n"
        + "  \"models\": [\n"
        + "    {\n"
        + "      \"modelName\": \"forensics\",\n"
        + "      \"modelUrl\": \"s3://bucket/forensics/\",\n"
        + "      \"status\": \"READY\"\n"
        + "    },\n"
        + "    {\n"
        + "      \"modelName\": \"threat_intel\",\n"
        + "      \"modelUrl\": \"s3://models/threat-intel/\",\n"
        + "      \"status\": \"READY\"\n"
        + "    }\n"
        + "  ]\n"
        + "}\n");

    JsonNode firstPage = Http.json(Http.get(djl, "/models?limit=1").body());
    assertThat(firstPage.get("nextPageToken").asText()).isEqualTo("1");
    assertThat(firstPage.get("models")).hasSize(1);
    JsonNode secondPage = Http.json(Http.get(djl, "/models?limit=1&next_page_token=1").body());
    assertThat(secondPage.has("nextPageToken")).isFalse();
    assertThat(secondPage.at("/models/0/modelName").asText()).isEqualTo("threat_intel");
  }

  @Test
  void describingAModelShowsItsQueueAndWorkers() throws Exception {
    HttpResponse<String> response = Http.get(djl, "/models/threat_intel");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode description = Http.json(response.body());
    assertThat(description.isArray()).isTrue();
    assertThat(description).hasSize(1);
    assertThat(description.at("/0/workflowName").asText()).isEqualTo("threat_intel");
    JsonNode model = description.at("/0/models/0");
    assertThat(model.get("modelName").asText()).isEqualTo("threat_intel");
    assertThat(model.get("modelUrl").asText()).isEqualTo("s3://models/threat-intel/");
    assertThat(model.get("requestInQueue").asInt()).isZero();
    assertThat(model.get("status").asText()).isEqualTo("Healthy");
    assertThat(model.get("loadedAtStartup").asBoolean()).isTrue();
    JsonNode group = model.at("/workerGroups/0");
    assertThat(group.get("device").toString()).isEqualTo("{\"deviceType\":\"gpu\",\"deviceId\":0}");
    assertThat(group.get("minWorkers").asInt()).isEqualTo(1);
    assertThat(group.at("/workers/0/id").asInt()).isEqualTo(1);
    assertThat(group.at("/workers/0/status").asText()).isEqualTo("READY");
    assertThat(group.at("/workers/0/startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }

  @Test
  void aDelayedRequestIsCountedInTheQueue() throws Exception {
    djl.script().next(Behaviour.delay(Duration.ofMinutes(10)));
    CompletableFuture<HttpResponse<String>> waiting = Http.CLIENT.sendAsync(
        Http.request(djl.uri(), "/invocations").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"inputs\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        Http.json(Http.get(djl, "/models/threat_intel").body()).at("/0/models/0/requestInQueue").asInt())
        .isEqualTo(1));
    waiting.cancel(true);
  }

  @Test
  void describingAnUnknownModelIs404() throws Exception {
    HttpResponse<String> response = Http.get(djl, "/models/unknown");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"type\": \"ModelNotFoundException\"");
  }

  @Test
  void scalingAReadyModelAnswers200() throws Exception {
    HttpResponse<String> response = Http.send(djl, "PUT", "/models/threat_intel?min_worker=2&max_worker=4");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\n  \"status\": \"Workflow \\\"threat_intel\\\" worker scaled. New Worker "
        + "configuration min workers:2 max workers:4\"\n}\n");
    JsonNode group = Http.json(Http.get(djl, "/models/threat_intel").body()).at("/0/models/0/workerGroups/0");
    assertThat(group.get("minWorkers").asInt()).isEqualTo(2);
    assertThat(group.get("maxWorkers").asInt()).isEqualTo(4);
    assertThat(group.get("workers")).hasSize(2);
  }

  @Test
  void scalingAModelThatIsNotReadyIs503() throws Exception {
    djl.script().ping(PingState.FAILED);

    HttpResponse<String> response = Http.send(djl, "PUT", "/models/threat_intel?min_worker=2");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"type\": \"ServiceUnavailableException\"",
        "\"message\": \"Model or workflow is not ready: threat_intel\"");
    assertThat(response.headers().firstValue("connection")).hasValue("close");
  }

  @Test
  void scalingWithAnInvalidNumberIs400() throws Exception {
    HttpResponse<String> response = Http.send(djl, "PUT", "/models/threat_intel?min_worker=two");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("parameter is invalid number.");
  }

  @Test
  void unregisteringAnswers200ThenTheModelIsGone() throws Exception {
    HttpResponse<String> response = Http.send(djl, "DELETE", "/models/threat_intel");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\n  \"status\": \"Model or workflow \\\"threat_intel\\\" unregistered\"\n}\n");
    assertThat(Http.send(djl, "DELETE", "/models/threat_intel").statusCode()).isEqualTo(404);
    assertThat(Http.get(djl, "/models").body()).isEqualTo("{\n  \"models\": []\n}\n");
    assertThat(Http.get(djl, "/ping").body()).isEqualTo("{}\n");
  }

  @Test
  void anotherMethodOnModelsIs405() throws Exception {
    assertThat(Http.send(djl, "PATCH", "/models/threat_intel").statusCode()).isEqualTo(405);
    assertThat(Http.send(djl, "DELETE", "/models").statusCode()).isEqualTo(405);
  }
}
