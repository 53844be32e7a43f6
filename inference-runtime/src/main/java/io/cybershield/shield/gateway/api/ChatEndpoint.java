package io.cybershield.shield.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.djl.ChatChoice;
import io.cybershield.shield.gateway.djl.ChatChunkChoice;
import io.cybershield.shield.gateway.djl.ChatCompletion;
import io.cybershield.shield.gateway.djl.ChatCompletionChunk;
import io.cybershield.shield.gateway.djl.ChatCompletionRequest;
import io.cybershield.shield.gateway.djl.ChatDelta;
import io.cybershield.shield.gateway.djl.ChatMessage;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.djl.Deadline;
import io.cybershield.shield.gateway.guard.Guards;
import io.cybershield.shield.gateway.guard.output.OutputGuard;
import io.cybershield.shield.gateway.security.Caller;
import io.cybershield.shield.gateway.djl.DjlClient;
import io.cybershield.shield.gateway.metrics.RequestObservation;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /v1/chat/completions}, as OpenAI clients call it: the OpenAI request and answer, streamed as
 * server-sent events ({@code data: <chat.completion.chunk>} lines, then {@code data: [DONE]}) translated from DJL's
 * jsonlines; {@code stream_options.include_usage} is passed on, so the stream ends with a usage chunk. Fields that
 * change nothing here ({@code user}, {@code logprobs: false}, ...) are ignored; what the gateway does not do
 * ({@code n} above 1, tools, response formats other than text) is refused with 400 {@code Unsupported};
 * the variant that serves the request is the one its priority names, whatever {@code model} says. Served by
 * {@link InferenceRoutes}.
 */
@ApplicationScoped
public class ChatEndpoint {

  static final String SSE = "text/event-stream";
  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
  private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

  @Inject
  Dispatcher dispatcher;

  @Inject
  DjlClient djl;

  @Inject
  GatewayConfig config;

  @Inject
  Admission admission;

  @Inject
  Guards guards;

  Uni<Reply> complete(String priorityHeader, String classificationHeader, byte[] body, RequestObservation observation,
      Caller caller, CallRecord call) {
    JsonBody json = JsonBody.parse(body);
    Priority priority = JsonBody.priority("header X-Shield-Priority", priorityHeader);
    DataClassification classification = JsonBody.classification("header X-Shield-Classification",
        classificationHeader);
    List<ChatMessage> messages = messages(json);
    Integer maxTokens = json.optionalInt("max_tokens", 1, config.maxTokens());
    Integer maxCompletionTokens = json.optionalInt("max_completion_tokens", 1, config.maxTokens());
    Double temperature = json.optionalNumber("temperature", 0, 2);
    Double topP = json.optionalNumber("top_p", 0, 1);
    Double presencePenalty = json.optionalNumber("presence_penalty", -2, 2);
    Double frequencyPenalty = json.optionalNumber("frequency_penalty", -2, 2);
    refuseWhatIsNotDone(json);
    Long seed = json.optionalLong("seed");
    List<String> stop = stop(json);
    if (json.get("model") != null) {
      JsonBody.string("model", json.get("model"));
    }
    boolean stream = Boolean.TRUE.equals(json.optionalBoolean("stream"));
    ChatCompletionRequest.StreamOptions streamOptions = streamOptions(json);
    int tokens = maxTokens != null ? maxTokens : maxCompletionTokens != null ? maxCompletionTokens
        : config.defaultMaxTokens();
    // what the answer must not repeat: the instructions the caller's application gave the model
    List<String> systemPrompts = messages.stream()
        .filter(message -> "system".equals(message.role()) || "developer".equals(message.role()))
        .map(ChatMessage::content).toList();
    ChatCompletionRequest request = new ChatCompletionRequest(null, messages, tokens, temperature, topP, null, stop,
        seed, presencePenalty, frequencyPenalty, null, streamOptions);
    Deadline deadline = Deadline.in(config.requestDeadline());
    // the input guards read every message: off the event loop, so a long hostile prompt holds up no other request
    return Uni.createFrom().item(() -> admission.admit(caller, call,
            messages.stream().map(ChatMessage::content).toList(), priority, classification, tokens))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(admitted -> routed(admitted, priority, request, systemPrompts, deadline, stream, observation, call));
  }

  private Uni<Reply> routed(Admission.Admitted admitted, Priority priority, ChatCompletionRequest request,
      List<String> systemPrompts, Deadline deadline, boolean stream, RequestObservation observation,
      CallRecord call) {
    DataClassification routed = admitted.classification();
    if (!stream) {
      return dispatcher.call(priority, routed, deadline,
              (endpoint, left) -> djl.chat(endpoint, request, left))
          .onFailure().invoke(admitted::failed)
          .map(answer -> {
            ChatCompletion completion = answer.value();
            call.served(answer.served().variant(), answer.served().pool());
            admitted.ended(completion.usage() == null ? null : completion.usage().completionTokens());
            List<ChatChoice> choices = completion.choices() == null ? null : completion.choices().stream()
                .map(choice -> {
                  if (choice.message() == null || choice.message().content() == null) {
                    return choice;
                  }
                  OutputGuard.Checked checked = guards.output().check(choice.message().content(), systemPrompts);
                  guards.found(checked.verdict(), call, InferenceRoutes.CHAT);
                  return new ChatChoice(choice.index(), new ChatMessage(choice.message().role(), checked.text()),
                      choice.finishReason());
                }).toList();
            return Reply.json(new ChatCompletion(completion.id(), completion.object(), completion.created(),
                answer.served().variant(), choices, completion.usage()), answer.served(), observation);
          });
    }
    return dispatcher.stream(priority, routed, deadline,
            (endpoint, left) -> djl.chatStream(endpoint, request, left))
        .onFailure().invoke(admitted::failed)
        .map(started -> {
          String variant = started.served().variant();
          call.served(variant, started.served().pool());
          // the deltas carry the text the output guard lets through, held back by its window (see GenerateEndpoint)
          OutputGuard.Stream checked = guards.output().stream(systemPrompts);
          AtomicBoolean finished = new AtomicBoolean();
          AtomicReference<ChatCompletionChunk> last = new AtomicReference<>();
          AtomicReference<Integer> generated = new AtomicReference<>();
          Multi<Buffer> events = Multi.createBy().concatenating()
              .streams(Multi.createFrom().item(started.first()), started.rest())
              .map(chunk -> {
                last.set(chunk);
                if (chunk.usage() != null && chunk.usage().completionTokens() != null) {
                  generated.set(chunk.usage().completionTokens());
                }
                List<ChatChunkChoice> choices = chunk.choices() == null ? null : chunk.choices().stream()
                    .map(choice -> guarded(choice, checked, finished)).toList();
                return event(new ChatCompletionChunk(chunk.id(), chunk.object(), chunk.created(), variant, choices,
                    chunk.usage()));
              });
          Multi<Buffer> tail = Multi.createFrom().deferred(() -> {
            String rest = finished.get() ? "" : checked.finish();
            guards.found(checked.verdict(), call, InferenceRoutes.CHAT);
            admitted.ended(generated.get());
            ChatCompletionChunk previous = last.get();
            if (rest.isEmpty() || previous == null) {
              return Multi.createFrom().item(DONE);
            }
            return Multi.createFrom().items(event(new ChatCompletionChunk(previous.id(), previous.object(),
                previous.created(), variant, List.of(new ChatChunkChoice(0, new ChatDelta(null, rest), null)),
                null)), DONE);
          });
          Multi<Buffer> all = Multi.createBy().concatenating()
              .streams(events, tail)
              .onFailure().recoverWithItem(failure -> event(midStream(failure, deadline, observation, call)));
          return Reply.stream(SSE, started.served(), all, observation);
        });
  }

  /**
   * What an OpenAI client may ask that the gateway does not do is refused (400 {@code Unsupported}), never silently
   * ignored: a client that asked for tools, several choices or a JSON answer and got plain text would take it for
   * what it asked. {@code n: 1}, {@code tools: []}, {@code tool_choice: "none"} and {@code response_format: {type:
   * text}} ask for nothing more and pass.
   */
  private static void refuseWhatIsNotDone(JsonBody json) {
    Integer n = json.optionalInt("n", 1, 128);
    if (n != null && n != 1) {
      throw ApiException.badRequest("Unsupported", "This gateway answers one choice per request: 'n' must be 1, not "
          + n + ".");
    }
    JsonNode tools = json.get("tools");
    if (tools != null && !(tools.isNull() || tools.isArray() && tools.isEmpty()) || json.get("functions") != null
        && !json.get("functions").isNull()) {
      throw ApiException.badRequest("Unsupported", "This gateway does not make tool or function calls: remove "
          + "'tools' (or 'functions').");
    }
    JsonNode toolChoice = json.get("tool_choice");
    if (toolChoice != null && !toolChoice.isNull() && !"none".equals(toolChoice.asText(null))) {
      throw ApiException.badRequest("Unsupported", "This gateway does not make tool calls: 'tool_choice' may only "
          + "be \"none\".");
    }
    JsonNode format = json.get("response_format");
    if (format != null && !format.isNull() && !"text".equals(format.path("type").asText(null))) {
      throw ApiException.badRequest("Unsupported", "This gateway does not enforce response formats: remove "
          + "'response_format' or set its type to \"text\".");
    }
  }

  /** A chunk's choice with the text the output guard lets through; the rest of the answer goes with its finish. */
  private static ChatChunkChoice guarded(ChatChunkChoice choice, OutputGuard.Stream checked, AtomicBoolean finished) {
    ChatDelta delta = choice.delta();
    String content = delta == null ? null : delta.content();
    String safe = checked.accept(content == null ? "" : content);
    if (choice.finishReason() != null && finished.compareAndSet(false, true)) {
      safe = safe + checked.finish();
    }
    String sent = content == null && safe.isEmpty() ? null : safe;
    return new ChatChunkChoice(choice.index(), new ChatDelta(delta == null ? null : delta.role(), sent),
        choice.finishReason());
  }

  private static Buffer event(Object data) {
    return Buffer.buffer("data: ", StandardCharsets.UTF_8.name()).appendBuffer(Reply.bytes(data))
        .appendString("\n\n");
  }

  private List<ChatMessage> messages(JsonBody json) {
    JsonNode value = json.get("messages");
    if (value == null) {
      throw ApiException.badRequest("MissingField", "The field 'messages' is required: an array of {role, "
          + "content}.");
    }
    if (!value.isArray() || value.isEmpty()) {
      throw ApiException.badRequest("InvalidField", "The field 'messages' must be a non-empty array of {role, "
          + "content}.");
    }
    if (value.size() > config.maxMessages()) {
      throw ApiException.badRequest("OutOfRange", "The field 'messages' has " + value.size()
          + " messages; at most " + config.maxMessages() + " are accepted.");
    }
    List<ChatMessage> messages = new ArrayList<>();
    int chars = 0;
    for (int i = 0; i < value.size(); i++) {
      JsonNode message = value.get(i);
      String where = "messages[" + i + "]";
      if (!message.isObject()) {
        throw ApiException.badRequest("InvalidField", "The field '" + where + "' must be an object {role, "
            + "content}.");
      }
      JsonNode role = message.get("role");
      if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
        throw ApiException.badRequest("InvalidField", "The field '" + where + ".role' must be one of: system, "
            + "developer, user, assistant, tool.");
      }
      String content = content(where, message.get("content"));
      chars += content.length();
      messages.add(new ChatMessage(role.asText(), content));
    }
    Limits.prompt(config, chars);
    return messages;
  }

  /** A string, or the text parts of an array of content parts (as newer OpenAI clients send). */
  private static String content(String where, JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (part.isObject() && "text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
          text.append(part.path("text").asText());
        } else {
          throw ApiException.badRequest("InvalidField", "The field '" + where + ".content' may only hold text "
              + "parts {type: text, text}.");
        }
      }
      return text.toString();
    }
    throw ApiException.badRequest("InvalidField", "The field '" + where + ".content' must be a string.");
  }

  /** {@code {"include_usage": true|false}}, or null; any other option is ignored. */
  private static ChatCompletionRequest.StreamOptions streamOptions(JsonBody json) {
    JsonNode value = json.get("stream_options");
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw ApiException.badRequest("InvalidField", "The field 'stream_options' must be an object "
          + "{include_usage}.");
    }
    JsonNode includeUsage = value.get("include_usage");
    if (includeUsage == null || includeUsage.isNull()) {
      return null;
    }
    if (!includeUsage.isBoolean()) {
      throw ApiException.badRequest("InvalidField", "The field 'stream_options.include_usage' must be true or "
          + "false.");
    }
    return new ChatCompletionRequest.StreamOptions(includeUsage.asBoolean());
  }

  private static List<String> stop(JsonBody json) {
    JsonNode value = json.get("stop");
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (value.isArray()) {
      List<String> stop = new ArrayList<>();
      for (JsonNode item : value) {
        stop.add(JsonBody.string("stop", item));
      }
      return stop;
    }
    throw ApiException.badRequest("InvalidField", "The field 'stop' must be a string or an array of strings.");
  }

  /** A failure after the stream began: its last line, and its code in the audit line. */
  private static io.cybershield.shield.gateway.error.ErrorBody midStream(Throwable failure, Deadline deadline,
      RequestObservation observation, CallRecord call) {
    io.cybershield.shield.gateway.error.ErrorBody body = ApiErrors.midStream(failure, deadline, observation);
    call.put("error", body.error().code());
    return body;
  }
}
