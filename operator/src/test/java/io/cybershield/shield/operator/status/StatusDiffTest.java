package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder;
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
    List<Condition> reversed = new ArrayList<>(reordered.conditions());
    Collections.reverse(reversed);

    assertThat(StatusDiff.changed(old, new ShieldModelStatusBuilder(reordered).withConditions(reversed).build()))
        .isFalse();
  }

  @Test
  void seesStatusFlipsGenerationsAndMissingStatuses() {
    ShieldModelStatus old = status("2026-11-27T22:00:00Z", "ready", "2/2");
    ShieldModelStatus flipped = new ShieldModelStatusBuilder(status("2026-11-27T22:00:00Z", "ready", "2/2"))
        .editFirstCondition().withStatus(ConditionStatus.FALSE).endCondition()
        .build();
    ShieldModelStatus newerGeneration = new ShieldModelStatusBuilder(status("2026-11-27T22:00:00Z", "ready", "2/2"))
        .withObservedGeneration(8L)
        .build();

    assertThat(StatusDiff.changed(old, flipped)).isTrue();
    assertThat(StatusDiff.changed(old, newerGeneration)).isTrue();
    assertThat(StatusDiff.changed(null, old)).isTrue();
    assertThat(StatusDiff.changed(null, null)).isFalse();
  }

  @Test
  void leavesItsArgumentsAlone() {
    ShieldModelStatus old = status("2026-11-27T22:00:00Z", "ready", "2/2");

    StatusDiff.changed(old, status("2026-11-27T22:01:00Z", "ready", "2/2"));

    assertThat(old.conditions().get(0).lastTransitionTime()).isEqualTo("2026-11-27T22:00:00Z");
  }

  private static ShieldModelStatus status(String time, String readyMessage, String replicas) {
    return new ShieldModelStatusBuilder()
        .withObservedGeneration(7L)
        .withServedVersion("v7")
        .withReplicas(replicas)
        .withConditions(new Condition("Ready", ConditionStatus.TRUE, "AllReplicasReady", readyMessage, time, 7L),
            new Condition("Degraded", ConditionStatus.FALSE, "AsExpected", "fine", time, 7L))
        .build();
  }
}
