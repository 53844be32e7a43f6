package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a streaming generation ({@code application/jsonlines}):
 * {@code {"index":0,"token":{"id":..,"text":"..","logprob":..},"generated_text":null,"details":null}}. The last token
 * line carries the whole {@code generated_text} (and the details, when asked for).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamedToken(
    @JsonProperty("index") Integer index,
    @JsonProperty("token") GeneratedToken token,
    @JsonProperty("generated_text") String generatedText,
    @JsonProperty("details") GenerationDetails details) {

  /** Whether this is the line that closes the generation. */
  public boolean isLast() {
    return generatedText != null;
  }

  @Override
  public String toString() {
    return "StreamedToken[index=" + index + ", token=" + token + ", generatedText=" + Redacted.text(generatedText)
        + ", details=" + details + "]";
  }
}
