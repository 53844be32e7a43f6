package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Quantization of the weights (DJL Serving option.quantize). */
public enum Quantization {
  /** Pre-quantized AWQ weights. */
  @JsonProperty("awq")
  AWQ,
  /** Pre-quantized GPTQ weights. */
  @JsonProperty("gptq")
  GPTQ,
  /** FP8 quantization at load time. */
  @JsonProperty("fp8")
  FP8,
  /** bitsandbytes quantization at load time. */
  @JsonProperty("bitsandbytes")
  BITSANDBYTES
}
