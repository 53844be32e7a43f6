package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One of {@code choices[]} of a {@code chat.completion.chunk}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatChunkChoice(
    @JsonProperty("index") Integer index,
    @JsonProperty("delta") ChatDelta delta,
    @JsonProperty("finish_reason") String finishReason) {
}
