package io.cybershield.shield.djl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/chat/completions} (and a {@code messages} body anywhere): OpenAI's shapes, as vLLM answers. */
class ChatCompletionTest {

  private static final String CHAT = "{\"model\":\"threat_intel\",\"messages\":["
      + "{\"role\":\"system\",\"content\":\"You are a SOC analyst.\"},"
      + "{\"role\":\"user\",\"content\":\"Is 10.0.0.7 malicious?\"}],\"max_tokens\":4";

  private static DjlStandIn djl;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel").build());
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
  void aChatCompletionHasTheOpenAiShapeAndConsistentUsage() throws Exception {
    HttpResponse<String> response = Http.post(djl, "/v1/chat/completions", CHAT + "}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode answer = Http.json(response.body());
    assertThat(answer.get("id").asText()).matches("chatcmpl-[0-9a-f]{32}");
    assertThat(answer.get("object").asText()).isEqualTo("chat.completion");
    assertThat(answer.get("created").asLong()).isPositive();
    assertThat(answer.get("model").asText()).isEqualTo("threat_intel");
    JsonNode choice = answer.get("choices").get(0);
    assertThat(choice.get("index").asInt()).isZero();
    assertThat(choice.at("/message/role").asText()).isEqualTo("assistant");
    assertThat(choice.at("/message/content").asText()).isEqualTo("[stand-in] Is 10.0.0.7 malicious?");
    assertThat(choice.get("finish_reason").asText()).isEqualTo("length");
    // prompt: 5 + 3 words; completion: 4 tokens
    assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(8);
    assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(4);
    assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(12);
  }

  @Test
  void withoutMaxTokensTheModelStopsOnItsOwn() throws Exception {
    djl.script().next(Behaviour.text("Benign", "."));

    JsonNode answer = Http.json(Http.post(djl, "/v1/chat/completions",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Verdict?\"}]}]}").body());

    assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("Benign.");
    assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(1);
  }

  @Test
  void aChatStreamIsJsonLinesOfChunksWithoutSsePrefixOrDone() throws Exception {
    djl.script().next(Behaviour.text("Likely", " benign"));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/v1/chat/completions", CHAT + ",\"stream\":true}").read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("content-type")).isEqualTo("application/jsonlines");
      assertThat(response.complete()).isTrue();
      List<String> chunks = response.chunks();
      assertThat(chunks).hasSize(4);
      assertThat(chunks.get(3)).isEqualTo("\n");
      assertThat(chunks).noneMatch(chunk -> chunk.startsWith("data:") || chunk.contains("[DONE]"));
      List<JsonNode> lines = new ArrayList<>();
      for (String chunk : chunks.subList(0, 3)) {
        assertThat(chunk).endsWith("}\n").doesNotContain(": ");
        lines.add(Http.json(chunk));
      }
      String id = lines.get(0).get("id").asText();
      assertThat(lines).allSatisfy(line -> {
        assertThat(line.get("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(line.get("id").asText()).isEqualTo(id);
        assertThat(line.get("model").asText()).isEqualTo("threat_intel");
      });
      assertThat(lines.get(0).at("/choices/0/delta").toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"\"}");
      assertThat(lines.get(0).at("/choices/0/finish_reason").isNull()).isTrue();
      assertThat(lines.get(1).at("/choices/0/delta").toString()).isEqualTo("{\"content\":\"Likely\"}");
      assertThat(lines.get(1).at("/choices/0/finish_reason").isNull()).isTrue();
      assertThat(lines.get(2).at("/choices/0/delta").toString()).isEqualTo("{\"content\":\" benign\"}");
      assertThat(lines.get(2).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }
  }

  @Test
  void includeUsageAddsAUsageChunkBeforeTheEmptyLine() throws Exception {
    djl.script().next(Behaviour.text("Likely", " benign"));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/v1/chat/completions",
          CHAT + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}").read();

      List<String> chunks = response.chunks();
      assertThat(chunks).hasSize(5);
      JsonNode usage = Http.json(chunks.get(3));
      assertThat(usage.get("choices")).isEmpty();
      assertThat(usage.get("usage").toString())
          .isEqualTo("{\"prompt_tokens\":8,\"total_tokens\":10,\"completion_tokens\":2}");
      assertThat(chunks.get(4)).isEqualTo("\n");
    }
  }

  @Test
  void aChatBodyOnInvocationsIsAChatCompletionToo() throws Exception {
    djl.script().next(Behaviour.text("ok"));

    JsonNode answer = Http.json(Http.post(djl, "/invocations", CHAT + "}").body());

    assertThat(answer.get("object").asText()).isEqualTo("chat.completion");
  }

  @Test
  void anLmiBodyOnTheChatPathIsAnsweredInTheLmiSchema() throws Exception {
    djl.script().next(Behaviour.text("ok"));

    HttpResponse<String> response = Http.post(djl, "/v1/chat/completions", "{\"inputs\":\"x\"}");

    assertThat(response.body()).isEqualTo("{\"generated_text\":\"ok\"}\n");
  }

  @Test
  void aPromptBodyIsAnOpenAiCompletion() throws Exception {
    djl.script().next(Behaviour.text("a", " b"));

    JsonNode answer = Http.json(Http.post(djl, "/invocations", "{\"prompt\":\"one two three\"}").body());

    assertThat(answer.get("object").asText()).isEqualTo("text_completion");
    assertThat(answer.at("/choices/0/text").asText()).isEqualTo("a b");
    assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
    assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(5);
  }
}
