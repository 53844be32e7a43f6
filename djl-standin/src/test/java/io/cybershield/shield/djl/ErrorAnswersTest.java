package io.cybershield.shield.djl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** DJL's error answers: status, body, {@code Connection: close} and the close itself, and the request id. */
class ErrorAnswersTest {

  private static DjlStandIn djl;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start(StandInOptions.builder().modelName("phishing").build());
  }

  @AfterAll
  static void stop() {
    djl.close();
  }

  @BeforeEach
  void reset() {
    djl.script().reset();
  }

  private static RawConnection.Response errorOf(String path, String body) throws IOException {
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post(path, body, "x-request-id: req-1").read();
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(response.header("x-request-id")).isEqualTo("req-1");
      assertThat(response.header("x-shield-standin")).isEqualTo("scripted");
      assertThat(response.header("content-type")).isEqualTo("application/json");
      assertThat(connection.closedByServer(Duration.ofSeconds(30))).isTrue();
      return response;
    }
  }

  @Test
  void inputParsingFailedIs424WithTheHandlersBody() throws Exception {
    djl.script().next(Behaviour.inputParsingFailed("bad prompt template"));

    RawConnection.Response response = errorOf("/invocations", "{\"inputs\":\"x\"}");

    assertThat(response.status()).isEqualTo(424);
    assertThat(response.reason()).isEqualTo("Input parsing failed: bad prompt template");
    assertThat(response.body()).isEqualTo("{\"code\":424,\"error\":\"Input parsing failed: bad prompt template\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON                 | hello                                     | the body is not JSON",
      "no inputs                | {\"text\":\"x\"}                          | invalid payload. must contain prompt, inputs, or messages",
      "inputs not a string      | {\"inputs\":[\"x\"]}                      | inputs must be a string, not array",
      "a JSON array             | [1,2]                                     | invalid payload. must contain prompt, inputs, or messages",
      "parameters not an object | {\"inputs\":\"x\",\"parameters\":3}       | parameters must be an object, not number",
      "max_new_tokens of zero   | {\"inputs\":\"x\",\"parameters\":{\"max_new_tokens\":0}} | max_new_tokens must be a positive integer",
      "stream not a boolean     | {\"inputs\":\"x\",\"stream\":\"yes\"}     | stream must be a boolean",
      "messages not a list      | {\"messages\":\"hi\"}                     | messages must be a non-empty list of messages"})
  void aBodyTheHandlerCannotReadIs424(String label, String body, String detail) throws Exception {
    RawConnection.Response response = errorOf("/invocations", body);

    assertThat(response.status()).isEqualTo(424);
    assertThat(Http.json(response.body()).get("code").asInt()).isEqualTo(424);
    assertThat(Http.json(response.body()).get("error").asText()).startsWith("Input parsing failed: " + detail);
    assertThat(djl.script().pending()).isZero();
  }

  @Test
  void modelNotFoundIs404WithDjlsErrorResponse() throws Exception {
    djl.script().next(Behaviour.modelNotFound());

    RawConnection.Response response = errorOf("/invocations", "{\"inputs\":\"x\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\n  \"code\": 404,\n  \"type\": \"ModelNotFoundException\",\n"
        + "  \"message\": \"Model or workflow not found: phishing\"\n}\n");
  }

  @Test
  void anUnknownModelNameIs404AndTakesNoBehaviour() throws Exception {
    djl.script().next(Behaviour.text("kept"));

    RawConnection.Response response = errorOf("/invocations?model_name=forensics", "{\"inputs\":\"x\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("\"message\": \"Model or workflow not found: forensics\"");
    assertThat(djl.script().pending()).isEqualTo(1);
  }

  @Test
  void wlmCapacityIs503WlmCapacityException() throws Exception {
    djl.script().next(Behaviour.wlmCapacity());

    RawConnection.Response response = errorOf("/invocations", "{\"inputs\":\"x\"}");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\n  \"code\": 503,\n  \"type\": \"WlmCapacityException\",\n"
        + "  \"message\": \"Worker queue capacity exceeded for model: phishing\"\n}\n");
  }

  @Test
  void wlmNotReadyIs503WlmException() throws Exception {
    djl.script().next(Behaviour.wlmNotReady());

    RawConnection.Response response = errorOf("/predictions/phishing", "{\"inputs\":\"x\"}");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\n  \"code\": 503,\n  \"type\": \"WlmException\",\n"
        + "  \"message\": \"Model is not ready: phishing\"\n}\n");
  }

  @Test
  void aFailedModelAnswersInferenceWith503WlmException() throws Exception {
    djl.script().ping(PingState.FAILED).next(Behaviour.text("kept"));

    RawConnection.Response response = errorOf("/invocations", "{\"inputs\":\"x\"}");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).contains("\"type\": \"WlmException\"");
    assertThat(djl.script().pending()).isEqualTo(1);
  }

  @Test
  void outOfMemoryIs507() throws Exception {
    djl.script().next(Behaviour.outOfMemory());

    RawConnection.Response response = errorOf("/invocations", "{\"inputs\":\"x\",\"stream\":true}");

    assertThat(response.status()).isEqualTo(507);
    assertThat(Http.json(response.body()).get("code").asInt()).isEqualTo(507);
    assertThat(Http.json(response.body()).get("message").asText())
        .isEqualTo("Async Inference Failure CUDA error: out of memory ([stand-in] scripted)");
  }

  @Test
  void aDeadEngineIs500() throws Exception {
    djl.script().next(Behaviour.engineDied());

    RawConnection.Response response = errorOf("/invocations", "{\"inputs\":\"x\"}");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"code\":500,\"message\":\"Inference Engine Failure\"}");
  }

  @Test
  void anUnknownPathIs404ResourceNotFound() throws Exception {
    RawConnection.Response response = errorOf("/v1/completions", "{\"prompt\":\"x\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("\"type\": \"ResourceNotFoundException\"",
        "\"message\": \"Requested resource is not found, please refer to API document.\"");
  }

  @Test
  void anErrorAfterADelayStillClosesTheConnection() throws Exception {
    djl.script().next(Behaviour.wlmCapacity().withDelay(Duration.ofMillis(50)));

    assertThat(errorOf("/invocations", "{\"inputs\":\"x\"}").status()).isEqualTo(503);
  }
}
