package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * The OpenAI chat completions request DJL's {@code POST /v1/chat/completions} reads. Absent fields are not written,
 * so DJL applies its defaults. The client sets {@code stream} itself, according to the method called, and sends
 * {@code stream_options} only with a stream (OpenAI refuses it otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionRequest(
    @JsonProperty("model") String model,
    @JsonProperty("messages") List<ChatMessage> messages,
    @JsonProperty("max_tokens") Integer maxTokens,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("top_p") Double topP,
    @JsonProperty("n") Integer n,
    @JsonProperty("stop") List<String> stop,
    @JsonProperty("seed") Long seed,
    @JsonProperty("presence_penalty") Double presencePenalty,
    @JsonProperty("frequency_penalty") Double frequencyPenalty,
    @JsonProperty("stream") Boolean stream,
    @JsonProperty("stream_options") StreamOptions streamOptions) {

  /** {@code include_usage}: end the stream with a chunk of no choices and the usage of the whole answer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
  }

  public ChatCompletionRequest {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    stop = stop == null ? null : List.copyOf(stop);
  }

  public static ChatCompletionRequest of(String model, List<ChatMessage> messages) {
    return new ChatCompletionRequest(model, messages, null, null, null, null, null, null, null, null, null, null);
  }

  public ChatCompletionRequest withMaxTokens(int value) {
    return new ChatCompletionRequest(model, messages, value, temperature, topP, n, stop, seed, presencePenalty,
        frequencyPenalty, stream, streamOptions);
  }

  ChatCompletionRequest withStream(boolean value) {
    return new ChatCompletionRequest(model, messages, maxTokens, temperature, topP, n, stop, seed,
        presencePenalty, frequencyPenalty, value, value ? streamOptions : null);
  }

  @Override
  public String toString() {
    return "ChatCompletionRequest[model=" + model + ", messages=" + messages + ", maxTokens=" + maxTokens
        + ", temperature=" + temperature + ", topP=" + topP + ", n=" + n + ", stop=" + Redacted.texts(stop)
        + ", seed=" + seed + ", stream=" + stream + ", streamOptions=" + streamOptions + "]";
  }
}
