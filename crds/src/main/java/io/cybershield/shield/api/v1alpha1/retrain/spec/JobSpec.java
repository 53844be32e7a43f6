package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;
import java.util.Objects;

/** The container of a Job of a run, which reports its result as one JSON object in its termination message. */
public abstract class JobSpec {

  @Required
  @Size(min = 1, max = 512)
  @JsonPropertyDescription("Container image of the Job. The container reports its result as one JSON object in its "
      + "termination message (/dev/termination-log).")
  private String image;

  @Size(max = 32)
  @JsonPropertyDescription("Entrypoint of the container; the image's ENTRYPOINT when omitted.")
  private List<@Size(max = 1024) String> command;

  @Size(max = 64)
  @JsonPropertyDescription("Arguments to the entrypoint; the image's CMD when omitted.")
  private List<@Size(max = 1024) String> args;

  @Size(max = 64)
  @JsonPropertyDescription("Extra environment of the container. The operator also sets SHIELD_RUN and the "
      + "SHIELD_* variables that describe the Job's inputs (datasets, hyperparameters, model URI and version).")
  private List<EnvVar> env;

  @JsonPropertyDescription("GPUs of the Job's pod. Omit to run on CPUs.")
  private GpuRequest gpu;

  @JsonPropertyDescription("CPU and memory requests and limits of the container. The GPU limit comes from gpu.")
  private ResourceRequirements resources;

  @Size(max = 32)
  @Pattern(ApiValidation.DURATION)
  @JsonPropertyDescription("Longest the Job may run (its activeDeadlineSeconds), as a Go duration such as 36h. "
      + "Unlimited when omitted.")
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
    JobSpec that = (JobSpec) o;
    return Objects.equals(image, that.image)
        && Objects.equals(command, that.command)
        && Objects.equals(args, that.args)
        && Objects.equals(env, that.env)
        && Objects.equals(gpu, that.gpu)
        && Objects.equals(resources, that.resources)
        && Objects.equals(timeout, that.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(image, command, args, env, gpu, resources, timeout);
  }

  @Override
  public String toString() {
    return "JobSpec{image=" + image
        + ", command=" + command
        + ", args=" + args
        + ", env=" + env
        + ", gpu=" + gpu
        + ", resources=" + resources
        + ", timeout=" + timeout
        + "}";
  }
}
