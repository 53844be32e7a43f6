package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRunBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RetrainJobsTest {

  private static final RetrainJobs.TrainingBase BASE = new RetrainJobs.TrainingBase("threat-intel",
      "s3://models/threat-intel/r3", "r3", "EleutherAI/gpt-neox-20b", "s3://models/threat-intel/");

  private static ShieldRetrain retrain() {
    return RetrainScenario.load("/retrain/shieldretrain-threat-intel-biannual.yaml", ShieldRetrain.class);
  }

  private static RetrainRun run(long number) {
    return new RetrainRunBuilder().withNumber(number).withVersion("r" + number).withPool(Pool.ONPREM)
        .withUri("s3://models/threat-intel/r" + number).build();
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  @Test
  void theTrainingJobIsOneRestrictedPodOnPremisesWithTheRunsInputs() {
    Job job = RetrainJobs.training(retrain(), run(4), BASE);

    assertThat(job.getMetadata().getName()).isEqualTo("threat-intel-biannual-r4-train");
    assertThat(job.getMetadata().getLabels()).containsEntry("shield.cybershield.io/retrain", "threat-intel-biannual")
        .containsEntry("shield.cybershield.io/run", "4").containsEntry("shield.cybershield.io/component", "trainer")
        .doesNotContainKey("shield.cybershield.io/model");
    assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getKind()).isEqualTo("ShieldRetrain");
      assertThat(owner.getUid()).isEqualTo("0b6c1f1e-0000-4000-8000-000000000001");
      assertThat(owner.getController()).isTrue();
    });
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(72 * 3600L);
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isNull();
    assertThat(job.getSpec().getPodFailurePolicy().getRules()).singleElement()
        .satisfies(rule -> assertThat(rule.getAction()).isEqualTo("Ignore"));

    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getServiceAccountName()).isEqualTo("threat-intel-biannual-trainer");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getNodeSelector()).containsExactly(Map.entry("shield.cybershield.io/pool", "onprem"));
    Container trainer = pod.getContainers().get(0);
    assertThat(trainer.getName()).isEqualTo("trainer");
    assertThat(trainer.getImage()).isEqualTo("registry.example/shield/trainer:1.4");
    assertThat(trainer.getCommand()).containsExactly("python", "-m", "train");
    assertThat(trainer.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(trainer.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(trainer.getResources().getLimits().get("nvidia.com/gpu").getAmount()).isEqualTo("8");
    assertThat(trainer.getTerminationMessagePolicy()).isEqualTo("File");
    assertThat(trainer.getVolumeMounts()).extracting(m -> m.getMountPath())
        .contains("/etc/shield", "/tmp", "/workspace", "/dev/shm");

    Map<String, String> env = env(trainer);
    assertThat(env).containsEntry("SHIELD_RUN", "4").containsEntry("SHIELD_VERSION", "r4")
        .containsEntry("SHIELD_MODEL", "threat-intel")
        .containsEntry("SHIELD_MODEL_URI", "s3://models/threat-intel/r3")
        .containsEntry("SHIELD_OUTPUT_URI", "s3://models/threat-intel/r4")
        .containsEntry("SHIELD_HP_LEARNING_RATE", "2e-5").containsEntry("SHIELD_HP_LORA_RANK", "16")
        .containsEntry("SHIELD_HYPERPARAMETERS", "{\"batchSize\":\"16\",\"epochs\":\"3\",\"learningRate\":\"2e-5\","
            + "\"loraRank\":\"16\"}")
        .containsEntry("SHIELD_HYPERPARAMETERS_FILE", "/etc/shield/hyperparameters.json")
        .containsEntry("WANDB_MODE", "offline");
    assertThat(env.get("SHIELD_DATASETS")).contains("\"name\":\"threat-reports\"")
        .contains("\"classification\":\"restricted\"");
  }

  @Test
  void theValidationJobGetsTheCandidateTheHeldOutSetAndTheRedTeamSuite() {
    Job job = RetrainJobs.validation(retrain(), run(4), "threat-intel");

    assertThat(job.getMetadata().getName()).isEqualTo("threat-intel-biannual-r4-validate");
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(12 * 3600L);
    Map<String, String> env = env(job.getSpec().getTemplate().getSpec().getContainers().get(0));
    assertThat(env).containsEntry("SHIELD_CANDIDATE_URI", "s3://models/threat-intel/r4")
        .containsEntry("SHIELD_EVAL_DATASET_URI", "s3://datasets/incident-holdout/2026h2")
        .containsEntry("SHIELD_REDTEAM_SUITE", "s3://datasets/redteam/v3")
        .containsEntry("SHIELD_MAX_ATTACK_SUCCESS_RATE", "0.05")
        .containsEntry("SHIELD_THRESHOLDS", "{\"maxAttackSuccessRate\":0.05,\"precision\":0.9,\"recall\":0.8}");
  }

  @Test
  void theInputsAreFixedJsonFiles() {
    ConfigMap inputs = RetrainJobs.inputs(retrain(), 4);

    assertThat(inputs.getMetadata().getName()).isEqualTo("threat-intel-biannual-r4-inputs");
    assertThat(inputs.getImmutable()).isTrue();
    assertThat(inputs.getData().get("hyperparameters.json")).isEqualTo("{\"batchSize\":\"16\",\"epochs\":\"3\","
        + "\"learningRate\":\"2e-5\",\"loraRank\":\"16\"}");
    assertThat(inputs.getData().get("datasets.json")).isEqualTo("[{\"classification\":\"restricted\",\"name\":\"threat-reports\",\"uri\":"
        + "\"s3://datasets/threat-reports/2026h2\"},{\"classification\":\"public\",\"name\":\"mitre-attack\",\"uri\":"
        + "\"s3://datasets/attack-enterprise/v18\"}]");
  }

  @Test
  void hyperparameterNamesBecomeEnvironmentVariableNames() {
    assertThat(RetrainJobs.hyperparameterVariable("learningRate")).isEqualTo("SHIELD_HP_LEARNING_RATE");
    assertThat(RetrainJobs.hyperparameterVariable("lora_rank")).isEqualTo("SHIELD_HP_LORA_RANK");
    assertThat(RetrainJobs.hyperparameterVariable("warmup-steps")).isEqualTo("SHIELD_HP_WARMUP_STEPS");
    assertThat(RetrainJobs.hyperparameterVariable("maxLRScale")).isEqualTo("SHIELD_HP_MAX_LRSCALE");
    assertThat(RetrainJobs.hyperparameterVariable("bätch size")).isEqualTo("SHIELD_HP_B_TCH_SIZE");
  }

  @Test
  void theOperatorsVariablesCannotBeOverriddenAndTheOutputRootLosesItsSlash() {
    ShieldRetrain retrain = retrain();
    retrain.getSpec().trainer().env().clear();
    retrain.getSpec().trainer().env().add(new EnvVar("SHIELD_OUTPUT_URI", "s3://elsewhere", null));
    Job job = RetrainJobs.training(retrain, run(1), BASE);

    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().equals("SHIELD_OUTPUT_URI")).singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo("s3://models/threat-intel/r1"));
  }
}
