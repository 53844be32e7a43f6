package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;

/** The GPUs one pod asks for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "count", "resource", "product" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record GpuRequest(
    @Required
    @Min(1)
    @Max(16)
    @JsonPropertyDescription("Number of GPUs (or MIG slices) per pod, set as the container's resource limit.")
    Integer count,

    @Default(NVIDIA_GPU)
    @Size(max = 63)
    @ValidationRule(value = "self == 'nvidia.com/gpu' || self.matches('^nvidia[.]com/mig-[0-9]+g[.][0-9]+gb$')",
        message = "must be nvidia.com/gpu or a MIG resource such as nvidia.com/mig-3g.40gb")
    @JsonPropertyDescription("Extended resource name of the GPU: nvidia.com/gpu for whole GPUs, or a MIG resource "
        + "nvidia.com/mig-<N>g.<M>gb such as nvidia.com/mig-3g.40gb. Defaults to nvidia.com/gpu.")
    String resource,

    @Size(max = 63)
    @Pattern(ApiValidation.LABEL_VALUE)
    @JsonPropertyDescription("GPU model the pod must run on, matched against the node label nvidia.com/gpu.product "
        + "(for example NVIDIA-H100-80GB-HBM3). Any GPU of the resource type when omitted.")
    String product) {

  /** The extended resource of a whole NVIDIA GPU. */
  public static final String NVIDIA_GPU = "nvidia.com/gpu";
  /** Node label NVIDIA's GPU feature discovery puts the GPU model in; {@code product} is matched against it. */
  public static final String PRODUCT_NODE_LABEL = "nvidia.com/gpu.product";
}
