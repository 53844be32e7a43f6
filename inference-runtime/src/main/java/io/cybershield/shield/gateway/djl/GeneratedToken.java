package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One token as DJL reports it: {@code {"id": 42, "text": " the", "logprob": -0.12}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeneratedToken(
    @JsonProperty("id") Long id,
    @JsonProperty("text") String text,
    @JsonProperty("logprob") Double logprob) {

  @Override
  public String toString() {
    return "GeneratedToken[id=" + id + ", text=" + Redacted.text(text) + ", logprob=" + logprob + "]";
  }
}
