package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The generation body of {@code POST /invocations}: {@code {"inputs": "...", "parameters": {...}, "stream": false}}.
 * The client sets {@code stream} itself, according to the method called.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationRequest(
    @JsonProperty("inputs") String inputs,
    @JsonProperty("parameters") GenerationParameters parameters,
    @JsonProperty("stream") Boolean stream) {

  public GenerationRequest {
    Objects.requireNonNull(inputs, "inputs");
  }

  public static GenerationRequest of(String inputs, GenerationParameters parameters) {
    return new GenerationRequest(inputs, parameters, null);
  }

  GenerationRequest withStream(boolean value) {
    return new GenerationRequest(inputs, parameters, value);
  }

  @Override
  public String toString() {
    return "GenerationRequest[inputs=" + Redacted.text(inputs) + ", parameters=" + parameters + ", stream="
        + stream + "]";
  }
}
