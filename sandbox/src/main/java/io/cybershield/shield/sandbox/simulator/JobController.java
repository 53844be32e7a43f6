package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the Job controller (batch/v1, NonIndexed completion mode): pods up to parallelism/completions, success and
 * failure counting, backoffLimit, activeDeadlineSeconds, suspend, ttlSecondsAfterFinished, and the conditions
 * Kubernetes 1.32 writes ({@code SuccessCriteriaMet} then {@code Complete}; {@code FailureTarget} then
 * {@code Failed}).
 */
final class JobController {

  static final String COMPONENT = "job-controller";
  static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
  static final String LEGACY_JOB_NAME_LABEL = "job-name";
  static final String LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
  static final String BACKOFF_MESSAGE = "Job has reached the specified backoff limit";
  static final String DEADLINE_MESSAGE = "Job was active longer than specified deadline";
  static final String COMPLETE_MESSAGE = "Reached expected number of succeeded pods";

  private final SimContext ctx;
  private final Expectations expectations = new Expectations();

  JobController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String ns, String name) {
    Job job = ctx.cached(ctx.jobs, ns, name);
    if (job == null || job.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String managedBy = job.getSpec().getManagedBy();
    if (managedBy != null && !managedBy.isEmpty() && !"kubernetes.io/job-controller".equals(managedBy)) {
      return;
    }
    Instant now = ctx.now();
    String uid = job.getMetadata().getUid();
    List<Pod> pods = ctx.ownedBy(ctx.pods, uid).stream().filter(p -> uid.equals(SimContext.controllerUid(p))).toList();
    expectations.observe(uid, pods, now);
    JobStatus old = job.getStatus() == null ? new JobStatus() : job.getStatus();
    JobStatus s = SimContext.copy(old);
    List<Pod> active = pods.stream()
        .filter(p -> !PodResources.isTerminal(p) && p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> !expectations.deleting(uid, p.getMetadata().getName()))
        .toList();
    int terminating = (int) pods.stream().filter(p -> !PodResources.isTerminal(p)
        && (p.getMetadata().getDeletionTimestamp() != null || expectations.deleting(uid, p.getMetadata().getName())))
        .count();
    int succeeded = Math.max(nz(old.getSucceeded()),
        (int) pods.stream().filter(p -> "Succeeded".equals(phase(p))).count());
    int failed = Math.max(nz(old.getFailed()), (int) pods.stream().filter(p -> "Failed".equals(phase(p))).count());

    if (finished(old)) {
      deleteActive(job, active, now);
      handleTtl(job, old, now);
      return;
    }

    boolean suspended = Boolean.TRUE.equals(job.getSpec().getSuspend());
    int parallelism = job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
    Integer completions = job.getSpec().getCompletions();
    int backoffLimit = job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
    String restartPolicy = job.getSpec().getTemplate().getSpec() == null ? "Never"
        : job.getSpec().getTemplate().getSpec().getRestartPolicy();
    String t = Times.format(now);
    List<JobCondition> conditions = new ArrayList<>(s.getConditions());

    JobCondition failureTarget = find(conditions, "FailureTarget");
    JobCondition successTarget = find(conditions, "SuccessCriteriaMet");
    if (failureTarget == null && successTarget == null) {
      // failure?
      int restarts = "OnFailure".equals(restartPolicy) ? active.stream().mapToInt(JobController::restarts).sum() : 0;
      boolean backoffExceeded = failed > backoffLimit
          || ("OnFailure".equals(restartPolicy) && (backoffLimit == 0 ? restarts > 0 : restarts >= backoffLimit));
      Instant start = Times.parse(s.getStartTime());
      Long deadline = job.getSpec().getActiveDeadlineSeconds();
      boolean deadlineExceeded = !suspended && deadline != null && start != null
          && !start.plusSeconds(deadline).isAfter(now);
      boolean complete = completions != null ? succeeded >= completions : succeeded > 0 && active.isEmpty();
      if (complete) {
        successTarget = cond("SuccessCriteriaMet", "CompletionsReached", COMPLETE_MESSAGE, t);
        conditions.add(successTarget);
      } else if (backoffExceeded || deadlineExceeded) {
        String reason = backoffExceeded ? "BackoffLimitExceeded" : "DeadlineExceeded";
        String message = backoffExceeded ? BACKOFF_MESSAGE : DEADLINE_MESSAGE;
        failureTarget = cond("FailureTarget", reason, message, t);
        conditions.add(failureTarget);
        ctx.events.warning(job, reason, message, COMPONENT, null);
      } else if (deadline != null && start != null && !suspended) {
        ctx.enqueueAfter(key(job), Duration.between(now, start.plusSeconds(deadline)).plusMillis(50));
      }
    }

    if (failureTarget != null || successTarget != null) {
      int deleted = deleteActive(job, active, now);
      if (failureTarget != null) {
        failed += deleted;
      }
      active = List.of();
      if (deleted > 0 || terminating > 0) {
        // the terminal condition follows once the remaining pods are gone (their deletion requeues the Job)
        terminating += deleted;
      } else if (failureTarget != null) {
        conditions.add(cond("Failed", failureTarget.getReason(), failureTarget.getMessage(), t));
      } else {
        conditions.add(cond("Complete", successTarget.getReason(), successTarget.getMessage(), t));
        s.setCompletionTime(t);
        ctx.events.normal(job, "Completed", "Job completed", COMPONENT, null);
      }
    } else if (suspended) {
      deleteActive(job, active, now);
      active = List.of();
      JobCondition sc = find(conditions, "Suspended");
      if (sc == null || !"True".equals(sc.getStatus())) {
        conditions.removeIf(c -> "Suspended".equals(c.getType()));
        conditions.add(cond("Suspended", "JobSuspended", "Job suspended", t));
        ctx.events.normal(job, "Suspended", "Job suspended", COMPONENT, null);
      }
      s.setStartTime(null);
    } else {
      JobCondition sc = find(conditions, "Suspended");
      if (sc != null && "True".equals(sc.getStatus())) {
        conditions.removeIf(c -> "Suspended".equals(c.getType()));
        JobCondition resumed = cond("Suspended", "JobResumed", "Job resumed", t);
        resumed.setStatus("False");
        conditions.add(resumed);
        ctx.events.normal(job, "Resumed", "Job resumed", COMPONENT, null);
      }
      if (s.getStartTime() == null) {
        s.setStartTime(t);
        Long deadline = job.getSpec().getActiveDeadlineSeconds();
        if (deadline != null) {
          ctx.enqueueAfter(key(job), Duration.ofSeconds(deadline).plusMillis(1050));
        }
      }
      int wantActive = completions == null ? (succeeded > 0 ? 0 : parallelism)
          : Math.min(parallelism, Math.max(0, completions - succeeded));
      int missing = wantActive - active.size() - expectations.pendingCreates(uid);
      if (missing > 0) {
        Duration wait = backoffRemaining(pods, failed, now);
        if (wait.isZero()) {
          List<Pod> created = new ArrayList<>(active);
          for (int i = 0; i < missing; i++) {
            created.add(createPod(job, now));
          }
          active = created;
        } else {
          ctx.enqueueAfter(key(job), wait);
        }
      }
    }
    s.setConditions(conditions);
    s.setActive(active.isEmpty() ? null : active.size());
    s.setSucceeded(succeeded == 0 ? null : succeeded);
    s.setFailed(failed == 0 ? null : failed);
    s.setReady((int) active.stream().filter(ReplicaSetController::isReady).count());
    s.setTerminating(terminating);
    if (s.getUncountedTerminatedPods() == null) {
      s.setUncountedTerminatedPods(new UncountedTerminatedPods());
    }
    if (!Objects.equals(s, job.getStatus())) {
      Job next = SimContext.copy(job);
      next.setStatus(s);
      try {
        ctx.remember(ctx.client.batch().v1().jobs().inNamespace(ns).resource(next).updateStatus());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
      if (finished(s)) {
        handleTtl(next, s, now);
      }
    }
  }

  private Duration backoffRemaining(List<Pod> pods, int failed, Instant now) {
    Duration base = ctx.config.jobBackoff();
    if (base.isZero() || failed == 0) {
      return Duration.ZERO;
    }
    Instant lastFailure = null;
    for (Pod p : pods) {
      if ("Failed".equals(phase(p))) {
        Instant t = p.getStatus().getContainerStatuses().stream()
            .filter(c -> c.getState() != null && c.getState().getTerminated() != null)
            .map(c -> Times.parse(c.getState().getTerminated().getFinishedAt()))
            .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        if (t != null && (lastFailure == null || t.isAfter(lastFailure))) {
          lastFailure = t;
        }
      }
    }
    if (lastFailure == null) {
      return Duration.ZERO;
    }
    Duration delay = base.multipliedBy(1L << Math.min(failed - 1, 6));
    if (delay.compareTo(Duration.ofMinutes(6)) > 0) {
      delay = Duration.ofMinutes(6);
    }
    Instant due = lastFailure.plus(delay);
    return due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO;
  }

  private Pod createPod(Job job, Instant now) {
    String uid = job.getMetadata().getUid();
    String podName = Names.withRandomSuffix(job.getMetadata().getName());
    Pod pod = ReplicaSetController.podFromTemplate(job.getSpec().getTemplate(), podName, job);
    Map<String, String> labels = new LinkedHashMap<>(pod.getMetadata().getLabels() == null ? Map.of()
        : pod.getMetadata().getLabels());
    labels.put(CONTROLLER_UID_LABEL, uid);
    labels.put(JOB_NAME_LABEL, job.getMetadata().getName());
    labels.put(LEGACY_CONTROLLER_UID_LABEL, uid);
    labels.put(LEGACY_JOB_NAME_LABEL, job.getMetadata().getName());
    pod.getMetadata().setLabels(labels);
    if (pod.getSpec().getRestartPolicy() == null) {
      pod.getSpec().setRestartPolicy("Never");
    }
    expectations.expectCreate(uid, podName, now);
    try {
      Pod created = ctx.client.pods().inNamespace(job.getMetadata().getNamespace()).resource(pod).create();
      ctx.events.normal(job, "SuccessfulCreate", "Created pod: " + podName, COMPONENT, null);
      return created;
    } catch (KubernetesClientException e) {
      expectations.observe(uid, List.of(pod), now.plusSeconds(3600));
      ctx.events.warning(job, "FailedCreate", "Error creating: " + e.getMessage(), COMPONENT, null);
      throw e;
    }
  }

  private int deleteActive(Job job, List<Pod> active, Instant now) {
    int n = 0;
    for (Pod p : active) {
      expectations.expectDelete(job.getMetadata().getUid(), p.getMetadata().getName(), now);
      try {
        ctx.client.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName()).delete();
        ctx.events.normal(job, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName(), COMPONENT, null);
        n++;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
    return n;
  }

  private void handleTtl(Job job, JobStatus s, Instant now) {
    Integer ttl = job.getSpec().getTtlSecondsAfterFinished();
    if (ttl == null) {
      return;
    }
    JobCondition done = s.getConditions().stream()
        .filter(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()))
        .findFirst().orElse(null);
    Instant finishedAt = done == null ? null : Times.parse(done.getLastTransitionTime());
    if (finishedAt == null) {
      finishedAt = Times.parse(s.getCompletionTime());
    }
    if (finishedAt == null) {
      finishedAt = now;
    }
    Instant due = finishedAt.plusSeconds(ttl);
    if (due.isAfter(now)) {
      ctx.enqueueAfter(key(job), Duration.between(now, due).plusMillis(50));
      return;
    }
    SimContext.LOG.info("deleting Job {}/{}: ttlSecondsAfterFinished ({}s) passed", job.getMetadata().getNamespace(),
        job.getMetadata().getName(), ttl);
    ctx.client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
  }

  static boolean finished(JobStatus s) {
    return s.getConditions().stream().anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
        && "True".equals(c.getStatus()));
  }

  private static JobCondition find(List<JobCondition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst()
        .orElse(null);
  }

  private static JobCondition cond(String type, String reason, String message, String time) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
        .withLastProbeTime(time).withLastTransitionTime(time).build();
  }

  private static int restarts(Pod p) {
    return p.getStatus() == null ? 0 : p.getStatus().getContainerStatuses().stream()
        .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
  }

  private static String phase(Pod p) {
    return p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static String key(Job job) {
    return SimContext.key("job", job.getMetadata().getNamespace(), job.getMetadata().getName());
  }
}
