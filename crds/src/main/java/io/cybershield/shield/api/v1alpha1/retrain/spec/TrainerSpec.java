package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The training Job of a run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "image", "command", "args", "env", "gpu", "resources", "placement", "hyperparameters",
    "datasets", "outputUri", "timeout" })
@SchemaCustomizer(value = ListTypes.class, input = "datasets=map(name)")
@ValidationRule(value = "!has(self.placement) || self.placement.pool != 'private-cloud'"
    + " || !self.datasets.exists(d, d.classification == 'restricted')",
    message = "restricted datasets may only be trained on premises: set placement.pool to onprem")
public class TrainerSpec {

  @Required
  @Size(min = 1, max = 512)
  @JsonPropertyDescription("Trainer container image.")
  private String image;

  @Size(max = 32)
  @JsonPropertyDescription("Entrypoint of the container; the image's ENTRYPOINT when omitted.")
  private List<@Size(max = 1024) String> command;

  @Size(max = 64)
  @JsonPropertyDescription("Arguments to the entrypoint; the image's CMD when omitted.")
  private List<@Size(max = 1024) String> args;

  @Size(max = 64)
  @JsonPropertyDescription("Extra environment of the container. The operator also sets SHIELD_DATASETS, "
      + "SHIELD_HYPERPARAMETERS, SHIELD_OUTPUT_URI and SHIELD_RUN.")
  private List<EnvVar> env;

  @JsonPropertyDescription("GPUs of the training pod. Omit to train on CPUs.")
  private GpuRequest gpu;

  @JsonPropertyDescription("CPU and memory requests and limits of the training container.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("Where the training and validation Jobs run; on premises by default.")
  private TrainerPlacement placement;

  @Size(max = 64)
  @JsonPropertyDescription("Hyperparameters passed to the trainer as a JSON object in SHIELD_HYPERPARAMETERS, for "
      + "example learningRate: \"2e-5\", epochs: \"3\", batchSize: \"16\", loraRank: \"16\".")
  private Map<String, @Size(max = 256) String> hyperparameters;

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("Training datasets, each with a unique name and a data classification.")
  private List<Dataset> datasets;

  @Size(max = ApiValidation.MAX_URI_LENGTH)
  @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
  @JsonPropertyDescription("Where runs write new weights; each run writes <outputUri>/<version>. Defaults to the "
      + "ShieldModel's spec.model.uri.")
  private String outputUri;

  @Size(max = 32)
  @Pattern(ApiValidation.DURATION)
  @JsonPropertyDescription("Longest a training Job may run (its activeDeadlineSeconds), as a Go duration such as "
      + "36h. Unlimited when omitted.")
  private String timeout;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public GpuRequest getGpu() {
    return gpu;
  }

  public void setGpu(GpuRequest gpu) {
    this.gpu = gpu;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public TrainerPlacement getPlacement() {
    return placement;
  }

  public void setPlacement(TrainerPlacement placement) {
    this.placement = placement;
  }

  public Map<String, String> getHyperparameters() {
    return hyperparameters;
  }

  public void setHyperparameters(Map<String, String> hyperparameters) {
    this.hyperparameters = hyperparameters;
  }

  public List<Dataset> getDatasets() {
    return datasets;
  }

  public void setDatasets(List<Dataset> datasets) {
    this.datasets = datasets;
  }

  public String getOutputUri() {
    return outputUri;
  }

  public void setOutputUri(String outputUri) {
    this.outputUri = outputUri;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    TrainerSpec that = (TrainerSpec) o;
    return Objects.equals(image, that.image)
        && Objects.equals(command, that.command)
        && Objects.equals(args, that.args)
        && Objects.equals(env, that.env)
        && Objects.equals(gpu, that.gpu)
        && Objects.equals(resources, that.resources)
        && Objects.equals(placement, that.placement)
        && Objects.equals(hyperparameters, that.hyperparameters)
        && Objects.equals(datasets, that.datasets)
        && Objects.equals(outputUri, that.outputUri)
        && Objects.equals(timeout, that.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(image, command, args, env, gpu, resources, placement, hyperparameters, datasets, outputUri,
        timeout);
  }

  @Override
  public String toString() {
    return "TrainerSpec{image=" + image
        + ", command=" + command
        + ", args=" + args
        + ", env=" + env
        + ", gpu=" + gpu
        + ", resources=" + resources
        + ", placement=" + placement
        + ", hyperparameters=" + hyperparameters
        + ", datasets=" + datasets
        + ", outputUri=" + outputUri
        + ", timeout=" + timeout
        + "}";
  }
}
