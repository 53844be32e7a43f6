package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunTrigger;
import io.cybershield.shield.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunPlannerTest {

  private static final String PASSING = "{\"precision\": 0.93, \"recall\": 0.84, \"f1\": 0.88, \"samples\": 1200, "
      + "\"attackSuccessRate\": 0.02}";

  @Test
  void aTriggeredRunTrainsValidatesPromotesAndIsServed() {
    RetrainScenario s = new RetrainScenario().trigger("2026-12-03T10:00");
    s.reconcile();

    RetrainRun run = s.status().currentRun();
    assertThat(run.number()).isEqualTo(1L);
    assertThat(run.version()).isEqualTo("r1");
    assertThat(run.trigger()).isEqualTo(RunTrigger.Manual);
    assertThat(run.phase()).isEqualTo(RunPhase.Training);
    assertThat(s.status().phase()).isEqualTo(RetrainPhase.Training);
    assertThat(s.status().lastTrigger()).isEqualTo("2026-12-03T10:00");
    assertThat(s.created).containsOnlyKeys("threat-intel-biannual-r1-inputs", "threat-intel-biannual-r1-train");
    assertThat(s.created.get("threat-intel-biannual-r1-inputs")).isInstanceOf(ConfigMap.class);
    assertThat(s.events).extracting(RunPlanner.Event::reason).containsExactly("RunStarted", "TrainingStarted");

    s.succeed(RetrainScenario.training(1), "{\"uri\": \"s3://models/threat-intel/r1\"}");
    s.reconcile();
    run = s.status().currentRun();
    assertThat(run.phase()).isEqualTo(RunPhase.Validating);
    assertThat(run.uri()).isEqualTo("s3://models/threat-intel/r1");
    assertThat(run.validationJob()).isEqualTo("threat-intel-biannual-r1-validate");
    assertThat(s.created).containsKey("threat-intel-biannual-r1-validate");

    s.succeed(RetrainScenario.validation(1), PASSING);
    s.reconcile();
    assertThat(s.status().phase()).isEqualTo(RetrainPhase.Promoting);
    assertThat(s.status().currentRun().phase()).isEqualTo(RunPhase.RollingOut);
    assertThat(s.status().promotedVersion()).isEqualTo("r1");
    assertThat(s.status().releases()).singleElement().satisfies(release -> {
      assertThat(release.version()).isEqualTo("r1");
      assertThat(release.uri()).isEqualTo("s3://models/threat-intel/r1");
      assertThat(release.run()).isEqualTo(1L);
    });
    assertThat(s.status().currentRun().verdicts()).extracting(v -> v.check() + "=" + v.passed())
        .containsExactly("precision=true", "recall=true", "attackSuccessRate=true");
    assertThat(s.status().currentRun().metrics().samples()).isEqualTo(1200L);

    s.modelServes("r1", true);
    s.reconcile();
    assertThat(s.status().currentRun()).isNull();
    assertThat(s.status().phase()).isEqualTo(RetrainPhase.Scheduled);
    assertThat(s.status().history()).singleElement().satisfies(done -> {
      assertThat(done.phase()).isEqualTo(RunPhase.Promoted);
      assertThat(done.reason()).isEqualTo("RolloutComplete");
      assertThat(done.completionTime()).isEqualTo("2026-12-03T10:00:00Z");
    });
    assertThat(Conditions.find(s.status().conditions(), ShieldRetrainStatus.PROMOTED).status())
        .isEqualTo(ConditionStatus.TRUE);
    assertThat(s.last.finished()).extracting(RetrainRun::phase).containsExactly(RunPhase.Promoted);
    assertThat(s.createdJobOrder).containsExactly("threat-intel-biannual-r1-train", "threat-intel-biannual-r1-validate");
  }

  @Test
  void precisionBelowTheBarIsRejectedAndTheServedVersionStays() {
    RetrainScenario s = promotedR1();
    s.trigger("second");
    s.reconcile();
    assertThat(s.status().currentRun().number()).isEqualTo(2L);
    s.succeed(RetrainScenario.training(2), "{\"uri\": \"s3://models/threat-intel/r2\"}");
    s.reconcile();
    s.succeed(RetrainScenario.validation(2), "{\"precision\": 0.85, \"recall\": 0.9, \"samples\": 500, "
        + "\"attackSuccessRate\": 0.01}");
    s.reconcile();

    assertThat(s.status().currentRun()).isNull();
    RetrainRun rejected = s.status().history().get(0);
    assertThat(rejected.phase()).isEqualTo(RunPhase.Rejected);
    assertThat(rejected.reason()).isEqualTo("ThresholdNotMet");
    assertThat(rejected.message()).contains("precision 0.85").contains("0.90").contains("version r1 stays served");
    assertThat(s.status().promotedVersion()).isEqualTo("r1");
    assertThat(s.status().releases()).extracting(r -> r.version()).containsExactly("r1");
    assertThat(Conditions.find(s.status().conditions(), ShieldRetrainStatus.PROMOTED).reason())
        .isEqualTo("ThresholdNotMet");
  }

  @Test
  void aFailedTrainerFailsTheRunWithWhatItSaid() {
    RetrainScenario s = new RetrainScenario().trigger("go");
    s.reconcile();
    s.fail(RetrainScenario.training(1), "CUDA out of memory", 1);
    s.reconcile();

    RetrainRun failed = s.status().history().get(0);
    assertThat(failed.phase()).isEqualTo(RunPhase.Failed);
    assertThat(failed.reason()).isEqualTo("TrainingFailed");
    assertThat(failed.message()).contains("BackoffLimitExceeded").contains("exited with code 1")
        .contains("CUDA out of memory");
    assertThat(s.status().promotedVersion()).isNull();
    assertThat(s.created).doesNotContainKey("threat-intel-biannual-r1-validate");
  }

  @Test
  void aMalformedResultFailsTheRun() {
    RetrainScenario s = new RetrainScenario().trigger("go");
    s.reconcile();
    s.succeed(RetrainScenario.training(1), "{\"uri\": \"s3://models/threat-intel/r1\"");
    s.reconcile();

    RetrainRun failed = s.status().history().get(0);
    assertThat(failed.phase()).isEqualTo(RunPhase.Failed);
    assertThat(failed.reason()).isEqualTo(JobResults.RESULT_MALFORMED);
    assertThat(failed.message()).startsWith("the training Job").endsWith("(Job threat-intel-biannual-r1-train)");
  }

  @Test
  void manualPromotionWaitsForTheApprovalNamingTheVersion() {
    RetrainScenario s = new RetrainScenario().edit(r -> r.setSpec(RetrainSpecs.manual(r.getSpec())));
    s.trigger("go").reconcile();
    s.succeed(RetrainScenario.training(1), "{\"uri\": \"s3://models/threat-intel/v8\", \"version\": \"v8\"}");
    s.reconcile();
    s.succeed(RetrainScenario.validation(1), PASSING);
    s.reconcile();
    assertThat(s.status().phase()).isEqualTo(RetrainPhase.AwaitingApproval);
    assertThat(s.status().currentRun().message()).contains(ShieldNames.APPROVE_ANNOTATION + "=v8");
    assertThat(s.status().promotedVersion()).isNull();

    s.annotate(ShieldNames.APPROVE_ANNOTATION, "v7").reconcile();
    assertThat(s.status().phase()).isEqualTo(RetrainPhase.AwaitingApproval);

    s.annotate(ShieldNames.APPROVE_ANNOTATION, "v8").reconcile();
    assertThat(s.status().promotedVersion()).isEqualTo("v8");
    assertThat(s.status().currentRun().phase()).isEqualTo(RunPhase.RollingOut);
    assertThat(s.events).extracting(RunPlanner.Event::reason).contains("AwaitingApproval", "Approved", "Promoted");
  }

  @Test
  void aRolloutThatNeverBecomesAvailableRollsBackToThePreviousVersion() {
    RetrainScenario s = promotedR1();
    s.trigger("second").reconcile();
    s.succeed(RetrainScenario.training(2), "{\"uri\": \"s3://models/threat-intel/r2\"}");
    s.reconcile();
    s.succeed(RetrainScenario.validation(2), PASSING);
    s.reconcile();
    assertThat(s.status().promotedVersion()).isEqualTo("r2");
    assertThat(s.status().previousVersions()).containsExactly("r1");
    assertThat(s.last.requeueAfter()).isEqualTo(Duration.ofMinutes(45).plusSeconds(1));

    s.modelServes("r1", false);
    s.advance(Duration.ofMinutes(44)).reconcile();
    assertThat(s.status().currentRun().phase()).isEqualTo(RunPhase.RollingOut);

    s.advance(Duration.ofMinutes(1)).reconcile();
    RetrainRun rolledBack = s.status().history().get(0);
    assertThat(rolledBack.phase()).isEqualTo(RunPhase.RolledBack);
    assertThat(rolledBack.reason()).isEqualTo("RolloutTimedOut");
    assertThat(rolledBack.message()).contains("within the rollout deadline 45m").contains("rolled back to version r1");
    assertThat(s.status().promotedVersion()).isEqualTo("r1");
    assertThat(s.status().previousVersions()).isNull();
    assertThat(s.status().releases()).extracting(r -> r.version()).containsExactly("r1");
    assertThat(s.events).filteredOn(e -> e.reason().equals("RolloutTimedOut")).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo("Warning"));
  }

  @Test
  void aModelWhoseDeploymentsGiveUpRollsBackBeforeTheDeadline() {
    RetrainScenario s = promotedR1();
    s.trigger("second").reconcile();
    s.succeed(RetrainScenario.training(2), "{\"uri\": \"s3://models/threat-intel/r2\"}");
    s.reconcile();
    s.succeed(RetrainScenario.validation(2), PASSING);
    s.reconcile();
    s.model = modelDegraded(s, "ProgressDeadlineExceeded");
    s.advance(Duration.ofMinutes(10)).reconcile();

    RetrainRun rolledBack = s.status().history().get(0);
    assertThat(rolledBack.phase()).isEqualTo(RunPhase.RolledBack);
    assertThat(rolledBack.reason()).isEqualTo("RolloutDegraded");
    assertThat(rolledBack.message()).contains("is Degraded (ProgressDeadlineExceeded");
    assertThat(s.status().promotedVersion()).isEqualTo("r1");
  }

  @Test
  void aModelDegradedForAnotherReasonWaitsForTheDeadline() {
    RetrainScenario s = promotedR1();
    s.trigger("second").reconcile();
    s.succeed(RetrainScenario.training(2), "{\"uri\": \"s3://models/threat-intel/r2\"}");
    s.reconcile();
    s.succeed(RetrainScenario.validation(2), PASSING);
    s.reconcile();
    s.model = modelDegraded(s, "PodsPendingForGpu");
    s.advance(Duration.ofMinutes(10)).reconcile();

    assertThat(s.status().currentRun().phase()).isEqualTo(RunPhase.RollingOut);
    assertThat(s.status().promotedVersion()).isEqualTo("r2");
  }

  private static io.cybershield.shield.api.v1alpha1.model.ShieldModel modelDegraded(RetrainScenario s,
      String reason) {
    var model = io.fabric8.kubernetes.client.utils.Serialization.clone(s.model);
    model.setStatus(new io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder()
        .withServedVersion("r1")
        .withConditions(new Conditions(null, java.time.Clock.fixed(s.now, java.time.ZoneOffset.UTC), 1L)
            .setFalse("Ready", "ProgressDeadlineExceeded", "rolling out r2 gave up")
            .setTrue("Degraded", reason, "deployment threat-intel-full-onprem: " + reason).toList())
        .build());
    return model;
  }

  @Test
  void triggersDuringARunAreRecordedAndIgnored() {
    RetrainScenario s = new RetrainScenario().trigger("one");
    s.reconcile();
    s.trigger("two").reconcile();
    s.trigger("three").reconcile();

    assertThat(s.status().currentRun().number()).isEqualTo(1L);
    assertThat(s.status().lastTrigger()).isEqualTo("three");
    assertThat(s.createdJobOrder).containsExactly("threat-intel-biannual-r1-train");
    assertThat(s.events).filteredOn(e -> e.reason().equals("TriggerIgnored")).hasSize(2);
  }

  @Test
  void aSuspendedRetrainStartsNothingAndSaysSo() {
    RetrainScenario s = new RetrainScenario().edit(r -> r.setSpec(RetrainSpecs.suspended(r.getSpec())));
    s.trigger("go").reconcile();

    assertThat(s.status().currentRun()).isNull();
    assertThat(s.status().phase()).isEqualTo(RetrainPhase.Suspended);
    assertThat(s.status().nextScheduleTime()).isNull();
    assertThat(s.status().lastTrigger()).isEqualTo("go");
    var ready = Conditions.find(s.status().conditions(), ShieldRetrainStatus.READY);
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo("Suspended");
    assertThat(s.created).isEmpty();
  }

  @Test
  void aRunWaitsForGpusWithAConditionNamingThePoolAndTheShortfall() {
    RetrainScenario s = new RetrainScenario().trigger("go");
    s.capacity = RetrainScenario.shortOf(3);
    s.reconcile();

    assertThat(s.status().phase()).isEqualTo(RetrainPhase.Pending);
    assertThat(s.status().currentRun().phase()).isEqualTo(RunPhase.Pending);
    var capacity = Conditions.find(s.status().conditions(), ShieldRetrainStatus.CAPACITY_AVAILABLE);
    assertThat(capacity.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(capacity.reason()).isEqualTo("InsufficientGpu");
    assertThat(capacity.message()).contains("pool onprem lacks 5 nvidia.com/gpu");
    assertThat(s.created).isEmpty();
    assertThat(s.last.requeueAfter()).isEqualTo(RunPlanner.CAPACITY_RETRY);

    s.reconcile();
    assertThat(s.events).filteredOn(e -> e.reason().equals("WaitingForCapacity")).hasSize(1);

    s.capacity = RetrainScenario.fits();
    s.reconcile();
    assertThat(s.status().currentRun().phase()).isEqualTo(RunPhase.Training);
    assertThat(Conditions.find(s.status().conditions(), ShieldRetrainStatus.CAPACITY_AVAILABLE).status())
        .isEqualTo(ConditionStatus.TRUE);
    assertThat(s.createdJobOrder).containsExactly("threat-intel-biannual-r1-train");
  }

  @Test
  void theScheduleStartsOneCatchUpRunForMissedTimes() {
    // created 2026-12-01; "0 2 1 1,7 *" in Berlin: the next time is 2027-01-01T01:00Z, then 2027-07-01T00:00Z
    RetrainScenario s = new RetrainScenario();
    s.reconcile();
    assertThat(s.status().currentRun()).isNull();
    assertThat(s.status().nextScheduleTime()).isEqualTo("2027-01-01T01:00:00Z");

    s.now = Instant.parse("2027-07-02T00:00:00Z");
    s.reconcile();
    RetrainRun run = s.status().currentRun();
    assertThat(run.trigger()).isEqualTo(RunTrigger.Scheduled);
    assertThat(s.events).filteredOn(e -> e.reason().equals("RunStarted")).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("scheduled for 2027-07-01T00:00:00Z")
            .contains("1 earlier scheduled time was skipped"));
    assertThat(s.status().lastScheduleTime()).isEqualTo("2027-07-01T00:00:00Z");
    assertThat(s.status().nextScheduleTime()).isEqualTo("2028-01-01T01:00:00Z");
  }

  @Test
  void aScheduleMissedByMoreThanTheStartingDeadlineIsSkipped() {
    RetrainScenario s = new RetrainScenario().edit(r -> r.setSpec(RetrainSpecs.deadline(r.getSpec(),
        "6h")));
    s.now = Instant.parse("2027-01-01T08:00:00Z");
    s.reconcile();

    assertThat(s.status().currentRun()).isNull();
    var ready = Conditions.find(s.status().conditions(), ShieldRetrainStatus.READY);
    assertThat(ready.reason()).isEqualTo("ScheduleMissed");
    assertThat(ready.message()).contains("2027-01-01T01:00:00Z").contains("6h");

    s.now = Instant.parse("2027-07-01T00:30:00Z");
    s.reconcile();
    assertThat(s.status().currentRun().trigger()).isEqualTo(RunTrigger.Scheduled);
  }

  @Test
  void historyKeepsTheNewestRunsAndTheirObjects() {
    RetrainScenario s = new RetrainScenario().edit(r -> r.setSpec(RetrainSpecs.historyLimit(
        r.getSpec(), 2)));
    for (int run = 1; run <= 3; run++) {
      s.trigger("t" + run).reconcile();
      s.fail(RetrainScenario.training(run), "boom", 2);
      s.reconcile();
    }
    assertThat(s.status().history()).extracting(RetrainRun::number).containsExactly(3L, 2L);
    assertThat(s.last.keptRuns()).containsExactlyInAnyOrder(3L, 2L);
  }

  @Test
  void aReportedVersionThatIsAlreadyReleasedFailsTheRun() {
    RetrainScenario s = promotedR1();
    s.trigger("again").reconcile();
    s.succeed(RetrainScenario.training(2), "{\"uri\": \"s3://models/threat-intel/x\", \"version\": \"r1\"}");
    s.reconcile();
    assertThat(s.status().history().get(0).reason()).isEqualTo("VersionConflict");
    assertThat(s.status().promotedVersion()).isEqualTo("r1");
  }

  @Test
  void noRunStartsWithoutTheModelAndTheTriggerWaits() {
    RetrainScenario s = new RetrainScenario().trigger("go");
    s.model = null;
    s.reconcile();
    assertThat(s.status().phase()).isEqualTo(RetrainPhase.Failed);
    assertThat(Conditions.find(s.status().conditions(), ShieldRetrainStatus.READY).reason())
        .isEqualTo("ModelNotFound");
    assertThat(s.status().lastTrigger()).isNull();
  }

  @Test
  void theTrainingJobGetsTheRunsInputs() {
    RetrainScenario s = new RetrainScenario().trigger("go");
    s.reconcile();
    Job job = (Job) s.created.get("threat-intel-biannual-r1-train");
    var env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("SHIELD_OUTPUT_URI");
      assertThat(e.getValue()).isEqualTo("s3://models/threat-intel/r1");
    });
    assertThat(env).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("SHIELD_MODEL_URI");
      assertThat(e.getValue()).isEqualTo("s3://models/threat-intel");
    });
  }

  /** A scenario whose first run promoted r1 and the model serves it. */
  private static RetrainScenario promotedR1() {
    RetrainScenario s = new RetrainScenario().trigger("first");
    s.reconcile();
    s.succeed(RetrainScenario.training(1), "{\"uri\": \"s3://models/threat-intel/r1\"}");
    s.reconcile();
    s.succeed(RetrainScenario.validation(1), PASSING);
    s.reconcile();
    s.modelServes("r1", true);
    s.reconcile();
    assertThat(s.status().promotedVersion()).isEqualTo("r1");
    assertThat(s.status().currentRun()).isNull();
    return s;
  }
}
