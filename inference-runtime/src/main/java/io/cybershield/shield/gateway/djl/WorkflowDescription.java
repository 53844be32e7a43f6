package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One element of DJL's answer to {@code GET /models/{name}}: a workflow (for an LMI pod, one model of the same
 * name) with its models, their queue and their worker groups.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowDescription(
    @JsonProperty("workflowName") String workflowName,
    @JsonProperty("version") String version,
    @JsonProperty("models") List<Model> models) {

  public WorkflowDescription {
    models = models == null ? List.of() : List.copyOf(models);
  }

  /** A model of the workflow: its status ({@code Healthy}, {@code Unhealthy}, {@code PENDING}, {@code FAILED}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Model(
      @JsonProperty("modelName") String modelName,
      @JsonProperty("modelUrl") String modelUrl,
      @JsonProperty("batchSize") Integer batchSize,
      @JsonProperty("maxBatchDelayMillis") Integer maxBatchDelayMillis,
      @JsonProperty("maxIdleSeconds") Integer maxIdleSeconds,
      @JsonProperty("queueSize") Integer queueSize,
      @JsonProperty("requestInQueue") Integer requestInQueue,
      @JsonProperty("status") String status,
      @JsonProperty("loadedAtStartup") Boolean loadedAtStartup,
      @JsonProperty("workerGroups") List<WorkerGroup> workerGroups) {

    public Model {
      workerGroups = workerGroups == null ? List.of() : List.copyOf(workerGroups);
    }
  }

  /** Workers on one device, with the bounds {@code PUT /models/{name}} sets. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WorkerGroup(
      @JsonProperty("device") Device device,
      @JsonProperty("minWorkers") Integer minWorkers,
      @JsonProperty("maxWorkers") Integer maxWorkers,
      @JsonProperty("workers") List<Worker> workers) {

    public WorkerGroup {
      workers = workers == null ? List.of() : List.copyOf(workers);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Device(@JsonProperty("deviceType") String deviceType, @JsonProperty("deviceId") Integer deviceId) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Worker(
      @JsonProperty("id") Integer id,
      @JsonProperty("startTime") String startTime,
      @JsonProperty("status") String status) {
  }
}
