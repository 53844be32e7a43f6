package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVar;

import java.util.List;
import java.util.Objects;

/** The validation Job of a run and the thresholds it must meet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "image", "command", "args", "env", "gpu", "dataset", "thresholds", "redTeam", "timeout" })
public class ValidationSpec {

  @Required
  @Size(min = 1, max = 512)
  @JsonPropertyDescription("Evaluator container image. It reports its metrics as one JSON object in the "
      + "container's termination message.")
  private String image;

  @Size(max = 32)
  @JsonPropertyDescription("Entrypoint of the container; the image's ENTRYPOINT when omitted.")
  private List<@Size(max = 1024) String> command;

  @Size(max = 64)
  @JsonPropertyDescription("Arguments to the entrypoint; the image's CMD when omitted.")
  private List<@Size(max = 1024) String> args;

  @Size(max = 64)
  @JsonPropertyDescription("Extra environment of the container.")
  private List<EnvVar> env;

  @JsonPropertyDescription("GPUs of the validation pod. Omit to evaluate on CPUs.")
  private GpuRequest gpu;

  @Required
  @JsonPropertyDescription("The held-out dataset the new version is evaluated on.")
  private EvaluationDataset dataset;

  @Default("{}")
  @JsonPropertyDescription("Lowest precision, recall and F1 a new version needs. Precision defaults to 0.90.")
  private Thresholds thresholds;

  @JsonPropertyDescription("An optional red-team suite and the highest attack success rate allowed.")
  private RedTeam redTeam;

  @Size(max = 32)
  @Pattern(ApiValidation.DURATION)
  @JsonPropertyDescription("Longest a validation Job may run, as a Go duration such as 2h. Unlimited when "
      + "omitted.")
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

  public EvaluationDataset getDataset() {
    return dataset;
  }

  public void setDataset(EvaluationDataset dataset) {
    this.dataset = dataset;
  }

  public Thresholds getThresholds() {
    return thresholds;
  }

  public void setThresholds(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public RedTeam getRedTeam() {
    return redTeam;
  }

  public void setRedTeam(RedTeam redTeam) {
    this.redTeam = redTeam;
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
    ValidationSpec that = (ValidationSpec) o;
    return Objects.equals(image, that.image)
        && Objects.equals(command, that.command)
        && Objects.equals(args, that.args)
        && Objects.equals(env, that.env)
        && Objects.equals(gpu, that.gpu)
        && Objects.equals(dataset, that.dataset)
        && Objects.equals(thresholds, that.thresholds)
        && Objects.equals(redTeam, that.redTeam)
        && Objects.equals(timeout, that.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(image, command, args, env, gpu, dataset, thresholds, redTeam, timeout);
  }

  @Override
  public String toString() {
    return "ValidationSpec{image=" + image
        + ", command=" + command
        + ", args=" + args
        + ", env=" + env
        + ", gpu=" + gpu
        + ", dataset=" + dataset
        + ", thresholds=" + thresholds
        + ", redTeam=" + redTeam
        + ", timeout=" + timeout
        + "}";
  }
}
