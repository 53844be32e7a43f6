package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Continuous batching engine of DJL Serving (option.rolling_batch). */
public enum RollingBatch {
  @JsonProperty("auto")
  AUTO,
  @JsonProperty("vllm")
  VLLM,
  @JsonProperty("trtllm")
  TRTLLM,
  @JsonProperty("disable")
  DISABLE
}
