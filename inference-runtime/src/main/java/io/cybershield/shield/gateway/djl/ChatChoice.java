package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One of {@code choices[]} of a chat completion: the message and why generation stopped. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatChoice(
    @JsonProperty("index") Integer index,
    @JsonProperty("message") ChatMessage message,
    @JsonProperty("finish_reason") String finishReason) {
}
