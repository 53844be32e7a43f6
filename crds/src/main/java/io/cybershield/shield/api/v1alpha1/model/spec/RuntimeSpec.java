package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.sundr.builder.annotations.Buildable;

import java.util.List;
import java.util.Map;

/** DJL Serving settings shared by all variants. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "image", "imagePullSecrets", "tensorParallelDegree", "dtype", "maxModelLen", "rollingBatch",
    "quantize", "options" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record RuntimeSpec(
    @Default(DEFAULT_IMAGE)
    @Size(min = 1, max = 512)
    @JsonPropertyDescription("DJL Serving container image. Defaults to the LMI image "
        + "deepjavalibrary/djl-serving:0.36.0-lmi; use the -cpu image for CPU-only variants.")
    String image,

    @Size(max = 8)
    @JsonPropertyDescription("Secrets used to pull the image from a private registry.")
    List<LocalObjectReference> imagePullSecrets,

    @Default("1")
    @Min(1)
    @Max(16)
    @JsonPropertyDescription("Number of GPUs a model replica is sharded over (option.tensor_parallel_degree). "
        + "A variant with fewer GPUs uses its gpu.count instead. Defaults to 1.")
    Integer tensorParallelDegree,

    @JsonPropertyDescription("Data type the weights are loaded in: auto, fp16, bf16 or fp32. DJL Serving chooses "
        + "when omitted.")
    Dtype dtype,

    @Min(1)
    @Max(1048576)
    @JsonPropertyDescription("Maximum context length in tokens, prompt and output together (option.max_model_len).")
    Integer maxModelLen,

    @JsonPropertyDescription("Continuous batching engine (option.rolling_batch): auto, vllm, trtllm or disable.")
    RollingBatch rollingBatch,

    @JsonPropertyDescription("Quantization of the weights for all variants (option.quantize): awq or gptq for "
        + "pre-quantized weights, fp8 or bitsandbytes to quantize at load time. A variant may set its own.")
    Quantization quantize,

    @Size(max = 64)
    @ValidationRule(value = "self.all(k, !(k in ['model_id', 'tensor_parallel_degree', 'dtype', 'quantize', "
        + "'rolling_batch', 'max_model_len']))",
        message = "model_id, tensor_parallel_degree, dtype, quantize, rolling_batch and max_model_len are set by "
            + "their own spec.runtime fields, not by options")
    @JsonPropertyDescription("Further DJL Serving options, rendered as OPTION_<NAME> environment variables (names "
        + "of letters, digits and '_'), for example max_rolling_batch_size: \"64\" or gpu_memory_utilization: "
        + "\"0.9\". The options with their own field here may not be repeated.")
    Map<String, @Size(max = 1024) String> options) {

  /** The DJL Serving LMI image served when spec.runtime.image is not set. */
  public static final String DEFAULT_IMAGE = "deepjavalibrary/djl-serving:0.36.0-lmi";
}
