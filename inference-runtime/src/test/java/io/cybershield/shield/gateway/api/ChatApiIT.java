package io.cybershield.shield.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.cybershield.shield.gateway.api.GenerateApiIT.inferences;
import static io.cybershield.shield.gateway.api.GenerateApiIT.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@code POST /v1/chat/completions} and {@code GET /v1/models} as OpenAI clients use them, against DJL stand-ins:
 * the OpenAI shapes, server-sent events ending in {@code data: [DONE]}, the variant and pool in headers, and the
 * OpenAPI document of all three endpoints.
 */
@QuarkusTest
@WithTestResource(StandIns.class)
class ChatApiIT {

  /** What the OpenAI Python SDK (1.x) sends for a streamed chat, fields the gateway ignores included. */
  static final String OPENAI_SDK_STREAM = """
      {"messages":[{"role":"system","content":"You are a SOC analyst."},{"role":"user","content":"explain beacon"}],\
      "model":"full","frequency_penalty":0,"max_tokens":3,"n":1,"presence_penalty":0,"stream":true,\
      "stream_options":{"include_usage":true},"temperature":0.2,"top_p":1,"user":"analyst-7",\
      "logprobs":false,"parallel_tool_calls":true}""";

  StandIns.Pods pods;

  @BeforeEach
  void reset() {
    for (DjlStandIn djl : pods.all()) {
      djl.script().reset();
      djl.clearRequests();
    }
  }

  @Test
  void toolCallsAreRefusedNotIgnoredWhileAnEmptyToolListPasses() {
    given().contentType("application/json").body("""
        {"model": "full", "messages": [{"role": "user", "content": "look up 10.0.0.7"}],
         "tools": [{"type": "function", "function": {"name": "whois", "parameters": {"type": "object"}}}]}
        """).when().post("/v1/chat/completions").then()
        .statusCode(400)
        .body("error.code", equalTo("Unsupported"))
        .body("error.message", startsWith("This gateway does not make tool or function calls"));
    given().contentType("application/json").body("""
        {"model": "full", "messages": [{"role": "user", "content": "hi"}], "tool_choice": "auto"}
        """).when().post("/v1/chat/completions").then()
        .statusCode(400).body("error.code", equalTo("Unsupported"));
    assertThat(inferences(pods.fullOnPrem)).as("nothing reached the model").isEmpty();

    given().contentType("application/json").body("""
        {"model": "full", "messages": [{"role": "user", "content": "hi"}], "tools": [], "tool_choice": "none",
         "n": 1, "response_format": {"type": "text"}}
        """).when().post("/v1/chat/completions").then()
        .statusCode(200);
  }

  @Test
  void completesInTheOpenAiShapeAndSaysWhereInHeaders() {
    given().contentType("application/json")
        .body("{\"model\": \"full\", \"messages\": [{\"role\": \"user\", \"content\": \"phishing mail\"}], "
            + "\"max_tokens\": 2}")
        .when().post("/v1/chat/completions").then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .header("X-Shield-Variant", "full")
        .header("X-Shield-Pool", "onprem")
        .header("x-shield-overhead-ms", notNullValue())
        .body("object", equalTo("chat.completion"))
        .body("model", equalTo("full"))
        .body("choices[0].message.role", equalTo("assistant"))
        .body("choices[0].message.content", equalTo("[stand-in] phishing"))
        .body("usage.completion_tokens", equalTo(2));
  }

  @Test
  void priorityAndClassificationComeFromHeaders() {
    given().contentType("application/json").header("X-Shield-Priority", "low")
        .header("X-Shield-Classification", "internal")
        .body("{\"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}")
        .when().post("/v1/chat/completions").then()
        .statusCode(200)
        .header("X-Shield-Variant", "lite");
    given().contentType("application/json").header("X-Shield-Priority", "urgent")
        .body("{\"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}")
        .when().post("/v1/chat/completions").then()
        .statusCode(400)
        .body("error.code", equalTo("InvalidField"))
        .body("error.message", equalTo("The header X-Shield-Priority must be one of: critical, high, normal, low."));
  }

  @Test
  void streamsServerSentEventsEndingInDone() {
    Response response = given().contentType("application/json").body(OPENAI_SDK_STREAM)
        .when().post("/v1/chat/completions");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/event-stream");
    assertThat(response.header("X-Shield-Variant")).isEqualTo("full");
    assertThat(response.header("X-Shield-Pool")).isEqualTo("onprem");
    List<String> data = events(response.asString());
    assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(GenerateApiIT::json).toList();
    assertThat(chunks).allMatch(chunk -> chunk.path("object").asText().equals("chat.completion.chunk"));
    assertThat(chunks).allMatch(chunk -> chunk.path("model").asText().equals("full"));
    String content = chunks.stream().flatMap(chunk -> {
      JsonNode choices = chunk.path("choices");
      return choices.isEmpty() ? java.util.stream.Stream.<String>empty()
          : java.util.stream.Stream.of(choices.get(0).path("delta").path("content").asText(""));
    }).reduce("", String::concat);
    assertThat(content).isEqualTo("[stand-in] explain beacon");
    // what DJL got: the messages and bounds, none of the fields the gateway ignores
    JsonNode sent = json(inferences(pods.fullOnPrem).get(0));
    assertThat(sent.path("messages").size()).isEqualTo(2);
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(3);
    assertThat(sent.has("user")).isFalse();
  }

  @Test
  void aFailureInTheMiddleOfAStreamIsAnErrorEvent() {
    pods.fullOnPrem.script().next(Behaviour.failMidStream(2));
    Response response = given().contentType("application/json")
        .body("{\"messages\": [{\"role\": \"user\", \"content\": \"a b c d\"}], \"stream\": true}")
        .when().post("/v1/chat/completions");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> data = events(response.asString());
    assertThat(data).doesNotContain("[DONE]");
    JsonNode last = json(data.get(data.size() - 1));
    assertThat(last.path("error").path("code").asText()).isEqualTo("UpstreamStreamError");
  }

  @Test
  void missingOrMalformedMessagesAreBadRequest() {
    given().contentType("application/json").body("{\"model\": \"full\"}").when().post("/v1/chat/completions")
        .then().statusCode(400).body("error.code", equalTo("MissingField"));
    given().contentType("application/json").body("{\"messages\": [{\"role\": \"king\", \"content\": \"a\"}]}")
        .when().post("/v1/chat/completions").then()
        .statusCode(400)
        .body("error.message",
            equalTo("The field 'messages[0].role' must be one of: system, developer, user, assistant, tool."));
    given().contentType("application/json")
        .body("{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"max_tokens\": 100000}")
        .when().post("/v1/chat/completions").then()
        .statusCode(400).body("error.code", equalTo("OutOfRange"))
        .body("error.type", equalTo("invalid_request_error"));
    given().contentType("application/json").body("{\"messages\": ").when().post("/v1/chat/completions").then()
        .statusCode(400).body("error.code", equalTo("MalformedJson"));
  }

  @Test
  void anUpstreamFullQueueIsServiceUnavailableBeforeTheStreamBegins() {
    pods.fullOnPrem.script().next(Behaviour.wlmCapacity());
    given().contentType("application/json").body(OPENAI_SDK_STREAM).when().post("/v1/chat/completions").then()
        .statusCode(503)
        .header("Retry-After", "1")
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("UpstreamBusy"))
        .body("error.type", equalTo("server_error"));
  }

  @Test
  void listsTheVariantsAsModels() {
    given().when().get("/v1/models").then()
        .statusCode(200)
        .body("object", equalTo("list"))
        .body("data.id", hasItems("full", "lite"))
        .body("data.size()", equalTo(2))
        .body("data[0].object", equalTo("model"))
        .body("data[0].owned_by", equalTo("threat-intel"));
  }

  @Test
  void theOpenApiDocumentDescribesTheEndpointsAndTheErrorShape() {
    given().accept("application/json").when().get("/q/openapi").then()
        .statusCode(200)
        .body("paths.'/v1/generate'.post", notNullValue())
        .body("paths.'/v1/chat/completions'.post", notNullValue())
        .body("paths.'/v1/models'.get", notNullValue())
        .body("components.schemas.ErrorBody.properties.error", notNullValue())
        .body("components.schemas.ErrorBody.properties.error.properties.type", notNullValue())
        .body("components.schemas.Model.properties.created", notNullValue());
  }

  /** The data of each server-sent event. */
  static List<String> events(String body) {
    return Arrays.stream(body.split("\n\n")).filter(event -> !event.isBlank())
        .map(event -> {
          assertThat(event).startsWith("data: ");
          return event.substring("data: ".length());
        }).toList();
  }
}
