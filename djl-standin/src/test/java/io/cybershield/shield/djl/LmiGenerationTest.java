package io.cybershield.shield.djl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The LMI (TGI-like) schema: {@code {"inputs", "parameters", "stream"}}, whole and streamed. */
class LmiGenerationTest {

  private static DjlStandIn djl;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start();
  }

  @AfterAll
  static void stop() {
    djl.close();
  }

  @BeforeEach
  void reset() {
    djl.script().reset();
  }

  @Test
  void scriptedTokensComeBackAsGeneratedTextWithoutDetails() throws Exception {
    djl.script().next(Behaviour.text("Hello", " SOC"));

    HttpResponse<String> response = Http.post(djl, "/invocations", "{\"inputs\":\"Say hello\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"generated_text\":\"Hello SOC\"}\n");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-shield-standin")).hasValue("scripted");
    assertThat(response.headers().firstValue("x-request-id")).isPresent();
  }

  @Test
  void detailsOnlyWhenAsked() throws Exception {
    djl.script().next(Behaviour.text("Hello", " SOC"));

    HttpResponse<String> response = Http.post(djl, "/invocations",
        "{\"inputs\":\"Say hello\",\"parameters\":{\"details\":true,\"seed\":42}}");

    assertThat(response.body()).isEqualTo("{\"generated_text\":\"Hello SOC\",\"details\":{\"finish_reason\":"
        + "\"eos_token\",\"generated_tokens\":2,\"seed\":42,\"prefill\":[],\"tokens\":["
        + "{\"id\":11826,\"text\":\"Hello\",\"logprob\":-0.855},{\"id\":11624,\"text\":\" SOC\",\"logprob\":-0.323}]}}\n");
  }

  @Test
  void maxNewTokensDefaultsTo30AndEndsWithLength() throws Exception {
    HttpResponse<String> response = Http.post(djl, "/invocations",
        "{\"inputs\":\"Is this IP malicious?\",\"parameters\":{\"details\":true}}");

    JsonNode answer = Http.json(response.body());
    assertThat(answer.at("/details/generated_tokens").asInt()).isEqualTo(30);
    assertThat(answer.at("/details/finish_reason").asText()).isEqualTo("length");
    assertThat(answer.at("/details/tokens")).hasSize(30);
    assertThat(answer.get("generated_text").asText())
        .startsWith("[stand-in] Is this IP malicious? Is this IP malicious?");
  }

  @Test
  void theEchoEndsWithEosAfterTokensPerRequest() throws Exception {
    try (DjlStandIn shortModel = DjlStandIn.start(StandInOptions.builder().tokensPerRequest(3).build())) {
      HttpResponse<String> response = Http.post(shortModel, "/invocations",
          "{\"inputs\":\"\",\"parameters\":{\"max_new_tokens\":10,\"details\":true}}");

      JsonNode answer = Http.json(response.body());
      assertThat(answer.get("generated_text").asText()).isEqualTo("[stand-in] token1 token2");
      assertThat(answer.at("/details/finish_reason").asText()).isEqualTo("eos_token");
      assertThat(answer.at("/details/generated_tokens").asInt()).isEqualTo(3);
    }
  }

  @Test
  void maxNewTokensCutsAScriptedText() throws Exception {
    djl.script().next(Behaviour.text("a", " b", " c", " d"));

    HttpResponse<String> response = Http.post(djl, "/invocations",
        "{\"inputs\":\"x\",\"parameters\":{\"max_new_tokens\":2,\"details\":true}}");

    JsonNode answer = Http.json(response.body());
    assertThat(answer.get("generated_text").asText()).isEqualTo("a b");
    assertThat(answer.at("/details/finish_reason").asText()).isEqualTo("length");
  }

  @Test
  void aStopSequenceEndsTheGenerationAndStaysInTheText() throws Exception {
    djl.script().next(Behaviour.text("verdict:", " benign", "\n\n", "more"));

    HttpResponse<String> response = Http.post(djl, "/invocations",
        "{\"inputs\":\"x\",\"parameters\":{\"stop_sequences\":[\"\\n\\n\"],\"details\":true}}");

    JsonNode answer = Http.json(response.body());
    assertThat(answer.get("generated_text").asText()).isEqualTo("verdict: benign\n\n");
    assertThat(answer.at("/details/finish_reason").asText()).isEqualTo("stop_sequence");
  }

  @Test
  void returnFullTextPrependsThePrompt() throws Exception {
    djl.script().next(Behaviour.text(" done"));

    HttpResponse<String> response = Http.post(djl, "/invocations",
        "{\"inputs\":\"Triage\",\"parameters\":{\"return_full_text\":true}}");

    assertThat(Http.json(response.body()).get("generated_text").asText()).isEqualTo("Triage done");
  }

  @Test
  void aStreamIsChunkedJsonLinesWhoseLastTokenLineCarriesTheTextThenAnEmptyLine() throws Exception {
    djl.script().next(Behaviour.text("Hello", " SOC"));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/invocations",
          "{\"inputs\":\"Say hello\",\"parameters\":{\"temperature\":0.2,\"top_p\":0.9,\"do_sample\":true},"
              + "\"stream\":true}").read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("content-type")).isEqualTo("application/jsonlines");
      assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
      assertThat(response.header("x-request-id")).isNotBlank();
      assertThat(response.complete()).isTrue();
      assertThat(response.chunks()).containsExactly(
          "{\"index\":0,\"token\":{\"id\":11826,\"text\":\"Hello\",\"logprob\":-0.855},\"generated_text\":null,"
              + "\"details\":null}\n",
          "{\"index\":0,\"token\":{\"id\":11624,\"text\":\" SOC\",\"logprob\":-0.323},\"generated_text\":"
              + "\"Hello SOC\",\"details\":null}\n",
          "\n");
      // a stream that ended well keeps the connection
      assertThat(connection.send("GET", "/ping", null).read().status()).isEqualTo(200);
    }
  }

  @Test
  void aStreamWithDetailsCarriesThemOnItsLastLine() throws Exception {
    djl.script().next(Behaviour.text("Hello", " SOC"));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/invocations",
          "{\"inputs\":\"Say hello\",\"parameters\":{\"details\":true},\"stream\":true}").read();

      assertThat(response.chunks().get(0)).endsWith("\"generated_text\":null,\"details\":null}\n");
      assertThat(response.chunks().get(1)).isEqualTo("{\"index\":0,\"token\":{\"id\":11624,\"text\":\" SOC\","
          + "\"logprob\":-0.323},\"generated_text\":\"Hello SOC\",\"details\":{\"finish_reason\":\"eos_token\","
          + "\"seed\":null,\"generated_tokens\":2,\"input_length\":2}}\n");
      assertThat(response.chunks().get(2)).isEqualTo("\n");
    }
  }

  @Test
  void aStreamedEchoHas30TokenLinesByDefault() throws Exception {
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/invocations",
          "{\"inputs\":\"Is this IP malicious?\",\"stream\":true}").read();

      List<String> lines = response.chunks();
      assertThat(lines).hasSize(31);
      assertThat(lines.get(0)).startsWith("{\"index\":0,\"token\":{\"id\":15628,\"text\":\"[stand-in]\"");
      assertThat(lines.subList(0, 29)).allMatch(line -> line.contains("\"generated_text\":null"));
      assertThat(Http.json(lines.get(29)).get("generated_text").asText())
          .startsWith("[stand-in] Is this IP malicious? Is");
      assertThat(lines.get(30)).isEqualTo("\n");
    }
  }

  @Test
  void predictionsServeTheSameSchema() throws Exception {
    djl.script().next(Behaviour.text("ok"));

    HttpResponse<String> response = Http.post(djl, "/predictions/model", "{\"inputs\":\"x\"}");

    assertThat(response.body()).isEqualTo("{\"generated_text\":\"ok\"}\n");
  }
}
