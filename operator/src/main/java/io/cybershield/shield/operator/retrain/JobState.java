package io.cybershield.shield.operator.retrain;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator reads of one Job of a run: whether it is still running, succeeded or failed (its
 * {@code Complete} and {@code Failed} conditions, as the Job controller writes them), and what its container said on
 * the way out — the termination message of the pod that succeeded or, for a failed Job, of the last pod that failed,
 * with its exit code and reason.
 *
 * @param name               the Job's name
 * @param outcome            running, succeeded or failed
 * @param reason             the reason of the Job's terminal condition (for example {@code BackoffLimitExceeded},
 *                           {@code DeadlineExceeded}); null while running
 * @param message            the message of that condition; null while running
 * @param terminationMessage the container's termination message, or null when no pod reported one
 * @param exitCode           the container's exit code, or null
 * @param containerReason    why the container terminated ({@code Completed}, {@code Error}, {@code OOMKilled}), or
 *                           null
 */
public record JobState(String name, Outcome outcome, String reason, String message, String terminationMessage,
                       Integer exitCode, String containerReason) {

  /** Where a Job is. */
  public enum Outcome {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** The state of a Job from the Job and its pods; {@code container} is the container whose result counts. */
  public static JobState of(Job job, Collection<Pod> pods, String container) {
    Objects.requireNonNull(job, "job");
    List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null ? List.of()
        : job.getStatus().getConditions();
    JobCondition complete = terminal(conditions, "Complete");
    JobCondition failed = terminal(conditions, "Failed");
    Outcome outcome = complete != null ? Outcome.SUCCEEDED : failed != null ? Outcome.FAILED : Outcome.RUNNING;
    JobCondition condition = complete != null ? complete : failed;
    String wantedPhase = outcome == Outcome.SUCCEEDED ? "Succeeded" : "Failed";
    Optional<ContainerStateTerminated> terminated = outcome == Outcome.RUNNING ? Optional.empty()
        : pods.stream()
            .filter(pod -> pod.getStatus() != null && wantedPhase.equals(pod.getStatus().getPhase()))
            .map(pod -> terminated(pod, container))
            .flatMap(Optional::stream)
            .max(Comparator.comparing(t -> t.getFinishedAt() == null ? "" : t.getFinishedAt()));
    return new JobState(job.getMetadata().getName(), outcome,
        condition == null ? null : condition.getReason(), condition == null ? null : condition.getMessage(),
        terminated.map(ContainerStateTerminated::getMessage).orElse(null),
        terminated.map(ContainerStateTerminated::getExitCode).orElse(null),
        terminated.map(ContainerStateTerminated::getReason).orElse(null));
  }

  /** A Job that is still running. */
  public static JobState running(String name) {
    return new JobState(name, Outcome.RUNNING, null, null, null, null, null);
  }

  /** A Job that succeeded with this termination message. */
  public static JobState succeeded(String name, String terminationMessage) {
    return new JobState(name, Outcome.SUCCEEDED, "CompletionsReached", "Reached expected number of succeeded pods",
        terminationMessage, 0, "Completed");
  }

  /** A Job that failed. */
  public static JobState failed(String name, String reason, String message, String terminationMessage,
      Integer exitCode) {
    return new JobState(name, Outcome.FAILED, reason, message, terminationMessage, exitCode, "Error");
  }

  private static JobCondition terminal(List<JobCondition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst()
        .orElse(null);
  }

  private static Optional<ContainerStateTerminated> terminated(Pod pod, String container) {
    List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses() == null ? List.of()
        : pod.getStatus().getContainerStatuses();
    return statuses.stream()
        .filter(status -> container.equals(status.getName()))
        .map(status -> status.getState() == null ? null : status.getState().getTerminated())
        .filter(Objects::nonNull)
        .findFirst();
  }
}
