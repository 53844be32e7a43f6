package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of a non-streaming generation: {@code {"generated_text": "...", "details": {...}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationResponse(
    @JsonProperty("generated_text") String generatedText,
    @JsonProperty("details") GenerationDetails details) {

  @Override
  public String toString() {
    return "GenerationResponse[generatedText=" + Redacted.text(generatedText) + ", details=" + details + "]";
  }
}
