package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.RecordedRequest;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cybershield.shield.gateway.djl.Upstreams.all;
import static io.cybershield.shield.gateway.djl.Upstreams.await;
import static io.cybershield.shield.gateway.djl.Upstreams.deadline;
import static io.cybershield.shield.gateway.djl.Upstreams.endpoint;
import static io.cybershield.shield.gateway.djl.Upstreams.inferences;
import static io.cybershield.shield.gateway.djl.Upstreams.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generation and chat, whole and streamed, against the DJL stand-in: the bodies the client sends and the answers
 * it reads, to the field.
 */
class DjlInferenceIT {

  private static final GenerationRequest SAY_HELLO =
      GenerationRequest.of("Say hello", GenerationParameters.none().withMaxNewTokens(20));
  private static final ChatCompletionRequest CHAT_HELLO = ChatCompletionRequest.of("model",
      List.of(ChatMessage.system("You are a SOC analyst."), ChatMessage.user("Say hello")));

  private static DjlStandIn djl;
  private static Vertx vertx;
  private static DjlClient client;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start();
    vertx = Upstreams.vertx();
    client = new DjlClient(vertx, Upstreams.settings());
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close();
    djl.close();
  }

  @BeforeEach
  void reset() {
    djl.script().reset();
    djl.clearRequests();
  }

  @Test
  void generateSendsTheLmiBodyAndReadsTheText() {
    djl.script().next(Behaviour.text("Hello", " SOC"));

    GenerationResponse answer = await(client.generate(endpoint(djl), null, SAY_HELLO, deadline()));

    assertThat(answer).isEqualTo(new GenerationResponse("Hello SOC", null));
    RecordedRequest sent = inferences(djl).get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.query()).isEmpty();
    assertThat(sent.header("content-type")).isEqualTo("application/json");
    assertThat(json(sent.body()))
        .isEqualTo(json("{\"inputs\":\"Say hello\",\"parameters\":{\"max_new_tokens\":20},\"stream\":false}"));
  }

  @Test
  void generateReadsTheDetails() {
    djl.script().next(Behaviour.text("Hello", " SOC"));
    GenerationRequest request = GenerationRequest.of("Say hello",
        GenerationParameters.none().withMaxNewTokens(20).withDetails(true).withSeed(42));

    GenerationResponse answer = await(client.generate(endpoint(djl), null, request, deadline()));

    assertThat(answer).isEqualTo(new GenerationResponse("Hello SOC", new GenerationDetails("eos_token", 2, 42L,
        List.of(new GeneratedToken(11826L, "Hello", -0.855), new GeneratedToken(11624L, " SOC", -0.323)))));
  }

  @Test
  void generateNamesTheModelInTheQuery() {
    GenerationResponse answer = await(client.generate(endpoint(djl), "model",
        GenerationRequest.of("alert on host-7", GenerationParameters.none().withMaxNewTokens(4)), deadline()));

    assertThat(answer.generatedText()).isEqualTo("[stand-in] alert on host-7");
    assertThat(inferences(djl).get(0).query()).isEqualTo("model_name=model");
  }

  @Test
  void allParametersAreSentWithDjlsNames() {
    GenerationParameters parameters = new GenerationParameters(64, 0.2, 0.9, true, true, List.of("\n\n"), 7L);

    await(client.generate(endpoint(djl), null, GenerationRequest.of("x", parameters), deadline()));

    assertThat(json(inferences(djl).get(0).body())).isEqualTo(json("{\"inputs\":\"x\",\"parameters\":"
        + "{\"max_new_tokens\":64,\"temperature\":0.2,\"top_p\":0.9,\"do_sample\":true,\"details\":true,"
        + "\"stop_sequences\":[\"\\n\\n\"],\"seed\":7},\"stream\":false}"));
  }

  @Test
  void aStreamIsOneTokenPerLineAndTheLastCarriesTheText() {
    djl.script().next(Behaviour.text("Hello", " SOC"));

    List<StreamedToken> lines = all(client.generateStream(endpoint(djl), null, SAY_HELLO, deadline()));

    assertThat(lines).containsExactly(
        new StreamedToken(0, new GeneratedToken(11826L, "Hello", -0.855), null, null),
        new StreamedToken(0, new GeneratedToken(11624L, " SOC", -0.323), "Hello SOC", null));
    assertThat(lines.get(1).isLast()).isTrue();
    RecordedRequest sent = inferences(djl).get(0);
    assertThat(sent.header("accept")).isEqualTo("application/jsonlines");
    assertThat(json(sent.body()))
        .isEqualTo(json("{\"inputs\":\"Say hello\",\"parameters\":{\"max_new_tokens\":20},\"stream\":true}"));
  }

  @Test
  void aStreamWithDetailsEndsWithThem() {
    djl.script().next(Behaviour.text("Hello", " SOC"));
    GenerationRequest request = GenerationRequest.of("Say hello",
        GenerationParameters.none().withDetails(true).withSeed(42));

    List<StreamedToken> lines = all(client.generateStream(endpoint(djl), null, request, deadline()));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).details()).isNull();
    assertThat(lines.get(1).details()).isEqualTo(new GenerationDetails("eos_token", 2, 42L, null));
  }

  @Test
  void aLongEchoStreamsEveryToken() {
    List<StreamedToken> lines = all(client.generateStream(endpoint(djl), null,
        GenerationRequest.of("lateral movement", GenerationParameters.none()), deadline()));

    // DJL's default max_new_tokens is 30: the marker, then the prompt's words in turn
    assertThat(lines).hasSize(30);
    assertThat(lines.get(0).token().text()).isEqualTo("[stand-in]");
    assertThat(lines.get(1).token().text()).isEqualTo(" lateral");
    assertThat(lines.get(2).token().text()).isEqualTo(" movement");
    assertThat(lines.subList(0, 29)).allMatch(line -> !line.isLast());
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line.token().text()));
    assertThat(lines.get(29).generatedText()).isEqualTo(text.toString());
  }

  @Test
  void chatReadsTheOpenAiCompletion() {
    djl.script().next(Behaviour.text("Hello", " SOC"));

    ChatCompletion answer = await(client.chat(endpoint(djl), CHAT_HELLO.withMaxTokens(16), deadline()));

    assertThat(answer.id()).startsWith("chatcmpl-");
    assertThat(answer.object()).isEqualTo("chat.completion");
    assertThat(answer.model()).isEqualTo("model");
    assertThat(answer.created()).isPositive();
    assertThat(answer.choices())
        .containsExactly(new ChatChoice(0, ChatMessage.assistant("Hello SOC"), "stop"));
    assertThat(answer.usage()).isEqualTo(new ChatUsage(7, 2, 9));
    RecordedRequest sent = inferences(djl).get(0);
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(json(sent.body())).isEqualTo(json("{\"model\":\"model\",\"messages\":["
        + "{\"role\":\"system\",\"content\":\"You are a SOC analyst.\"},"
        + "{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":16,\"stream\":false}"));
  }

  @Test
  void aChatStreamIsTheRoleThenTheContentChunks() {
    djl.script().next(Behaviour.text("Hello", " SOC"));

    List<ChatCompletionChunk> chunks = all(client.chatStream(endpoint(djl), CHAT_HELLO, deadline()));

    assertThat(chunks).hasSize(3);
    assertThat(chunks).allSatisfy(chunk -> {
      assertThat(chunk.object()).isEqualTo("chat.completion.chunk");
      assertThat(chunk.id()).isEqualTo(chunks.get(0).id());
      assertThat(chunk.model()).isEqualTo("model");
    });
    assertThat(chunks.get(0).choices()).containsExactly(new ChatChunkChoice(0, new ChatDelta("assistant", ""), null));
    assertThat(chunks.get(1).choices()).containsExactly(new ChatChunkChoice(0, new ChatDelta(null, "Hello"), null));
    assertThat(chunks.get(2).choices()).containsExactly(new ChatChunkChoice(0, new ChatDelta(null, " SOC"), "stop"));
    assertThat(json(inferences(djl).get(0).body()).get("stream").asBoolean()).isTrue();
  }

  @Test
  void recordsNeverPrintTheirText() {
    GenerationResponse answer = await(client.generate(endpoint(djl), null,
        GenerationRequest.of("password=hunter2", GenerationParameters.none().withMaxNewTokens(3)), deadline()));

    assertThat(answer.generatedText()).contains("hunter2");
    assertThat(answer.toString()).doesNotContain("hunter2");
    assertThat(GenerationRequest.of("password=hunter2", null).toString()).doesNotContain("hunter2");
    assertThat(ChatMessage.user("password=hunter2").toString()).doesNotContain("hunter2");
    assertThat(CHAT_HELLO.toString()).doesNotContain("Say hello");
  }
}
