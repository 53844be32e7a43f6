package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data type the weights are loaded in (DJL Serving option.dtype). */
public enum Dtype {
  @JsonProperty("auto")
  AUTO,
  @JsonProperty("fp16")
  FP16,
  @JsonProperty("bf16")
  BF16,
  @JsonProperty("fp32")
  FP32
}
