package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code delta} of a streamed chat choice: the role on the first chunk, then pieces of content. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatDelta(@JsonProperty("role") String role, @JsonProperty("content") String content) {

  @Override
  public String toString() {
    return "ChatDelta[role=" + role + ", content=" + Redacted.text(content) + "]";
  }
}
