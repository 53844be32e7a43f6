package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobIT extends SimulatorHarness {

  private Job get(String name) {
    return client.batch().v1().jobs().inNamespace(NS).withName(name).get();
  }

  private static List<String> conditionTypes(Job job) {
    return job.getStatus().getConditions().stream().map(JobCondition::getType).toList();
  }

  @Test
  void jobSucceedsWithTerminationMessage() {
    startSimulator();
    String result = "{\"precision\":0.93,\"recall\":0.85}";
    client.batch().v1().jobs().inNamespace(NS).resource(job("validate-v8",
        Map.of("SANDBOX_DURATION", "100ms", "SANDBOX_TERMINATION_MESSAGE", result), 6)).create();
    await().untilAsserted(() -> {
      Job j = get("validate-v8");
      assertThat(conditionTypes(j)).containsExactly("SuccessCriteriaMet", "Complete");
      JobCondition complete = j.getStatus().getConditions().get(1);
      assertThat(complete.getStatus()).isEqualTo("True");
      assertThat(complete.getReason()).isEqualTo("CompletionsReached");
      assertThat(complete.getMessage()).isEqualTo("Reached expected number of succeeded pods");
      assertThat(j.getStatus().getSucceeded()).isEqualTo(1);
      assertThat(j.getStatus().getActive()).isNull();
      assertThat(j.getStatus().getReady()).isZero();
      assertThat(j.getStatus().getTerminating()).isZero();
      assertThat(j.getStatus().getUncountedTerminatedPods()).isNotNull();
      assertThat(j.getStatus().getStartTime()).isNotNull();
      assertThat(j.getStatus().getCompletionTime()).isNotNull();
    });
    List<Pod> pods = podsWithLabel("batch.kubernetes.io/job-name", "validate-v8");
    assertThat(pods).hasSize(1);
    Pod pod = pods.get(0);
    assertThat(pod.getMetadata().getName()).matches("validate-v8-[a-z0-9]{5}");
    assertThat(pod.getMetadata().getLabels()).containsEntry("job-name", "validate-v8")
        .containsEntry("controller-uid", get("validate-v8").getMetadata().getUid())
        .containsEntry("batch.kubernetes.io/controller-uid", get("validate-v8").getMetadata().getUid());
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    ContainerStateTerminated t = pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(t.getExitCode()).isZero();
    assertThat(t.getReason()).isEqualTo("Completed");
    assertThat(t.getMessage()).isEqualTo(result);
    assertThat(t.getStartedAt()).isNotNull();
    assertThat(t.getFinishedAt()).isNotNull();
    await().untilAsserted(() -> assertThat(events("validate-v8")).extracting(e -> e.getReason())
        .contains("SuccessfulCreate", "Completed"));
  }

  @Test
  void jobFailsWithExitCodeAndBackoffLimitExceeded() {
    startSimulator();
    client.batch().v1().jobs().inNamespace(NS).resource(job("train-v8",
        Map.of("SANDBOX_DURATION", "50ms", "SANDBOX_EXIT_CODE", "3",
            "SANDBOX_TERMINATION_MESSAGE", "CUDA out of memory"), 2)).create();
    await().untilAsserted(() -> {
      Job j = get("train-v8");
      assertThat(conditionTypes(j)).containsExactly("FailureTarget", "Failed");
      JobCondition failed = j.getStatus().getConditions().get(1);
      assertThat(failed.getReason()).isEqualTo("BackoffLimitExceeded");
      assertThat(failed.getMessage()).isEqualTo("Job has reached the specified backoff limit");
      assertThat(j.getStatus().getFailed()).isEqualTo(3);
      assertThat(j.getStatus().getSucceeded()).isNull();
      assertThat(j.getStatus().getCompletionTime()).isNull();
    });
    List<Pod> pods = podsWithLabel("job-name", "train-v8");
    assertThat(pods).hasSize(3).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Failed");
      ContainerStateTerminated t = p.getStatus().getContainerStatuses().get(0).getState().getTerminated();
      assertThat(t.getExitCode()).isEqualTo(3);
      assertThat(t.getReason()).isEqualTo("Error");
      assertThat(t.getMessage()).isEqualTo("CUDA out of memory");
    });
    await().untilAsserted(() -> assertThat(events("train-v8")).anySatisfy(e -> {
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getReason()).isEqualTo("BackoffLimitExceeded");
    }));
  }

  @Test
  void parallelJobWithCompletions() {
    startSimulator();
    Job j0 = job("shards", Map.of("SANDBOX_DURATION", "50ms"), 6);
    j0.getSpec().setCompletions(4);
    j0.getSpec().setParallelism(2);
    client.batch().v1().jobs().inNamespace(NS).resource(j0).create();
    await().untilAsserted(() -> {
      Job j = get("shards");
      assertThat(conditionTypes(j)).contains("Complete");
      assertThat(j.getStatus().getSucceeded()).isEqualTo(4);
    });
    assertThat(podsWithLabel("job-name", "shards")).hasSize(4);
  }

  @Test
  void onFailureRestartsContainerAndCountsRestartsAgainstBackoffLimit() {
    startSimulator();
    Job j0 = job("flaky", Map.of("SANDBOX_DURATION", "50ms", "SANDBOX_EXIT_CODE", "1"), 2);
    j0.getSpec().getTemplate().getSpec().setRestartPolicy("OnFailure");
    client.batch().v1().jobs().inNamespace(NS).resource(j0).create();
    await().untilAsserted(() -> {
      Job j = get("flaky");
      assertThat(conditionTypes(j)).containsExactly("FailureTarget", "Failed");
      assertThat(j.getStatus().getConditions().get(1).getReason()).isEqualTo("BackoffLimitExceeded");
    });
  }

  @Test
  void activeDeadlineSuspendAndTtl() {
    startSimulator();
    Job slow = job("slow", Map.of("SANDBOX_DURATION", "1h"), 6);
    slow.getSpec().setActiveDeadlineSeconds(1L);
    client.batch().v1().jobs().inNamespace(NS).resource(slow).create();

    Job parked = job("parked", Map.of(), 6);
    parked.getSpec().setSuspend(true);
    client.batch().v1().jobs().inNamespace(NS).resource(parked).create();

    Job shortLived = job("short-lived", Map.of("SANDBOX_DURATION", "10ms"), 6);
    shortLived.getSpec().setTtlSecondsAfterFinished(0);
    client.batch().v1().jobs().inNamespace(NS).resource(shortLived).create();

    await().untilAsserted(() -> {
      Job p = get("parked");
      assertThat(p.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Suspended");
        assertThat(c.getReason()).isEqualTo("JobSuspended");
      });
      assertThat(podsWithLabel("job-name", "parked")).isEmpty();
      assertThat(get("short-lived")).isNull();
    });
    await().untilAsserted(() -> assertThat(podsWithLabel("job-name", "short-lived")).isEmpty());
    retryOnConflict(() -> client.batch().v1().jobs().inNamespace(NS).withName("parked").edit(j -> {
      j.getSpec().setSuspend(false);
      return j;
    }));
    await().untilAsserted(() -> assertThat(conditionTypes(get("parked"))).contains("Complete"));
    await().untilAsserted(() -> {
      Job s = get("slow");
      assertThat(conditionTypes(s)).containsExactly("FailureTarget", "Failed");
      assertThat(s.getStatus().getConditions().get(1).getReason()).isEqualTo("DeadlineExceeded");
      assertThat(s.getStatus().getConditions().get(1).getMessage())
          .isEqualTo("Job was active longer than specified deadline");
      assertThat(podsWithLabel("job-name", "slow")).isEmpty();
    });
  }
}
