package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The {@code parameters} of a DJL generation body (TGI style). Every field is optional; DJL applies its own default
 * to an absent one ({@code max_new_tokens} 30), so absent fields are not written. {@code seed} makes sampling
 * repeatable and comes back in the details.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationParameters(
    @JsonProperty("max_new_tokens") Integer maxNewTokens,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("top_p") Double topP,
    @JsonProperty("do_sample") Boolean doSample,
    @JsonProperty("details") Boolean details,
    @JsonProperty("stop_sequences") List<String> stopSequences,
    @JsonProperty("seed") Long seed) {

  public GenerationParameters {
    stopSequences = stopSequences == null ? null : List.copyOf(stopSequences);
  }

  public static GenerationParameters none() {
    return new GenerationParameters(null, null, null, null, null, null, null);
  }

  public GenerationParameters withMaxNewTokens(int value) {
    return new GenerationParameters(value, temperature, topP, doSample, details, stopSequences, seed);
  }

  public GenerationParameters withDetails(boolean value) {
    return new GenerationParameters(maxNewTokens, temperature, topP, doSample, value, stopSequences, seed);
  }

  public GenerationParameters withSeed(long value) {
    return new GenerationParameters(maxNewTokens, temperature, topP, doSample, details, stopSequences, value);
  }

  public GenerationParameters withStopSequences(List<String> value) {
    return new GenerationParameters(maxNewTokens, temperature, topP, doSample, details, value, seed);
  }

  @Override
  public String toString() {
    return "GenerationParameters[maxNewTokens=" + maxNewTokens + ", temperature=" + temperature + ", topP=" + topP
        + ", doSample=" + doSample + ", details=" + details + ", stopSequences="
        + Redacted.texts(stopSequences) + ", seed=" + seed + "]";
  }
}
