package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The {@code details} of a generation, present only when {@code parameters.details} was true (and on the last line
 * of a stream): why it stopped ({@code length}, {@code eos_token}, {@code stop_sequence}), how many tokens, the
 * seed and the tokens themselves.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationDetails(
    @JsonProperty("finish_reason") String finishReason,
    @JsonProperty("generated_tokens") Integer generatedTokens,
    @JsonProperty("seed") Long seed,
    @JsonProperty("tokens") List<GeneratedToken> tokens) {

  public GenerationDetails {
    tokens = tokens == null ? null : List.copyOf(tokens);
  }
}
