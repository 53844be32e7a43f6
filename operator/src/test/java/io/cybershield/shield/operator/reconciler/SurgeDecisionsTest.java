package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SurgeDecisionsTest {

  private static final ResourceID THREAT_INTEL = new ResourceID("threat-intel", "soc");
  private static final ResourceID TRIAGE = new ResourceID("triage", "soc");

  private static final SurgeDecision QUIET = new SurgeDecision(List.of(), null, 0, 0, 0, 0, 0, Map.of(),
      Map.of("full", 0), null, Optional.empty(), "NoActiveIncident", "no active incident selects this model");
  private static final SurgeDecision CRITICAL = new SurgeDecision(
      List.of(new ActiveIncident("inc-4711", Severity.CRITICAL, 6)), Severity.CRITICAL, 6, 6, 0, 0, 0, Map.of(),
      Map.of("full", 6), null, Optional.empty(), "IncidentActive",
      "critical incident inc-4711 raises the private-cloud floor to 6");

  private final SurgeDecisions decisions = new SurgeDecisions();
  private final List<Event> signalled = new ArrayList<>();

  @BeforeEach
  void start() {
    var source = decisions.eventSource();
    source.setEventHandler(signalled::add);
    source.start();
  }

  private static ShieldModel model(String name) {
    ShieldModel model = new ShieldModel();
    model.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("soc").build());
    return model;
  }

  @Test
  void aNewModelsFirstQuietDecisionSignalsNothing() {
    decisions.publish(model("threat-intel"), QUIET, 0);

    assertThat(signalled).isEmpty();
    assertThat(decisions.latest(THREAT_INTEL)).contains(new SurgeDecisions.Applied(QUIET, 0));
  }

  @Test
  void aFirstQuietDecisionSignalsWhenTheStatusStillReportsASurge() {
    ShieldModel surged = model("threat-intel");
    surged.setStatus(new ShieldModelStatusBuilder().withConditions(new Condition("Surging", ConditionStatus.TRUE,
        "IncidentActive", "critical incident inc-4711 raises the private-cloud floor to 6", "2026-11-27T10:00:00Z",
        1L)).build());

    decisions.publish(surged, QUIET, 0);

    assertThat(signalled).containsExactly(new Event(THREAT_INTEL));
  }

  @Test
  void aFirstActiveDecisionSignals() {
    decisions.publish(model("threat-intel"), CRITICAL, 6);

    assertThat(signalled).containsExactly(new Event(THREAT_INTEL));
  }

  @Test
  void theSameDecisionAndFloorAgainSignalNothing() {
    decisions.publish(model("threat-intel"), CRITICAL, 6);
    decisions.publish(model("threat-intel"), CRITICAL, 6);

    assertThat(signalled).containsExactly(new Event(THREAT_INTEL));
  }

  @Test
  void aChangedCarriedFloorSignals() {
    // the decision stays; the HPA write that carried only 4 of the 6 is caught up with
    decisions.publish(model("threat-intel"), CRITICAL, 4);
    decisions.publish(model("threat-intel"), CRITICAL, 6);

    assertThat(signalled).containsExactly(new Event(THREAT_INTEL), new Event(THREAT_INTEL));
    assertThat(decisions.latest(THREAT_INTEL)).contains(new SurgeDecisions.Applied(CRITICAL, 6));
  }

  @Test
  void latestIsTheLastPublished() {
    decisions.publish(model("threat-intel"), CRITICAL, 6);
    decisions.publish(model("threat-intel"), QUIET, 0);

    assertThat(decisions.latest(THREAT_INTEL)).contains(new SurgeDecisions.Applied(QUIET, 0));
    assertThat(decisions.latest(TRIAGE)).isEmpty();
    assertThat(signalled).containsExactly(new Event(THREAT_INTEL), new Event(THREAT_INTEL));
  }

  @Test
  void retainForgetsTheModelsThatNoLongerExist() {
    decisions.publish(model("threat-intel"), CRITICAL, 6);
    decisions.publish(model("triage"), QUIET, 0);

    decisions.retain(Set.of(THREAT_INTEL));

    assertThat(decisions.size()).isEqualTo(1);
    assertThat(decisions.latest(THREAT_INTEL)).contains(new SurgeDecisions.Applied(CRITICAL, 6));
    assertThat(decisions.latest(TRIAGE)).isEmpty();
  }
}
