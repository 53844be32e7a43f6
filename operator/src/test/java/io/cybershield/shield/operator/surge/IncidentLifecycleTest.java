package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.IncidentPhase;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentSpecBuilder;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentStatusBuilder;
import io.cybershield.shield.operator.surge.IncidentState.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.cybershield.shield.operator.surge.SurgeFixtures.T0;
import static io.cybershield.shield.operator.surge.SurgeFixtures.incident;
import static io.cybershield.shield.operator.surge.SurgeFixtures.resolved;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentLifecycleTest {

  private static final Instant EXPIRY = T0.plus(Duration.ofHours(12));

  @Test
  void activeFromCreationUntilJustBeforeItsExpiry() {
    ShieldIncident incident = incident("inc-4711", Severity.CRITICAL);

    assertThat(IncidentLifecycle.state(incident, T0)).isEqualTo(new IncidentState(Phase.ACTIVE, EXPIRY, null));
    assertThat(IncidentLifecycle.state(incident, EXPIRY.minusMillis(1)).phase()).isEqualTo(Phase.ACTIVE);
  }

  @Test
  void expiredExactlyAtCreationPlusExpiresAfterAndEndedThen() {
    ShieldIncident incident = incident("inc-4711", Severity.CRITICAL);

    assertThat(IncidentLifecycle.state(incident, EXPIRY)).isEqualTo(new IncidentState(Phase.EXPIRED, EXPIRY, EXPIRY));
    assertThat(IncidentLifecycle.state(incident, EXPIRY.plusSeconds(3600)))
        .isEqualTo(new IncidentState(Phase.EXPIRED, EXPIRY, EXPIRY));
  }

  @Test
  void expiresAfterDefaultsTo24hAndCompoundDurationsWork() {
    assertThat(IncidentLifecycle.state(incident("a", Severity.LOW, T0, null), T0).expiry())
        .isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(IncidentLifecycle.state(incident("b", Severity.LOW, T0, "1h30m"), T0).expiry())
        .isEqualTo(T0.plus(Duration.ofMinutes(90)));
  }

  @Test
  void resolvedEndsAtTheRecordedEndTimeOrNow() {
    Instant now = T0.plusSeconds(7200);
    Instant recorded = T0.plusSeconds(3600);

    assertThat(IncidentLifecycle.state(resolved(incident("a", Severity.HIGH), recorded), now))
        .isEqualTo(new IncidentState(Phase.RESOLVED, EXPIRY, recorded));
    assertThat(IncidentLifecycle.state(resolved(incident("b", Severity.HIGH), null), now))
        .isEqualTo(new IncidentState(Phase.RESOLVED, EXPIRY, now));
  }

  @Test
  void anIncidentRecordedAsExpiredStaysExpiredWhenResolvedLater() {
    ShieldIncident incident = incident("a", Severity.HIGH);
    incident.setStatus(new ShieldIncidentStatusBuilder()
        .withPhase(IncidentPhase.Expired)
        .withEndTime(EXPIRY.toString())
        .build());
    incident.setSpec(new ShieldIncidentSpecBuilder(incident.getSpec()).withResolved(true).build());

    assertThat(IncidentLifecycle.state(incident, EXPIRY.plusSeconds(60)))
        .isEqualTo(new IncidentState(Phase.EXPIRED, EXPIRY, EXPIRY));
  }

  @Test
  void resolvedWithoutRecordedEndAfterItsExpiryEndedAtTheExpiry() {
    Instant later = EXPIRY.plusSeconds(600);
    assertThat(IncidentLifecycle.state(resolved(incident("a", Severity.HIGH), null), later).endedAt())
        .isEqualTo(EXPIRY);
  }

  @Test
  void onlySpecDeletionPhaseAndEndTimeChangesAreSurgeInputs() {
    ShieldIncident before = incident("a", Severity.HIGH);
    before.getMetadata().setGeneration(1L);

    ShieldIncident reported = copy(before);
    reported.setStatus(new ShieldIncidentStatusBuilder()
        .withPhase(IncidentPhase.Active)
        .withModels(new io.cybershield.shield.api.v1alpha1.incident.SurgedModelBuilder().build())
        .build());
    assertThat(IncidentLifecycle.surgeInputsChanged(before, reported)).as("the phase Active recorded, and a report of surged models").isFalse();

    ShieldIncident escalated = copy(before);
    escalated.setSpec(new ShieldIncidentSpecBuilder(escalated.getSpec()).withSeverity(Severity.CRITICAL).build());
    escalated.getMetadata().setGeneration(2L);
    assertThat(IncidentLifecycle.surgeInputsChanged(before, escalated)).as("a severity change").isTrue();

    ShieldIncident ended = copy(before);
    ended.setStatus(new ShieldIncidentStatusBuilder()
        .withPhase(IncidentPhase.Expired)
        .withEndTime(EXPIRY.toString())
        .build());
    assertThat(IncidentLifecycle.surgeInputsChanged(before, ended)).as("a recorded expiry").isTrue();

    ShieldIncident deleting = copy(before);
    deleting.getMetadata().setDeletionTimestamp(T0.plusSeconds(5).toString());
    assertThat(IncidentLifecycle.surgeInputsChanged(before, deleting)).as("a deletion under way").isTrue();
  }

  private static ShieldIncident copy(ShieldIncident incident) {
    return io.fabric8.kubernetes.client.utils.Serialization.clone(incident);
  }
}
