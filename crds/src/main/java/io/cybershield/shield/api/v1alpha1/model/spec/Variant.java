package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** One way of serving the model, for the request priorities it takes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "name", "uri", "priorities", "gpu", "quantize", "tensorParallelDegree", "resources" })
@SchemaCustomizer(value = ListTypes.class, input = "priorities=set")
@ValidationRule(value = "!has(self.tensorParallelDegree)"
    + " || (has(self.gpu) ? self.tensorParallelDegree <= self.gpu.count : self.tensorParallelDegree == 1)",
    message = "tensorParallelDegree may not exceed gpu.count (a CPU-only variant has a degree of 1)")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record Variant(
    @Required
    @Size(min = 1, max = MAX_NAME_LENGTH)
    @Pattern(ApiValidation.DNS_LABEL)
    @JsonPropertyDescription("Name of the variant, unique within the model, for example full or lite. Part of the "
        + "names of the variant's Deployments (<model>-<variant>-onprem, <model>-<variant>-cloud) and Service "
        + "(<model>-<variant>).")
    String name,

    @Size(max = ApiValidation.MAX_URI_LENGTH)
    @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
    @JsonPropertyDescription("Own weights of this variant, for example distilled or quantized ones, in the same forms "
        + "as spec.model.uri. The variant serves spec.model.uri when omitted.")
    String uri,

    @Required
    @Size(min = 1, max = 4)
    @JsonPropertyDescription("Request priorities this variant serves: critical, high, normal, low. Each priority is "
        + "served by at most one variant of the model.")
    List<Priority> priorities,

    @JsonPropertyDescription("GPUs per replica. Omit for a CPU-only variant (for small models, with a -cpu image).")
    GpuRequest gpu,

    @JsonPropertyDescription("Quantization of this variant's weights; overrides spec.runtime.quantize.")
    Quantization quantize,

    @Min(1)
    @Max(16)
    @JsonPropertyDescription("Tensor-parallel degree of this variant; at most gpu.count. Defaults to "
        + "spec.runtime.tensorParallelDegree, capped at gpu.count.")
    Integer tensorParallelDegree,

    @JsonPropertyDescription("CPU and memory requests and limits of the model container. The GPU limit comes from "
        + "gpu and must not be set here.")
    ResourceRequirements resources) {

  /** Longest variant name, so that {@code <model>-<variant>-onprem} stays a valid 63-character name. */
  public static final int MAX_NAME_LENGTH = 16;
}
