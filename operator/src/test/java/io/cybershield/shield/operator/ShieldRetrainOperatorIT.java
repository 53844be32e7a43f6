package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ShieldRetrain runs on the sandbox, with Job outcomes scripted through the {@code sandbox.local/job} image
 * ({@code SANDBOX_EXIT_CODE}, {@code SANDBOX_TERMINATION_MESSAGE}, {@code SANDBOX_DURATION}): a passing version is
 * promoted and served by the model that follows the ShieldRetrain; a version below the precision bar is rejected and
 * the served version stays; failed and malformed Jobs fail the run; manual approval; a rollout that never becomes
 * available rolls back; an operator restarted mid-run goes on with the same Job; suspend; two quick triggers make
 * one run.
 */
class ShieldRetrainOperatorIT extends OperatorTestSupport {

  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final String PASSING = "{\"precision\": 0.93, \"recall\": 0.85, \"samples\": 400}";

  @Override
  protected String namespacePrefix() {
    return "rt-";
  }

  private String model(String retrain) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: threat-intel, namespace: %s}
        spec:
          model: {uri: "s3://models/threat-intel", version: "v7", retrainRef: {name: %s}}
          variants:
            - {name: full, priorities: [critical, high, normal, low], gpu: {count: 1, resource: nvidia.com/gpu}}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 0}
          dataClassification: confidential
        """.formatted(ns, retrain);
  }

  /** A ShieldRetrain whose Jobs say what the test wants. */
  private String retrain(String name, String trainerEnv, String validatorEnv, String promotion) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldRetrain
        metadata: {name: %s, namespace: %s}
        spec:
          modelRef: {name: threat-intel}
          schedule: "0 2 1 1,7 *"
          timeZone: Europe/Berlin
          trainer:
            image: sandbox.local/job
            env: [%s]
            gpu: {count: 1, resource: nvidia.com/gpu}
            hyperparameters: {learningRate: "2e-5", epochs: "3"}
            datasets:
              - {name: threat-reports, uri: "s3://datasets/threat-reports/2026h2", classification: restricted}
          validation:
            image: sandbox.local/job
            env: [%s]
            dataset: {uri: "s3://datasets/incident-holdout/2026h2"}
            thresholds: {precision: 0.90, recall: 0.80}
          promotion: %s
        """.formatted(name, ns, trainerEnv, validatorEnv, promotion);
  }

  private static String says(String message) {
    return "{name: SANDBOX_TERMINATION_MESSAGE, value: '" + message + "'}";
  }

  private ShieldRetrain get(String name) {
    return sandbox.client.resources(ShieldRetrain.class).inNamespace(ns).withName(name).get();
  }

  private ShieldRetrainStatus status(String name) {
    ShieldRetrain retrain = get(name);
    return retrain == null ? null : retrain.getStatus();
  }

  private RetrainRun awaitFinished(String name, long run) {
    await().atMost(WITHIN).untilAsserted(() -> {
      ShieldRetrainStatus status = status(name);
      assertThat(status).isNotNull();
      assertThat(status.history()).as("history of " + name + ": " + status).isNotNull()
          .anySatisfy(r -> assertThat(r.number()).isEqualTo(run));
    });
    return status(name).history().stream().filter(r -> r.number() == run).findFirst().orElseThrow();
  }

  private void trigger(String name, String value) {
    sandbox.kubectl.ok("annotate", "--overwrite", "-n", ns, "shieldretrain", name,
        ShieldNames.TRIGGER_ANNOTATION + "=" + value);
  }

  private ShieldModel threatIntel() {
    return sandbox.client.resources(ShieldModel.class).inNamespace(ns).withName("threat-intel").get();
  }

  private String servedVersion() {
    ShieldModel model = threatIntel();
    return model == null || model.getStatus() == null ? null : model.getStatus().servedVersion();
  }

  private List<Job> jobs() {
    return sandbox.client.batch().v1().jobs().inNamespace(ns).list().getItems();
  }

  private String hfModelId() {
    Deployment d = sandbox.client.apps().deployments().inNamespace(ns).withName("threat-intel-full-onprem").get();
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals("HF_MODEL_ID")).map(EnvVar::getValue).findFirst().orElse(null);
  }

  @Test
  void aPassingVersionIsPromotedAndServedAndALaterOneBelowTheBarIsRejected() {
    sandbox.kubectl.apply(model("ti-retrain"));
    sandbox.kubectl.apply(retrain("ti-retrain", says("{\"uri\": \"s3://models/threat-intel/r1\"}"), says(PASSING),
        "{policy: automatic, rolloutDeadline: 60s}"));
    await().atMost(WITHIN).until(() -> "v7".equals(servedVersion()));

    trigger("ti-retrain", "first");
    RetrainRun first = awaitFinished("ti-retrain", 1);
    assertThat(first.phase()).as(first.message()).isEqualTo(RunPhase.Promoted);
    assertThat(first.reason()).isEqualTo("RolloutComplete");
    assertThat(first.verdicts()).extracting(v -> v.check() + "=" + v.passed())
        .containsExactly("precision=true", "recall=true");
    assertThat(status("ti-retrain").promotedVersion()).isEqualTo("r1");
    assertThat(servedVersion()).isEqualTo("r1");
    assertThat(hfModelId()).isEqualTo("s3://models/threat-intel/r1");
    assertThat(threatIntel().getMetadata().getGeneration()).as("the model's spec is never edited").isEqualTo(1L);

    // the Jobs, as a platform engineer expects them
    Job training = sandbox.client.batch().v1().jobs().inNamespace(ns).withName("ti-retrain-r1-train").get();
    assertThat(training.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("ShieldRetrain"));
    assertThat(training.getSpec().getBackoffLimit()).isZero();
    assertThat(training.getSpec().getActiveDeadlineSeconds()).isEqualTo(72 * 3600L);
    assertThat(training.getSpec().getTtlSecondsAfterFinished()).isNull();
    PodSpec pod = training.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("ti-retrain-trainer");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getContainers().get(0).getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(pod.getNodeSelector()).containsEntry(ShieldNames.POOL_LABEL, "onprem");
    assertThat(pod.getContainers().get(0).getResources().getLimits().get("nvidia.com/gpu").getAmount())
        .isEqualTo("1");
    assertThat(pod.getContainers().get(0).getEnv()).extracting(EnvVar::getName)
        .contains("SHIELD_HP_LEARNING_RATE", "SHIELD_HYPERPARAMETERS", "SHIELD_DATASETS", "SHIELD_OUTPUT_URI");
    assertThat(sandbox.client.configMaps().inNamespace(ns).withName("ti-retrain-r1-inputs").get().getData())
        .containsKeys("hyperparameters.json", "datasets.json");

    // the second run reports 0.85: rejected, r1 stays served
    sandbox.kubectl.ok("patch", "-n", ns, "shieldretrain", "ti-retrain", "--type=merge", "-p",
        "{\"spec\": {\"trainer\": {\"env\": [{\"name\": \"SANDBOX_TERMINATION_MESSAGE\", \"value\": "
            + "\"{\\\"uri\\\": \\\"s3://models/threat-intel/r2\\\"}\"}]}, \"validation\": {\"env\": [{\"name\": "
            + "\"SANDBOX_TERMINATION_MESSAGE\", \"value\": \"{\\\"precision\\\": 0.85, \\\"recall\\\": 0.9, "
            + "\\\"samples\\\": 400}\"}]}}}");
    trigger("ti-retrain", "second");
    RetrainRun second = awaitFinished("ti-retrain", 2);
    assertThat(second.phase()).isEqualTo(RunPhase.Rejected);
    assertThat(second.message()).contains("precision 0.85").contains("0.90");
    assertThat(status("ti-retrain").promotedVersion()).isEqualTo("r1");
    assertThat(servedVersion()).isEqualTo("r1");
    assertThat(hfModelId()).isEqualTo("s3://models/threat-intel/r1");

    var promoted = sandbox.metrics.find("shield_retrain_runs").tag("namespace", ns).tag("outcome", "Promoted")
        .counter();
    var rejected = sandbox.metrics.find("shield_retrain_runs").tag("namespace", ns).tag("outcome", "Rejected")
        .counter();
    assertThat(promoted).isNotNull();
    assertThat(promoted.count()).isEqualTo(1.0);
    assertThat(rejected.count()).isEqualTo(1.0);
    assertThat(sandbox.metrics.find("shield_retrain_gate_value").tag("namespace", ns).tag("metric", "precision")
        .gauge().value()).isEqualTo(0.85);
    assertThat(sandbox.metrics.find("shield_retrain_run_duration_seconds").tag("namespace", ns).summaries())
        .isNotEmpty();

    String table = sandbox.kubectl.ok("get", "shieldretrain", "-n", ns);
    assertThat(table).contains("PHASE").contains("PROMOTED").contains("LAST OUTCOME").contains("Scheduled")
        .contains("r1").contains("Rejected");
    List<String> reasons = sandbox.client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> "ShieldRetrain".equals(e.getInvolvedObject().getKind())).map(Event::getReason).toList();
    assertThat(reasons).contains("RunStarted", "TrainingStarted", "ValidationStarted", "Promoted", "RolloutComplete",
        "ThresholdNotMet");
  }

  @Test
  void failedAndMalformedJobsFailTheRunWithAReasonThatSaysWhich() {
    sandbox.kubectl.apply(model("none"));
    sandbox.kubectl.apply(retrain("fails", "{name: SANDBOX_EXIT_CODE, value: '3'}, " + says("out of GPU memory"),
        says(PASSING), "{}"));
    sandbox.kubectl.apply(retrain("garbled", says("{\"uri\": \"s3://models/x\""), says(PASSING), "{}"));
    sandbox.kubectl.apply(retrain("wrongrange", says("{\"uri\": \"s3://models/x/r1\"}"),
        says("{\"precision\": 1.7, \"samples\": 10}"), "{}"));
    trigger("fails", "go");
    trigger("garbled", "go");
    trigger("wrongrange", "go");

    RetrainRun failed = awaitFinished("fails", 1);
    assertThat(failed.phase()).isEqualTo(RunPhase.Failed);
    assertThat(failed.reason()).isEqualTo("TrainingFailed");
    assertThat(failed.message()).contains("exited with code 3").contains("out of GPU memory");
    RetrainRun garbled = awaitFinished("garbled", 1);
    assertThat(garbled.reason()).isEqualTo("ResultMalformed");
    RetrainRun wrongRange = awaitFinished("wrongrange", 1);
    assertThat(wrongRange.reason()).isEqualTo("ResultOutOfRange");
    assertThat(wrongRange.message()).contains("precision");
    assertThat(status("wrongrange").promotedVersion()).isNull();
  }

  @Test
  void manualPromotionWaitsForApproval() {
    sandbox.kubectl.apply(model("manual"));
    sandbox.kubectl.apply(retrain("manual", says("{\"uri\": \"s3://models/threat-intel/v8\", \"version\": \"v8\"}"),
        says(PASSING), "{policy: manual}"));
    trigger("manual", "go");
    await().atMost(WITHIN).until(() -> status("manual") != null
        && status("manual").phase() == RetrainPhase.AwaitingApproval);
    assertThat(status("manual").promotedVersion()).isNull();
    assertThat(servedVersion()).isEqualTo("v7");

    sandbox.kubectl.ok("annotate", "-n", ns, "shieldretrain", "manual", ShieldNames.APPROVE_ANNOTATION + "=v8");
    RetrainRun run = awaitFinished("manual", 1);
    assertThat(run.phase()).isEqualTo(RunPhase.Promoted);
    await().atMost(WITHIN).until(() -> "v8".equals(servedVersion()));
  }

  @Test
  void aRolloutThatNeverBecomesAvailableRollsBack() {
    sandbox.kubectl.apply(model("flaky"));
    sandbox.kubectl.apply(retrain("flaky", says("{\"uri\": \"s3://models/threat-intel/r1\"}"), says(PASSING),
        "{rolloutDeadline: 60s}"));
    trigger("flaky", "one");
    assertThat(awaitFinished("flaky", 1).phase()).isEqualTo(RunPhase.Promoted);

    // run 2's weights never load: the model server never turns ready
    sandbox.kubectl.ok("patch", "-n", ns, "shieldretrain", "flaky", "--type=merge", "-p",
        "{\"spec\": {\"promotion\": {\"rolloutDeadline\": \"3s\"}, \"trainer\": {\"env\": [{\"name\": "
            + "\"SANDBOX_TERMINATION_MESSAGE\", \"value\": \"{\\\"uri\\\": "
            + "\\\"s3://models/threat-intel/sandbox.local/unready/r2\\\"}\"}]}}}");
    trigger("flaky", "two");
    RetrainRun second = awaitFinished("flaky", 2);
    assertThat(second.phase()).as(second.message()).isEqualTo(RunPhase.RolledBack);
    assertThat(second.reason()).isEqualTo("RolloutTimedOut");
    assertThat(second.message()).contains("rolled back to version r1");
    assertThat(status("flaky").promotedVersion()).isEqualTo("r1");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(hfModelId()).isEqualTo("s3://models/threat-intel/r1"));
    await().atMost(WITHIN).until(() -> "r1".equals(servedVersion()));
    assertThat(sandbox.client.v1().events().inNamespace(ns).list().getItems()).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("RolloutTimedOut");
      assertThat(e.getType()).isEqualTo("Warning");
    });
  }

  @Test
  void anOperatorRestartedMidRunGoesOnWithTheSameJob() {
    sandbox.kubectl.apply(model("slow"));
    sandbox.kubectl.apply(retrain("slow", "{name: SANDBOX_DURATION, value: 4s}, "
        + says("{\"uri\": \"s3://models/threat-intel/r1\"}"), says(PASSING), "{}"));
    trigger("slow", "go");
    await().atMost(WITHIN).until(() -> status("slow") != null && status("slow").phase() == RetrainPhase.Training);
    String uid = sandbox.client.batch().v1().jobs().inNamespace(ns).withName("slow-r1-train").get()
        .getMetadata().getUid();

    sandbox.restartOperator();

    RetrainRun run = awaitFinished("slow", 1);
    assertThat(run.phase()).isEqualTo(RunPhase.Promoted);
    assertThat(sandbox.client.batch().v1().jobs().inNamespace(ns).withName("slow-r1-train").get().getMetadata()
        .getUid()).isEqualTo(uid);
    assertThat(jobs()).extracting(j -> j.getMetadata().getName())
        .containsExactlyInAnyOrder("slow-r1-train", "slow-r1-validate");
  }

  @Test
  void suspendStartsNothingAndTwoQuickTriggersMakeOneRun() {
    sandbox.kubectl.apply(model("quick"));
    sandbox.kubectl.apply(retrain("quick", "{name: SANDBOX_DURATION, value: 2s}, "
        + says("{\"uri\": \"s3://models/threat-intel/r1\"}"), says(PASSING), "{}"));
    sandbox.kubectl.ok("patch", "-n", ns, "shieldretrain", "quick", "--type=merge", "-p",
        "{\"spec\": {\"suspend\": true}}");
    await().atMost(WITHIN).until(() -> status("quick") != null && status("quick").phase() == RetrainPhase.Suspended);
    trigger("quick", "while-suspended");
    await().atMost(WITHIN).until(() -> "while-suspended".equals(status("quick").lastTrigger()));
    Condition ready = status("quick").conditions().stream().filter(c -> c.type().equals("Ready")).findFirst()
        .orElseThrow();
    assertThat(ready.reason()).isEqualTo("Suspended");
    assertThat(jobs()).isEmpty();

    sandbox.kubectl.ok("patch", "-n", ns, "shieldretrain", "quick", "--type=merge", "-p",
        "{\"spec\": {\"suspend\": false}}");
    await().atMost(WITHIN).until(() -> status("quick").phase() == RetrainPhase.Scheduled);
    trigger("quick", "a");
    trigger("quick", "b");
    RetrainRun run = awaitFinished("quick", 1);
    assertThat(run.phase()).isEqualTo(RunPhase.Promoted);
    assertThat(status("quick").history()).hasSize(1);
    assertThat(status("quick").lastTrigger()).isEqualTo("b");
    assertThat(jobs()).extracting(j -> j.getMetadata().getName())
        .containsExactlyInAnyOrder("quick-r1-train", "quick-r1-validate");
  }

  @Test
  void theShippedRetrainExamplesAreScheduled() {
    Path examples = OperatorOnSandbox.ROOT.resolve("docs/examples");
    try {
      sandbox.kubectl.ok("apply", "-f", examples.resolve("00-namespace.yaml").toString(),
          "-f", examples.resolve("threat-intel.yaml").toString(),
          "-f", examples.resolve("forensics-restricted.yaml").toString());
      sandbox.kubectl.ok("apply", "-f", examples.resolve("retrain").toString());
      for (String name : List.of("threat-intel-biannual", "forensics-quarterly")) {
        await().atMost(WITHIN).untilAsserted(() -> {
          ShieldRetrain retrain = sandbox.client.resources(ShieldRetrain.class).inNamespace("soc").withName(name)
              .get();
          assertThat(retrain.getStatus()).as(name).isNotNull();
          assertThat(retrain.getStatus().phase()).as(name + ": " + retrain.getStatus().conditions())
              .isEqualTo(RetrainPhase.Scheduled);
          assertThat(retrain.getStatus().nextScheduleTime()).isNotNull();
        });
      }
      String table = sandbox.kubectl.ok("get", "shieldretrain", "-n", "soc", "-o", "wide");
      assertThat(table).contains("NEXT RUN").contains("SCHEDULE").contains("0 2 1 1,7 *");
    } finally {
      sandbox.kubectl.ok("delete", "namespace", "soc", "--timeout=30s");
    }
  }
}
