package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One line of a streaming chat answer: an OpenAI {@code chat.completion.chunk} object. DJL writes them as jsonlines,
 * without the {@code data:} prefix and without a {@code [DONE]} line; the public API adds both for OpenAI clients.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionChunk(
    @JsonProperty("id") String id,
    @JsonProperty("object") String object,
    @JsonProperty("created") Long created,
    @JsonProperty("model") String model,
    @JsonProperty("choices") List<ChatChunkChoice> choices,
    @JsonProperty("usage") ChatUsage usage) {

  public ChatCompletionChunk {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }
}
