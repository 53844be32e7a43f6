package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.cybershield.shield.operator.status.StatusFixtures.T0;
import static io.cybershield.shield.operator.status.StatusFixtures.T0_TEXT;
import static io.cybershield.shield.operator.status.StatusFixtures.T1;
import static io.cybershield.shield.operator.status.StatusFixtures.T1_TEXT;
import static io.cybershield.shield.operator.status.StatusFixtures.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConditionsTest {

  @Test
  void newConditionsTransitionNowAtSecondPrecisionInTheStandardOrder() {
    List<Condition> conditions = new Conditions(null, clockAt(T0), 3L)
        .setTrue("Surging", "IncidentSurge", "surging")
        .setTrue("CapacityAvailable", "Sufficient", "fits")
        .setFalse("Degraded", "AsExpected", "fine")
        .setUnknown("Custom", "NotChecked", "")
        .setTrue("Progressing", "RollingOut", "rolling")
        .setFalse("Ready", "Progressing", "rolling")
        .toList();

    assertThat(conditions).extracting(Condition::type)
        .containsExactly("Ready", "Progressing", "Degraded", "CapacityAvailable", "Surging", "Custom");
    assertThat(conditions).extracting(Condition::lastTransitionTime).containsOnly(T0_TEXT);
    assertThat(conditions).extracting(Condition::observedGeneration).containsOnly(3L);
    assertThat(Conditions.timestamp(Instant.parse("2026-01-02T03:04:05.999999Z"))).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void aConditionKeepsItsTransitionTimeUntilItsStatusChanges() {
    List<Condition> first = new Conditions(null, clockAt(T0), 1L)
        .setFalse("Ready", "DeploymentsMissing", "creating")
        .setTrue("Progressing", "CreatingDeployments", "creating")
        .toList();

    List<Condition> second = new Conditions(first, clockAt(T1), 2L)
        .setFalse("Ready", "Progressing", "rolling out version v7: 1/2 replicas updated")
        .setFalse("Progressing", "RolloutComplete", "done")
        .toList();

    assertThat(second).extracting(Condition::type, Condition::reason, Condition::lastTransitionTime,
        Condition::observedGeneration).containsExactly(
        tuple("Ready", "Progressing", T0_TEXT, 2L),
        tuple("Progressing", "RolloutComplete", T1_TEXT, 2L));
    assertThat(first.get(0).reason()).isEqualTo("DeploymentsMissing");
  }

  @Test
  void mergeKeepsConditionsItDoesNotSet() {
    Condition surging = new Condition("Surging", ConditionStatus.TRUE, "IncidentSurge", "inc-4711",
        "2026-11-27T20:00:00Z", null);
    Condition ready = new Condition("Ready", ConditionStatus.TRUE, "AllReplicasReady", "ok", "2026-11-27T21:00:00Z",
        null);

    List<Condition> merged = Conditions.merge(List.of(surging, ready),
        List.of(new Condition("Ready", ConditionStatus.FALSE, "Unschedulable", "pending", null, null),
            new Condition("Degraded", ConditionStatus.TRUE, "PodsPendingForGpu", "pending", null, null)),
        clockAt(T1));

    assertThat(merged).extracting(Condition::type, Condition::status, Condition::lastTransitionTime)
        .containsExactly(
            tuple("Ready", ConditionStatus.FALSE, T1_TEXT),
            tuple("Degraded", ConditionStatus.TRUE, T1_TEXT),
            tuple("Surging", ConditionStatus.TRUE, "2026-11-27T20:00:00Z"));
    assertThat(Conditions.isTrue(merged, "Surging")).isTrue();
    assertThat(Conditions.isTrue(merged, "Ready")).isFalse();
  }

  @Test
  void anExistingConditionWithoutATimestampGetsOne() {
    Condition old = new Condition("Ready", ConditionStatus.TRUE, "AllReplicasReady", "ok", null, null);

    List<Condition> conditions = new Conditions(List.of(old), clockAt(T0), 1L)
        .setTrue("Ready", "AllReplicasReady", "ok").toList();

    assertThat(conditions.get(0).lastTransitionTime()).isEqualTo(T0_TEXT);
  }
}
