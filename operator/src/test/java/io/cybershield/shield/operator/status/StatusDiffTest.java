package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusDiffTest {

  @Test
  void ignoresOnlyTheConditionsTransitionTimes() {
    ShieldModelStatus old = status("2026-11-27T22:00:00Z", "all 2 replicas ready", "2/2");

    assertThat(StatusDiff.changed(old, status("2026-11-27T22:00:00Z", "all 2 replicas ready", "2/2"))).isFalse();
    assertThat(StatusDiff.changed(old, status("2026-11-27T23:59:59Z", "all 2 replicas ready", "2/2"))).isFalse();
    assertThat(StatusDiff.changed(old, status("2026-11-27T22:00:00Z", "all 3 replicas ready", "2/2"))).isTrue();
    assertThat(StatusDiff.changed(old, status("2026-11-27T22:00:00Z", "all 2 replicas ready", "1/2"))).isTrue();
  }

  @Test
  void comparesConditionsByTypeWhateverTheirOrder() {
    ShieldModelStatus old = status("2026-11-27T22:00:00Z", "ready", "2/2");
    ShieldModelStatus reordered = status("2026-11-27T22:00:00Z", "ready", "2/2");
    List<Condition> reversed = new ArrayList<>(reordered.getConditions());
    Collections.reverse(reversed);
    reordered.setConditions(reversed);

    assertThat(StatusDiff.changed(old, reordered)).isFalse();
  }

  @Test
  void seesStatusFlipsGenerationsAndMissingStatuses() {
    ShieldModelStatus old = status("2026-11-27T22:00:00Z", "ready", "2/2");
    ShieldModelStatus flipped = status("2026-11-27T22:00:00Z", "ready", "2/2");
    flipped.getConditions().get(0).setStatus(ConditionStatus.FALSE);
    ShieldModelStatus newerGeneration = status("2026-11-27T22:00:00Z", "ready", "2/2");
    newerGeneration.setObservedGeneration(8L);

    assertThat(StatusDiff.changed(old, flipped)).isTrue();
    assertThat(StatusDiff.changed(old, newerGeneration)).isTrue();
    assertThat(StatusDiff.changed(null, old)).isTrue();
    assertThat(StatusDiff.changed(null, null)).isFalse();
  }

  @Test
  void leavesItsArgumentsAlone() {
    ShieldModelStatus old = status("2026-11-27T22:00:00Z", "ready", "2/2");

    StatusDiff.changed(old, status("2026-11-27T22:01:00Z", "ready", "2/2"));

    assertThat(old.getConditions().get(0).getLastTransitionTime()).isEqualTo("2026-11-27T22:00:00Z");
  }

  private static ShieldModelStatus status(String time, String readyMessage, String replicas) {
    ShieldModelStatus status = new ShieldModelStatus();
    status.setObservedGeneration(7L);
    status.setServedVersion("v7");
    status.setReplicas(replicas);
    Condition ready = new Condition("Ready", ConditionStatus.TRUE, "AllReplicasReady", readyMessage);
    ready.setLastTransitionTime(time);
    ready.setObservedGeneration(7L);
    Condition degraded = new Condition("Degraded", ConditionStatus.FALSE, "AsExpected", "fine");
    degraded.setLastTransitionTime(time);
    degraded.setObservedGeneration(7L);
    status.setConditions(new ArrayList<>(List.of(ready, degraded)));
    return status;
  }
}
