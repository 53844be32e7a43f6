package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/** An OpenAI chat message: {@code {"role": "system|user|assistant", "content": "..."}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(@JsonProperty("role") String role, @JsonProperty("content") String content) {

  public ChatMessage {
    Objects.requireNonNull(role, "role");
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }

  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", content);
  }

  @Override
  public String toString() {
    return "ChatMessage[role=" + role + ", content=" + Redacted.text(content) + "]";
  }
}
