package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;
import java.util.Objects;

/** One way of serving the model, for the request priorities it takes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "uri", "priorities", "gpu", "quantize", "tensorParallelDegree", "resources" })
@SchemaCustomizer(value = ListTypes.class, input = "priorities=set")
@ValidationRule(value = "!has(self.tensorParallelDegree)"
    + " || (has(self.gpu) ? self.tensorParallelDegree <= self.gpu.count : self.tensorParallelDegree == 1)",
    message = "tensorParallelDegree may not exceed gpu.count (a CPU-only variant has a degree of 1)")
public class Variant {

  /** Longest variant name, so that {@code <model>-<variant>-onprem} stays a valid 63-character name. */
  public static final int MAX_NAME_LENGTH = 16;

  @Required
  @Size(min = 1, max = MAX_NAME_LENGTH)
  @Pattern(ApiValidation.DNS_LABEL)
  @JsonPropertyDescription("Name of the variant, unique within the model, for example full or lite. Part of the "
      + "names of the variant's Deployments (<model>-<variant>-onprem, <model>-<variant>-cloud) and Service "
      + "(<model>-<variant>).")
  private String name;

  @Size(max = ApiValidation.MAX_URI_LENGTH)
  @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
  @JsonPropertyDescription("Own weights of this variant, for example distilled or quantized ones, in the same forms "
      + "as spec.model.uri. The variant serves spec.model.uri when omitted.")
  private String uri;

  @Required
  @Size(min = 1, max = 4)
  @JsonPropertyDescription("Request priorities this variant serves: critical, high, normal, low. Each priority is "
      + "served by at most one variant of the model.")
  private List<Priority> priorities;

  @JsonPropertyDescription("GPUs per replica. Omit for a CPU-only variant (for small models, with a -cpu image).")
  private GpuRequest gpu;

  @JsonPropertyDescription("Quantization of this variant's weights; overrides spec.runtime.quantize.")
  private Quantization quantize;

  @Min(1)
  @Max(16)
  @JsonPropertyDescription("Tensor-parallel degree of this variant; at most gpu.count. Defaults to "
      + "spec.runtime.tensorParallelDegree, capped at gpu.count.")
  private Integer tensorParallelDegree;

  @JsonPropertyDescription("CPU and memory requests and limits of the model container. The GPU limit comes from "
      + "gpu and must not be set here.")
  private ResourceRequirements resources;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public List<Priority> getPriorities() {
    return priorities;
  }

  public void setPriorities(List<Priority> priorities) {
    this.priorities = priorities;
  }

  public GpuRequest getGpu() {
    return gpu;
  }

  public void setGpu(GpuRequest gpu) {
    this.gpu = gpu;
  }

  public Quantization getQuantize() {
    return quantize;
  }

  public void setQuantize(Quantization quantize) {
    this.quantize = quantize;
  }

  public Integer getTensorParallelDegree() {
    return tensorParallelDegree;
  }

  public void setTensorParallelDegree(Integer tensorParallelDegree) {
    this.tensorParallelDegree = tensorParallelDegree;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Variant that = (Variant) o;
    return Objects.equals(name, that.name)
        && Objects.equals(uri, that.uri)
        && Objects.equals(priorities, that.priorities)
        && Objects.equals(gpu, that.gpu)
        && Objects.equals(quantize, that.quantize)
        && Objects.equals(tensorParallelDegree, that.tensorParallelDegree)
        && Objects.equals(resources, that.resources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, uri, priorities, gpu, quantize, tensorParallelDegree, resources);
  }

  @Override
  public String toString() {
    return "Variant{name=" + name
        + ", uri=" + uri
        + ", priorities=" + priorities
        + ", gpu=" + gpu
        + ", quantize=" + quantize
        + ", tensorParallelDegree=" + tensorParallelDegree
        + ", resources=" + resources
        + "}";
  }
}
