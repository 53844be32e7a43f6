package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.spec.IncidentSurge;
import io.cybershield.shield.api.v1alpha1.model.spec.IncidentSurgeBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.PrivateCloudPool;
import io.cybershield.shield.api.v1alpha1.model.spec.PrivateCloudPoolBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.VariantBuilder;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.operator.ModelEdits;
import io.cybershield.shield.operator.status.ShieldModelStatusAggregator;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static io.cybershield.shield.operator.surge.SurgeFixtures.T0;
import static io.cybershield.shield.operator.surge.SurgeFixtures.incident;
import static io.cybershield.shield.operator.surge.SurgeFixtures.resolved;
import static io.cybershield.shield.operator.surge.SurgeFixtures.selecting;
import static io.cybershield.shield.operator.surge.SurgeFixtures.threatIntel;
import static org.assertj.core.api.Assertions.assertThat;

class SurgePolicyTest {

  private static final String GPU = GpuRequest.NVIDIA_GPU;
  private static final String MIG = "nvidia.com/mig-3g.40gb";
  /** One hour into the incidents of the fixtures (created at T0, expiring after 12h). */
  private static final Clock CLOCK = Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC);
  private static final Instant NOW = CLOCK.instant();
  private static final Instant EXPIRY = T0.plus(Duration.ofHours(12));

  private static SurgeDecision decide(ShieldModel model, List<ShieldIncident> incidents, Instant now) {
    return SurgePolicy.decide(model, incidents, null, now);
  }

  private static IncidentSurge surge(ShieldModel model) {
    return model.getSpec().autoscaling().incidentSurge();
  }

  private static PrivateCloudPool cloud(ShieldModel model) {
    return model.getSpec().placement().privateCloud();
  }

  private static void editSurge(ShieldModel model, UnaryOperator<IncidentSurgeBuilder> edit) {
    ModelEdits.editSpec(model, spec -> spec.editAutoscaling()
        .withIncidentSurge(edit.apply(new IncidentSurgeBuilder(surge(model))).build()).endAutoscaling());
  }

  private static void editCloud(ShieldModel model, UnaryOperator<PrivateCloudPoolBuilder> edit) {
    ModelEdits.editSpec(model, spec -> spec.editPlacement()
        .withPrivateCloud(edit.apply(new PrivateCloudPoolBuilder(cloud(model))).build()).endPlacement());
  }

  /**
   * The model as the next reconcile sees it after the operator reported {@code decision}, its HPAs carrying
   * {@code carriedFloor}: the status the aggregator writes, read back from the API server as JSON. That status is
   * the policy's only memory.
   */
  private static ShieldModel afterWriting(ShieldModel model, SurgeDecision decision, int carriedFloor) {
    ShieldModelStatus written = ShieldModelStatusAggregator.forModel(model, CLOCK).surge(decision, carriedFloor)
        .aggregate();
    model.setStatus(Serialization.unmarshal(Serialization.asJson(written), ShieldModelStatus.class));
    return model;
  }

  @Nested
  class Severities {

    @Test
    void criticalRaisesEveryVariantsCloudFloorToSix() {
      SurgeDecision decision = decide(threatIntel(), List.of(incident("inc-4711", Severity.CRITICAL)), NOW);

      assertThat(decision.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(decision.requestedFloor()).isEqualTo(6);
      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.shortfall()).isZero();
      assertThat(decision.shortfallGpus()).isZero();
      assertThat(decision.floorByVariant()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 6, "lite", 6));
      assertThat(decision.activeIncidents()).containsExactly(new ActiveIncident("inc-4711", Severity.CRITICAL, 6));
      assertThat(decision.surging()).isTrue();
      assertThat(decision.coolingDown()).isFalse();
      assertThat(decision.cooldownUntil()).isNull();
      assertThat(decision.reason()).isEqualTo("IncidentActive");
      assertThat(decision.message()).isEqualTo("critical incident inc-4711 raises the private-cloud floor to 6");
      assertThat(decision.nextCheck()).contains(EXPIRY);
    }

    @Test
    void highRaisesItToThree() {
      SurgeDecision decision = decide(threatIntel(), List.of(incident("inc-1", Severity.HIGH)), NOW);

      assertThat(decision.severity()).isEqualTo(Severity.HIGH);
      assertThat(decision.floor()).isEqualTo(3);
      assertThat(decision.floorByVariant()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 3, "lite", 3));
    }

    @Test
    void overlappingIncidentsTheHigherWinsAndItsFloorIsHeldForTheCooldownAfterItEnds() {
      ShieldModel model = threatIntel();
      ShieldIncident high = incident("inc-2", Severity.HIGH);
      ShieldIncident critical = incident("inc-1", Severity.CRITICAL);

      SurgeDecision both = decide(model, List.of(high, critical), NOW);
      assertThat(both.floor()).isEqualTo(6);
      assertThat(both.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(both.activeIncidents()).extracting(ActiveIncident::name).containsExactly("inc-1", "inc-2");
      assertThat(both.message()).startsWith("critical incident inc-1 raises the private-cloud floor to 6");

      Instant later = Instant.parse("2026-11-27T11:10:00Z");
      Instant heldUntil = Instant.parse("2026-11-27T11:25:00Z");
      List<ShieldIncident> criticalOver = List.of(high, resolved(critical, later));
      SurgeDecision held = decide(afterWriting(model, both, 6), criticalOver, later.plusSeconds(5));
      assertThat(held.floor()).as("the critical floor outlives the critical incident by the cooldown").isEqualTo(6);
      assertThat(held.cooldownUntil()).isEqualTo(heldUntil);
      assertThat(held.nextCheck()).contains(heldUntil);
      assertThat(held.severity()).isEqualTo(Severity.HIGH);
      assertThat(held.reason()).isEqualTo("IncidentActive");
      assertThat(held.activeIncidents()).containsExactly(new ActiveIncident("inc-2", Severity.HIGH, 3));
      assertThat(held.message()).isEqualTo("high incident inc-2 raises the private-cloud floor to 3; the floor of 6"
          + " is held until 2026-11-27T11:25:00Z after incident inc-1 ended");

      ShieldModel written = afterWriting(model, held, 6);
      assertThat(decide(written, criticalOver, heldUntil.minusMillis(1)).floor()).isEqualTo(6);
      SurgeDecision highOnly = decide(written, criticalOver, heldUntil);
      assertThat(highOnly.floor()).isEqualTo(3);
      assertThat(highOnly.coolingDown()).isFalse();
      assertThat(highOnly.activeIncidents()).containsExactly(new ActiveIncident("inc-2", Severity.HIGH, 3));
    }

    @Test
    void aHoldWhileIncidentsAreActiveIsReadBackFromTheStatusAfterARestart() {
      ShieldIncident high = incident("inc-2", Severity.HIGH);
      ShieldIncident critical = incident("inc-1", Severity.CRITICAL);
      SurgeDecision both = decide(threatIntel(), List.of(high, critical), NOW);
      Instant later = Instant.parse("2026-11-27T11:10:00Z");
      List<ShieldIncident> criticalOver = List.of(high, resolved(critical, later));
      SurgeDecision first = decide(afterWriting(threatIntel(), both, 6), criticalOver, later.plusSeconds(5));

      // a restarted operator knows only the objects: the model with the status the first hold wrote
      ShieldModel restarted = afterWriting(threatIntel(), first, 6);
      assertThat(restarted.getStatus().surge().cooldownUntil()).isEqualTo("2026-11-27T11:25:00Z");
      SurgeDecision afterRestart = decide(restarted, criticalOver, later.plusSeconds(90));

      assertThat(afterRestart.floor()).isEqualTo(6);
      assertThat(afterRestart.cooldownUntil()).isEqualTo(Instant.parse("2026-11-27T11:25:00Z"));
      assertThat(afterRestart.nextCheck()).contains(Instant.parse("2026-11-27T11:25:00Z"));
      assertThat(afterRestart.message()).isEqualTo("high incident inc-2 raises the private-cloud floor to 3; the "
          + "floor of 6 is held until 2026-11-27T11:25:00Z after a higher surge ended");
    }

    @Test
    void anEscalationAboveAHeldFloorRaisesItAndEndsTheHold() {
      ShieldModel model = threatIntel();
      ShieldIncident high = incident("inc-2", Severity.HIGH);
      ShieldIncident medium = incident("inc-3", Severity.MEDIUM);
      editSurge(model, surge -> surge.editFloors().withMedium(2).endFloors());
      Instant later = NOW.plusSeconds(600);
      SurgeDecision held = decide(afterWriting(model, decide(model, List.of(high, medium), NOW), 3),
          List.of(resolved(high, later), medium), later);
      assertThat(held.floor()).isEqualTo(3);
      assertThat(held.coolingDown()).isTrue();

      SurgeDecision escalated = decide(afterWriting(model, held, 3), List.of(resolved(high, later), medium,
          incident("inc-4", Severity.CRITICAL)), later.plusSeconds(60));

      assertThat(escalated.floor()).isEqualTo(6);
      assertThat(escalated.coolingDown()).isFalse();
      assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aSeverityWithoutAConfiguredFloorRaisesNothing() {
      SurgeDecision decision = decide(threatIntel(), List.of(incident("inc-9", Severity.MEDIUM)), NOW);

      assertThat(decision.activeIncidents()).containsExactly(new ActiveIncident("inc-9", Severity.MEDIUM, null));
      assertThat(decision.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(decision.requestedFloor()).isZero();
      assertThat(decision.floor()).isZero();
      assertThat(decision.surging()).isFalse();
      assertThat(decision.reason()).isEqualTo("IncidentActive");
      assertThat(decision.floorByVariant()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 0, "lite", 0));
    }

    @Test
    void theHighestSeverityWithAFloorWins() {
      ShieldModel model = threatIntel();
      editSurge(model, surge -> surge.editFloors().withLow(1).endFloors());

      SurgeDecision decision = decide(model,
          List.of(incident("inc-low", Severity.LOW), incident("inc-medium", Severity.MEDIUM)), NOW);

      assertThat(decision.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(decision.floor()).isEqualTo(1);
      assertThat(decision.message()).startsWith("low incident inc-low raises the private-cloud floor to 1");
    }
  }

  @Nested
  class Selection {

    @Test
    void onlySelectingIncidentsOfTheNamespaceCount() {
      ShieldIncident otherTeam = selecting(incident("inc-red", Severity.CRITICAL),
          new LabelSelectorBuilder().withMatchLabels(Map.of("team", "red")).build());
      ShieldIncident otherNamespace = incident("inc-fin", Severity.CRITICAL);
      otherNamespace.getMetadata().setNamespace("finance");
      ShieldIncident ours = selecting(incident("inc-soc", Severity.HIGH),
          new LabelSelectorBuilder().addNewMatchExpression().withKey("tier").withOperator("In")
              .withValues("gold", "silver").endMatchExpression().build());

      SurgeDecision decision = decide(threatIntel(), List.of(otherTeam, otherNamespace, ours), NOW);

      assertThat(decision.activeIncidents()).extracting(ActiveIncident::name).containsExactly("inc-soc");
      assertThat(decision.floor()).isEqualTo(3);
    }

    @Test
    void noIncidentNoSurge() {
      SurgeDecision decision = decide(threatIntel(), List.of(), NOW);

      assertThat(decision.severity()).isNull();
      assertThat(decision.floor()).isZero();
      assertThat(decision.surging()).isFalse();
      assertThat(decision.reason()).isEqualTo("NoActiveIncident");
      assertThat(decision.nextCheck()).isEmpty();
      assertThat(decision.floor()).isZero();
      assertThat(decision.cooldownUntil()).isNull();
    }
  }

  @Nested
  class Expiry {

    @Test
    void activeJustBeforeItsExpiryWhichIsTheNextCheck() {
      SurgeDecision decision = decide(threatIntel(), List.of(incident("inc-4711", Severity.CRITICAL)),
          EXPIRY.minusSeconds(1));

      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.nextCheck()).contains(EXPIRY);
    }

    @Test
    void theNextCheckIsTheEarliestExpiryOfTheActiveIncidents() {
      SurgeDecision decision = decide(threatIntel(), List.of(incident("inc-1", Severity.CRITICAL),
          incident("inc-2", Severity.HIGH, T0, "2h")), NOW);

      assertThat(decision.nextCheck()).contains(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void expiredAtItsExpiryThenTheCooldownHoldsTheFloor() {
      ShieldModel model = threatIntel();
      ShieldIncident incident = incident("inc-4711", Severity.CRITICAL);
      afterWriting(model, decide(model, List.of(incident), EXPIRY.minusSeconds(1)), 6);

      SurgeDecision decision = decide(model, List.of(incident), EXPIRY);

      assertThat(decision.activeIncidents()).isEmpty();
      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.coolingDown()).isTrue();
      assertThat(decision.cooldownUntil()).isEqualTo(Instant.parse("2026-11-27T22:15:00Z"));
      assertThat(decision.nextCheck()).contains(Instant.parse("2026-11-27T22:15:00Z"));
    }

    @Test
    void anExpiredIncidentAloneRaisesNothing() {
      SurgeDecision decision = decide(threatIntel(), List.of(incident("inc-old", Severity.CRITICAL)),
          EXPIRY.plusSeconds(3600));

      assertThat(decision.floor()).isZero();
      assertThat(decision.reason()).isEqualTo("NoActiveIncident");
    }
  }

  @Nested
  class Budget {

    @Test
    void maxGpusLowersTheFloorToTheLargestThatFitsAndReportsTheShortfall() {
      ShieldModel model = threatIntel();
      editSurge(model, surge -> surge.withMaxGpus(16));

      SurgeDecision decision = decide(model, List.of(incident("inc-4711", Severity.CRITICAL)), NOW);

      // 3 GPUs per replica step (2 + 1 MIG slice): 6 would be 18 > 16, 5 is 15
      assertThat(decision.requestedFloor()).isEqualTo(6);
      assertThat(decision.floor()).isEqualTo(5);
      assertThat(decision.shortfall()).isEqualTo(1);
      assertThat(decision.shortfallGpus()).isEqualTo(3);
      assertThat(decision.shortfallGpusByResource()).containsExactlyInAnyOrderEntriesOf(Map.of(GPU, 2L, MIG, 1L));
      assertThat(decision.floorByVariant()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 5, "lite", 5));
      assertThat(decision.surging()).isTrue();
      assertThat(decision.reason()).isEqualTo("BudgetLimited");
      assertThat(decision.message()).isEqualTo("critical incident inc-4711 raises the private-cloud floor to 6 "
          + "(budget allows 5: short 1 replica, 2 nvidia.com/gpu + 1 nvidia.com/mig-3g.40gb)");
      assertThat(decision.shortfall()).isEqualTo(1);
      assertThat(decision.requestedFloor()).isEqualTo(6);
    }

    @Test
    void theBudgetIsNotTouchedBelowIt() {
      ShieldModel model = threatIntel();
      editSurge(model, surge -> surge.withMaxGpus(16));

      SurgeDecision decision = decide(model, List.of(incident("inc-1", Severity.HIGH)), NOW);

      assertThat(decision.floor()).isEqualTo(3);
      assertThat(decision.reason()).isEqualTo("IncidentActive");
    }

    @Test
    void freeGpusOfThePoolLimitTheFloorPerResource() {
      ShieldModel model = threatIntel();
      SurgeDecision decision = SurgePolicy.decide(model, List.of(incident("inc-4711", Severity.CRITICAL)),
          Map.of(GPU, 8L, MIG, 100L), NOW);

      assertThat(decision.floor()).isEqualTo(4);
      assertThat(decision.shortfall()).isEqualTo(2);
      assertThat(decision.shortfallGpus()).isEqualTo(6);
      assertThat(decision.message()).endsWith(
          "(budget allows 4: short 2 replicas, 4 nvidia.com/gpu + 2 nvidia.com/mig-3g.40gb)");
    }

    @Test
    void aResourceThePoolDoesNotOfferHasNoFreeGpus() {
      SurgeDecision decision = SurgePolicy.decide(threatIntel(), List.of(incident("inc-4711", Severity.CRITICAL)),
          Map.of(GPU, 100L), NOW);

      assertThat(decision.floor()).isZero();
      assertThat(decision.shortfall()).isEqualTo(6);
      assertThat(decision.surging()).isFalse();
      assertThat(decision.reason()).isEqualTo("BudgetLimited");
    }

    @Test
    void theTighterOfBudgetAndPoolWins() {
      ShieldModel model = threatIntel();
      editSurge(model, surge -> surge.withMaxGpus(16));

      SurgeDecision decision = SurgePolicy.decide(model, List.of(incident("inc-4711", Severity.CRITICAL)),
          Map.of(GPU, 6L, MIG, 100L), NOW);

      assertThat(decision.floor()).isEqualTo(3);
    }

    @Test
    void theFloorIsCappedAtMaxReplicas() {
      ShieldModel model = threatIntel();
      editCloud(model, cloud -> cloud.withMaxReplicas(4));

      SurgeDecision decision = decide(model, List.of(incident("inc-4711", Severity.CRITICAL)), NOW);

      assertThat(decision.requestedFloor()).isEqualTo(4);
      assertThat(decision.floor()).isEqualTo(4);
      assertThat(decision.shortfall()).isZero();
    }

    @Test
    void neverBelowMinReplicasEvenWhenNothingFits() {
      ShieldModel model = threatIntel();
      editCloud(model, cloud -> cloud.withMinReplicas(2));
      editSurge(model, surge -> surge.withMaxGpus(0));

      SurgeDecision decision = decide(model, List.of(incident("inc-4711", Severity.CRITICAL)), NOW);

      assertThat(decision.floor()).isEqualTo(2);
      assertThat(decision.floorByVariant()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 2, "lite", 2));
      assertThat(decision.shortfall()).isEqualTo(4);
      assertThat(decision.surging()).isFalse();
      assertThat(decision.reason()).isEqualTo("BudgetLimited");
    }

    @Test
    void minReplicasIsTheFloorWithoutIncidentsAndASurgeAboveItCounts() {
      ShieldModel model = threatIntel();
      editCloud(model, cloud -> cloud.withMinReplicas(2));

      assertThat(decide(model, List.of(), NOW).floorByVariant())
          .containsExactlyInAnyOrderEntriesOf(Map.of("full", 2, "lite", 2));
      SurgeDecision high = decide(model, List.of(incident("inc-1", Severity.HIGH)), NOW);
      assertThat(high.floor()).isEqualTo(3);
      assertThat(high.surging()).isTrue();
    }

    @Test
    void aFloorAtOrBelowMinReplicasDoesNotSurge() {
      ShieldModel model = threatIntel();
      editCloud(model, cloud -> cloud.withMinReplicas(4));

      SurgeDecision decision = decide(model, List.of(incident("inc-1", Severity.HIGH)), NOW);

      assertThat(decision.floor()).isEqualTo(4);
      assertThat(decision.surging()).isFalse();
      assertThat(decision.shortfall()).isZero();
    }

    @Test
    void cpuOnlyVariantsNeedNoGpus() {
      ShieldModel model = threatIntel();
      ModelEdits.editVariant(model, model.getSpec().variants().get(1).name(), variant -> variant.withGpu(null));
      editSurge(model, surge -> surge.withMaxGpus(8));

      SurgeDecision decision = SurgePolicy.decide(model, List.of(incident("inc-4711", Severity.CRITICAL)),
          Map.of(GPU, 100L), NOW);

      assertThat(decision.floor()).isEqualTo(4);
      assertThat(decision.shortfallGpusByResource()).containsExactlyEntriesOf(Map.of(GPU, 4L));
    }

    @Test
    void aCpuOnlyModelSurgesWithoutAnyGpu() {
      ShieldModel model = threatIntel();
      ModelEdits.editSpec(model, spec -> spec.withVariants(model.getSpec().variants().stream()
        .map(variant -> new VariantBuilder(variant).withGpu(null).build()).toList()));
      editSurge(model, surge -> surge.withMaxGpus(0));

      SurgeDecision decision = SurgePolicy.decide(model, List.of(incident("inc-4711", Severity.CRITICAL)),
          Map.of(), NOW);

      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.shortfall()).isZero();
    }
  }

  @Nested
  class WithoutCloudPool {

    @Test
    void aRestrictedModelNeverSurges() {
      ShieldModel model = threatIntel();
      ModelEdits.editSpec(model, spec -> spec.withDataClassification(DataClassification.RESTRICTED));
      editCloud(model, cloud -> cloud.withMaxReplicas(0));

      SurgeDecision decision = decide(model, List.of(incident("inc-4711", Severity.CRITICAL)), NOW);

      assertThat(decision.floor()).isZero();
      assertThat(decision.requestedFloor()).isZero();
      assertThat(decision.floorByVariant()).isEmpty();
      assertThat(decision.surging()).isFalse();
      assertThat(decision.activeIncidents()).extracting(ActiveIncident::name).containsExactly("inc-4711");
      assertThat(decision.message()).isEqualTo(
          "critical incident inc-4711 is active but the restricted model stays on premises: no private-cloud surge");
    }

    @Test
    void restrictedWinsEvenIfACloudPoolSlippedThrough() {
      ShieldModel model = threatIntel();
      ModelEdits.editSpec(model, spec -> spec.withDataClassification(DataClassification.RESTRICTED));

      SurgeDecision decision = decide(model, List.of(incident("inc-4711", Severity.CRITICAL)), NOW);

      assertThat(decision.floor()).isZero();
      assertThat(decision.floorByVariant()).isEmpty();
    }

    @Test
    void aModelWithoutPrivateCloudPoolNeverSurges() {
      ShieldModel model = threatIntel();
      ModelEdits.editSpec(model, spec -> spec.editPlacement().withPrivateCloud(null).endPlacement());

      SurgeDecision decision = decide(model, List.of(incident("inc-4711", Severity.CRITICAL)), NOW);

      assertThat(decision.floor()).isZero();
      assertThat(decision.floorByVariant()).isEmpty();
    }
  }

  @Nested
  class Cooldown {

    private final Instant end = Instant.parse("2026-11-27T12:00:00Z");
    private final Instant until = Instant.parse("2026-11-27T12:15:00Z");

    /** The model after a critical surge that was written to its status, the incident resolved at {@code end}. */
    private ShieldModel surgedModel() {
      ShieldModel model = threatIntel();
      return afterWriting(model, decide(model, List.of(incident("inc-4711", Severity.CRITICAL)), NOW), 6);
    }

    /** {@link #surgedModel()} after the reconcile at {@code end} wrote the cooldown into its status. */
    private ShieldModel cooledDown() {
      return afterWriting(surgedModel(), decide(surgedModel(), resolvedAtEnd(), end), 6);
    }

    private List<ShieldIncident> resolvedAtEnd() {
      return List.of(resolved(incident("inc-4711", Severity.CRITICAL), end));
    }

    @Test
    void resolutionStartsTheCooldownFromTheRecordedEndTime() {
      SurgeDecision decision = decide(surgedModel(), resolvedAtEnd(), end.plusSeconds(30));

      assertThat(decision.activeIncidents()).isEmpty();
      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.floorByVariant()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 6, "lite", 6));
      assertThat(decision.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(decision.surging()).isTrue();
      assertThat(decision.coolingDown()).isTrue();
      assertThat(decision.cooldownUntil()).isEqualTo(until);
      assertThat(decision.nextCheck()).contains(until);
      assertThat(decision.reason()).isEqualTo("CoolingDown");
      assertThat(decision.message()).isEqualTo(
          "private-cloud floor held at 6: cooling down until 2026-11-27T12:15:00Z after incident inc-4711 ended");
      assertThat(decision.cooldownUntil()).isEqualTo(Instant.parse("2026-11-27T12:15:00Z"));
    }

    @Test
    void aResolvedIncidentWhoseEndIsNotRecordedYetHoldsItsFloorUntilTheRecordThenCoolsDownFromIt() {
      Instant now = end.plusSeconds(30);
      SurgeDecision pending = decide(surgedModel(), List.of(resolved(incident("inc-4711", Severity.CRITICAL),
          null)), now);
      assertThat(pending.surging()).as("the floor stands until the incident controller records the end").isTrue();
      assertThat(pending.cooldownUntil()).isNull();
      assertThat(pending.floor()).isEqualTo(decide(surgedModel(), List.of(incident("inc-4711", Severity.CRITICAL)),
          now).floor());

      Instant recorded = now.plusSeconds(1);
      SurgeDecision cooling = decide(surgedModel(), List.of(resolved(incident("inc-4711", Severity.CRITICAL),
          recorded)), now.plusSeconds(2));
      assertThat(cooling.cooldownUntil()).isEqualTo(recorded.plus(Duration.ofMinutes(15)));
    }

    @Test
    void boundaries() {
      ShieldModel model = cooledDown();

      SurgeDecision justBefore = decide(model, resolvedAtEnd(), until.minusMillis(1));
      assertThat(justBefore.floor()).isEqualTo(6);
      assertThat(justBefore.coolingDown()).isTrue();

      SurgeDecision exactlyAt = decide(model, resolvedAtEnd(), until);
      assertThat(exactlyAt.floor()).isZero();
      assertThat(exactlyAt.coolingDown()).isFalse();
      assertThat(exactlyAt.cooldownUntil()).isNull();
      assertThat(exactlyAt.surging()).isFalse();
      assertThat(exactlyAt.reason()).isEqualTo("NoActiveIncident");
      assertThat(exactlyAt.nextCheck()).isEmpty();

      SurgeDecision after = decide(model, resolvedAtEnd(), until.plusSeconds(3600));
      assertThat(after.floor()).isZero();
      assertThat(after.cooldownUntil()).isNull();
    }

    @Test
    void boundariesWhenTheCooldownWasNeverWrittenToTheStatus() {
      assertThat(decide(surgedModel(), resolvedAtEnd(), until.minusMillis(1)).floor()).isEqualTo(6);
      SurgeDecision exactlyAt = decide(surgedModel(), resolvedAtEnd(), until);
      assertThat(exactlyAt.floor()).isZero();
      assertThat(exactlyAt.coolingDown()).isFalse();
      assertThat(decide(surgedModel(), resolvedAtEnd(), until.plusSeconds(1)).floor()).isZero();
    }

    @Test
    void midCooldownTheAnswerComesFromTheObjectsAlone() {
      Instant mid = Instant.parse("2026-11-27T12:07:00Z");
      SurgeDecision holding = new SurgeDecision(List.of(), Severity.CRITICAL, 6, 6, 0, 0, 0, Map.of(),
          Map.of("full", 6, "lite", 6), until, Optional.of(until), "CoolingDown",
          "private-cloud floor held at 6: cooling down until 2026-11-27T12:15:00Z after incident inc-4711 ended");

      ShieldModel written = cooledDown();
      assertThat(written.getStatus().surge().cooldownUntil()).isEqualTo("2026-11-27T12:15:00Z");
      assertThat(written.getStatus().activeIncidents()).isNull();
      assertThat(decide(written, resolvedAtEnd(), mid)).isEqualTo(holding);
      // also before the cooldown was written: the status still lists the incident as active, which ended at end
      assertThat(decide(surgedModel(), resolvedAtEnd(), mid)).isEqualTo(holding);
    }

    @Test
    void theRecordedCooldownHoldsEvenAfterTheIncidentIsDeleted() {
      ShieldModel written = cooledDown();

      SurgeDecision decision = decide(written, List.of(), end.plus(Duration.ofMinutes(10)));

      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.cooldownUntil()).isEqualTo(until);
      assertThat(decision.message()).isEqualTo(
          "private-cloud floor held at 6: cooling down until 2026-11-27T12:15:00Z after the last incident ended");
    }

    @Test
    void aVanishedIncidentStartsTheCooldownNow() {
      Instant now = NOW.plus(Duration.ofMinutes(20));

      SurgeDecision decision = decide(surgedModel(), List.of(), now);

      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.cooldownUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
      assertThat(decision.reason()).isEqualTo("CoolingDown");
      assertThat(decision.message()).endsWith("after incident inc-4711 ended");
    }

    @Test
    void theConfiguredCooldownIsUsedAndDefaultsTo15m() {
      ShieldModel hourAndHalf = surgedModel();
      editSurge(hourAndHalf, surge -> surge.withCooldown("1h30m"));
      assertThat(decide(hourAndHalf, resolvedAtEnd(), end).cooldownUntil())
          .isEqualTo(end.plus(Duration.ofMinutes(90)));

      ShieldModel unset = surgedModel();
      editSurge(unset, surge -> surge.withCooldown(null));
      assertThat(decide(unset, resolvedAtEnd(), end).cooldownUntil()).isEqualTo(until);
    }

    @Test
    void aNewLowerIncidentDuringTheCooldownNeverLowersTheHeldFloor() {
      ShieldModel written = cooledDown();
      List<ShieldIncident> incidents = List.of(resolved(incident("inc-4711", Severity.CRITICAL), end),
          incident("inc-4712", Severity.HIGH));

      SurgeDecision decision = decide(written, incidents, end.plus(Duration.ofMinutes(5)));
      assertThat(decision.floor()).isEqualTo(6);
      assertThat(decision.cooldownUntil()).isEqualTo(until);
      assertThat(decision.reason()).isEqualTo("IncidentActive");
      assertThat(decision.activeIncidents()).extracting(ActiveIncident::name).containsExactly("inc-4712");

      SurgeDecision afterTheCooldown = decide(afterWriting(written, decision, 6), incidents, until);
      assertThat(afterTheCooldown.floor()).isEqualTo(3);
      assertThat(afterTheCooldown.coolingDown()).isFalse();
    }

    @Test
    void theHeldFloorStaysWithinTheBudget() {
      ShieldModel written = cooledDown();
      editSurge(written, surge -> surge.withMaxGpus(9));

      SurgeDecision decision = decide(written, resolvedAtEnd(), end.plusSeconds(60));

      assertThat(decision.floor()).isEqualTo(3);
      assertThat(decision.coolingDown()).isTrue();
    }

    @Test
    void aModelThatNeverSurgedDoesNotCoolDown() {
      SurgeDecision decision = decide(threatIntel(), resolvedAtEnd(), end.plusSeconds(30));

      assertThat(decision.coolingDown()).isFalse();
      assertThat(decision.floor()).isZero();
    }

    @Test
    void aSurgeWithoutFloorLeavesNothingToCoolDown() {
      ShieldModel model = threatIntel();
      afterWriting(model, decide(model, List.of(incident("inc-9", Severity.MEDIUM)), NOW), 0);

      SurgeDecision decision = decide(model, List.of(resolved(incident("inc-9", Severity.MEDIUM), end)), end);

      assertThat(decision.coolingDown()).isFalse();
      assertThat(decision.floor()).isZero();
    }
  }
}
