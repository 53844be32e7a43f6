package io.cybershield.shield.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static io.cybershield.shield.gateway.api.GenerateApiIT.inferences;
import static io.cybershield.shield.gateway.api.GenerateApiIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The gateway driven by the OpenAI Java SDK ({@code com.openai:openai-java}), against DJL stand-ins: what the SDK
 * sends is accepted, and what the gateway answers — completions, server-sent events ending in {@code [DONE]}, the
 * model list and the error shape — the SDK reads, with its response validation on, so a field the SDK requires and
 * the gateway leaves out fails here.
 */
@QuarkusTest
@WithTestResource(StandIns.class)
class OpenAiSdkIT {

  StandIns.Pods pods;

  @TestHTTPResource("/v1")
  URL v1;

  OpenAIClient openAi;

  @BeforeEach
  void reset() {
    for (DjlStandIn djl : pods.all()) {
      djl.script().reset();
      djl.clearRequests();
    }
    openAi = OpenAIOkHttpClient.builder()
        .baseUrl(v1.toString())
        .apiKey(io.cybershield.shield.gateway.TestCallers.ANALYST)
        // a refusal must reach the test as it is, not be retried (the SDK retries 5xx twice by default)
        .maxRetries(0)
        .responseValidation(true)
        .timeout(Duration.ofSeconds(20))
        .build();
  }

  @AfterEach
  void close() {
    openAi.close();
  }

  @Test
  void parsesACompletionAndReadsWhereItWasServedFromTheRawResponse() {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addSystemMessage("You are a SOC analyst.")
        .addUserMessage("phishing mail")
        .maxCompletionTokens(2)
        .build();

    try (HttpResponseFor<ChatCompletion> raw = openAi.chat().completions().withRawResponse().create(params)) {
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(raw.headers().values("X-Shield-Variant")).containsExactly("full");
      assertThat(raw.headers().values("X-Shield-Pool")).containsExactly("onprem");
      ChatCompletion completion = raw.parse();
      assertThat(completion.model()).isEqualTo("full");
      assertThat(completion.choices()).hasSize(1);
      ChatCompletion.Choice choice = completion.choices().get(0);
      assertThat(choice.index()).isEqualTo(0);
      assertThat(choice.message().content()).hasValue("[stand-in] phishing");
      assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
      assertThat(completion.usage()).hasValueSatisfying(usage -> {
        assertThat(usage.completionTokens()).isEqualTo(2);
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + 2);
      });
    }
    JsonNode sent = json(inferences(pods.fullOnPrem).get(0));
    assertThat(sent.path("messages").size()).isEqualTo(2);
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(2);
  }

  @Test
  void streamsEveryChunkAndEndsAtDone() {
    pods.fullOnPrem.script().next(Behaviour.text("Beacon", "ing is", " periodic", " C2 traffic."));
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addUserMessage("explain beaconing")
        .build();

    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(params)) {
      chunks = stream.stream().collect(Collectors.toList());
    }

    assertThat(chunks).isNotEmpty().allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo("full"));
    String content = chunks.stream()
        .flatMap(chunk -> chunk.choices().stream())
        .map(choice -> choice.delta().content().orElse(""))
        .collect(Collectors.joining());
    assertThat(content).isEqualTo("Beaconing is periodic C2 traffic.");
    ChatCompletionChunk.Choice last = chunks.get(chunks.size() - 1).choices().get(0);
    assertThat(last.finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
  }

  @Test
  void aStreamAskingForUsageEndsWithAUsageChunk() {
    pods.fullOnPrem.script().next(Behaviour.text("one", " two", " three"));
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addUserMessage("count")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
        .build();

    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(params)) {
      chunks = stream.stream().collect(Collectors.toList());
    }

    ChatCompletionChunk usageChunk = chunks.get(chunks.size() - 1);
    assertThat(usageChunk.choices()).isEmpty();
    assertThat(usageChunk.usage()).hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isEqualTo(3));
  }

  @Test
  void aFailureInTheMiddleOfAStreamIsTheSdksStreamException() {
    pods.fullOnPrem.script().next(Behaviour.failMidStream(2));
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addUserMessage("a b c d")
        .build();

    SseException failure;
    try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(params)) {
      failure = catchThrowableOfType(SseException.class, () -> stream.stream().forEach(chunk -> { }));
    }

    assertThat(failure).isNotNull();
    assertThat(failure.code()).hasValue("UpstreamStreamError");
    assertThat(failure.type()).hasValue("server_error");
    assertThat(failure.getMessage()).isEqualTo("200: The model server failed in the middle of the answer.");
  }

  @Test
  void priorityAndClassificationTravelAsExtraHeaders() {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addUserMessage("hello")
        .putAdditionalHeader("X-Shield-Priority", "low")
        .putAdditionalHeader("X-Shield-Classification", "internal")
        .build();

    try (HttpResponseFor<ChatCompletion> raw = openAi.chat().completions().withRawResponse().create(params)) {
      assertThat(raw.headers().values("X-Shield-Variant")).containsExactly("lite");
      assertThat(raw.headers().values("X-Shield-Pool")).containsExactly("onprem");
      assertThat(raw.parse().model()).isEqualTo("lite");
    }
    assertThat(inferences(pods.liteOnPrem)).hasSize(1);
    assertThat(inferences(pods.fullOnPrem)).isEmpty();
  }

  @Test
  void listsTheVariantsAsModels() {
    List<Model> models = openAi.models().list().data();

    assertThat(models).extracting(Model::id).containsExactlyInAnyOrder("full", "lite");
    assertThat(models).allSatisfy(model -> {
      assertThat(model.ownedBy()).isEqualTo("threat-intel");
      assertThat(model.created()).isPositive();
    });
  }

  @Test
  void acceptsTheFieldsTheSdkSendsThatTheGatewayDoesNotUse() {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addUserMessage("hello")
        .maxCompletionTokens(1)
        .n(1)
        .user("analyst-7")
        .seed(42)
        .temperature(0.2)
        .topP(1.0)
        .presencePenalty(0.0)
        .frequencyPenalty(0.0)
        .stop("\n\n")
        .parallelToolCalls(true)
        .logprobs(false)
        .build();

    ChatCompletion completion = openAi.chat().completions().create(params);

    assertThat(completion.choices().get(0).message().content()).hasValue("[stand-in]");
    JsonNode sent = json(inferences(pods.fullOnPrem).get(0));
    assertThat(sent.path("seed").asLong()).isEqualTo(42);
    assertThat(sent.path("stop").get(0).asText()).isEqualTo("\n\n");
    assertThat(sent.has("user")).isFalse();
    assertThat(sent.has("response_format")).isFalse();
  }

  @Test
  void whatTheGatewayDoesNotDoIsRefusedNotIgnored() {
    List<ChatCompletionCreateParams> unsupported = List.of(
        ChatCompletionCreateParams.builder().model("full").addUserMessage("hello").n(2).build(),
        ChatCompletionCreateParams.builder().model("full").addUserMessage("hello")
            .responseFormat(ResponseFormatJsonObject.builder().build()).build());
    for (ChatCompletionCreateParams params : unsupported) {
      BadRequestException failure = catchThrowableOfType(BadRequestException.class,
          () -> openAi.chat().completions().create(params));
      assertThat(failure).isNotNull();
      assertThat(failure.code()).hasValue("Unsupported");
      assertThat(failure.getMessage()).contains("This gateway");
    }
    assertThat(inferences(pods.fullOnPrem)).as("nothing reached the model").isEmpty();
  }

  @Test
  void tooManyTokensIsTheSdksBadRequest() {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .addUserMessage("hello")
        .model("full")
        .maxCompletionTokens(100_000)
        .build();

    BadRequestException failure = catchThrowableOfType(BadRequestException.class,
        () -> openAi.chat().completions().create(params));

    assertThat(failure).isNotNull();
    assertThat(failure.statusCode()).isEqualTo(400);
    assertThat(failure.code()).hasValue("OutOfRange");
    assertThat(failure.type()).hasValue("invalid_request_error");
    assertThat(failure.param()).isEmpty();
    assertThat(failure.getMessage()).isEqualTo("400: The field 'max_completion_tokens' must be from 1 to 512.");
    assertThat(pods.all()).allSatisfy(djl -> assertThat(inferences(djl)).isEmpty());
  }

  @Test
  void anUnknownPriorityIsTheSdksBadRequest() {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addUserMessage("hello")
        .putAdditionalHeader("X-Shield-Priority", "urgent")
        .build();

    BadRequestException failure = catchThrowableOfType(BadRequestException.class,
        () -> openAi.chat().completions().create(params));

    assertThat(failure).isNotNull();
    assertThat(failure.code()).hasValue("InvalidField");
    assertThat(failure.getMessage())
        .isEqualTo("400: The header X-Shield-Priority must be one of: critical, high, normal, low.");
  }

  @Test
  void aBusyUpstreamIsTheSdksServerErrorWithItsStatusAndRetryAfter() {
    pods.fullOnPrem.script().next(Behaviour.wlmCapacity());
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("full")
        .addUserMessage("hello")
        .build();

    InternalServerException failure = catchThrowableOfType(InternalServerException.class,
        () -> openAi.chat().completions().createStreaming(params).close());

    assertThat(failure).isNotNull();
    assertThat(failure.statusCode()).isEqualTo(503);
    assertThat(failure.headers().values("Retry-After")).containsExactly("1");
    assertThat(failure.code()).hasValue("UpstreamBusy");
    assertThat(failure.type()).hasValue("server_error");
    assertThat(failure.getMessage()).isEqualTo("503: The model server is busy; try again shortly.");
  }

  @Test
  void aFailedUpstreamIsTheSdksServerErrorWithItsStatus() {
    pods.liteOnPrem.script().always(Behaviour.engineDied());
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("lite")
        .addUserMessage("hello")
        .putAdditionalHeader("X-Shield-Priority", "low")
        .build();

    OpenAIServiceException failure = catchThrowableOfType(InternalServerException.class,
        () -> openAi.chat().completions().create(params));

    assertThat(failure).isNotNull();
    assertThat(failure.statusCode()).isEqualTo(502);
    assertThat(failure.code()).hasValue("UpstreamFailed");
    assertThat(failure.getMessage()).isEqualTo("502: The model server failed to answer.");
  }
}
