package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.api.v1alpha1.model.status.GatewayStatus;
import io.cybershield.shield.api.v1alpha1.model.status.PoolStatus;
import io.cybershield.shield.api.v1alpha1.model.status.SurgeStatus;
import io.cybershield.shield.api.v1alpha1.model.status.SurgeStatusBuilder;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.api.v1alpha1.incident.IncidentPhase;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentSpecBuilder;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentStatusBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.AutoscalingBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.IncidentSurgeBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.SurgeFloorsBuilder;
import io.cybershield.shield.operator.ModelEdits;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.cybershield.shield.operator.wake.Wake;
import io.cybershield.shield.operator.surge.SurgePolicy;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.cybershield.shield.operator.status.StatusFixtures.MODEL;
import static io.cybershield.shield.operator.status.StatusFixtures.T0;
import static io.cybershield.shield.operator.status.StatusFixtures.T0_TEXT;
import static io.cybershield.shield.operator.status.StatusFixtures.T1;
import static io.cybershield.shield.operator.status.StatusFixtures.T1_TEXT;
import static io.cybershield.shield.operator.status.StatusFixtures.clockAt;
import static io.cybershield.shield.operator.status.StatusFixtures.deployment;
import static io.cybershield.shield.operator.status.StatusFixtures.model;
import static io.cybershield.shield.operator.status.StatusFixtures.onPremTwoCloudParked;
import static io.cybershield.shield.operator.status.StatusFixtures.pendingForGpu;
import static io.cybershield.shield.operator.status.StatusFixtures.rolledOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ShieldModelStatusAggregatorTest {

  private static final Deployment PARKED = rolledOut(Pool.PRIVATE_CLOUD, "v7", 0);

  @Test
  void firstReconcileWithoutDeploymentsIsNotReadyAndProgressing() {
    ShieldModel model = model("v7", 1);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of()).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(status.conditions()).extracting(Condition::type, Condition::status, Condition::reason)
        .containsExactly(
            tuple("Ready", ConditionStatus.FALSE, "DeploymentsMissing"),
            tuple("Progressing", ConditionStatus.TRUE, "CreatingDeployments"),
            tuple("Degraded", ConditionStatus.FALSE, "AsExpected"),
            tuple("CapacityAvailable", ConditionStatus.TRUE, "Sufficient"));
    assertThat(condition(status, "Ready").message())
        .isEqualTo("Deployments not created yet: threat-intel-full-onprem");
    assertThat(condition(status, "Progressing").message())
        .isEqualTo("creating Deployments threat-intel-full-onprem for version v7");
    assertThat(status.conditions()).allSatisfy(condition -> {
      assertThat(condition.lastTransitionTime()).isEqualTo(T0_TEXT);
      assertThat(condition.observedGeneration()).isEqualTo(1L);
    });
    assertThat(status.servedVersion()).isNull();
    assertThat(status.replicas()).isEqualTo("0/2");
    assertThat(status.observedGeneration()).isEqualTo(1L);
  }

  @Test
  void allDeploymentsAvailableMakeTheModelReadyAndServeTheVersion() {
    ShieldModel model = model("v7", 1);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(condition(status, "Ready")).extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(ConditionStatus.TRUE, "AllReplicasReady", "all 2 desired replicas of 1 variant serve version v7");
    assertThat(condition(status, "Progressing")).extracting(Condition::status, Condition::reason,
        Condition::message).containsExactly(ConditionStatus.FALSE, "RolloutComplete",
        "version v7 is rolled out: 2/2 replicas available");
    assertThat(condition(status, "Degraded").status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(status.servedVersion()).isEqualTo("v7");
    assertThat(status.replicas()).isEqualTo("2/2");
    assertThat(status.variants()).singleElement().satisfies(variant -> {
      assertThat(variant.name()).isEqualTo("full");
      assertThat(variant.service()).isEqualTo("threat-intel-full");
      assertThat(variant.pools()).extracting(PoolStatus::pool, PoolStatus::deployment,
          PoolStatus::desiredReplicas, PoolStatus::readyReplicas, PoolStatus::floor).containsExactly(
          tuple(Pool.ONPREM, "threat-intel-full-onprem", 2, 2, null),
          tuple(Pool.PRIVATE_CLOUD, "threat-intel-full-cloud", 0, 0, 0));
    });
  }

  @Test
  void aModelFollowingARetrainSaysInItsReadyMessageWhyItServesTheVersion() {
    ShieldModel served = model("r1", 1);
    String why = "ShieldRetrain threat-intel-biannual promoted version r1 (weights s3://models/threat-intel/r1)";

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(served, clockAt(T0)).servedBecause(why)
        .deployments(List.of(rolledOut(Pool.ONPREM, "r1", 2), rolledOut(Pool.PRIVATE_CLOUD, "r1", 0)))
        .pods(List.of()).capacity(fittingPlan(served)).desired(onPremTwoCloudParked()).aggregate();

    assertThat(condition(status, "Ready")).extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(ConditionStatus.TRUE, "AllReplicasReady", "all 2 desired replicas of 1 variant serve version "
            + "r1; ShieldRetrain threat-intel-biannual promoted version r1 (weights s3://models/threat-intel/r1)");
    assertThat(condition(status, "Progressing").message()).isEqualTo("version r1 is rolled out: 2/2 replicas "
        + "available");
    assertThat(status.servedVersion()).isEqualTo("r1");

    ShieldModelStatus starting = ShieldModelStatusAggregator.forModel(served, clockAt(T0)).servedBecause(why)
        .deployments(List.of()).pods(List.of()).capacity(fittingPlan(served)).desired(onPremTwoCloudParked())
        .aggregate();
    assertThat(condition(starting, "Ready").message()).isEqualTo("Deployments not created yet: "
        + "threat-intel-full-onprem; " + why);
  }

  @Test
  void aParkedCloudPoolCountsAsReadyEvenBeforeItsDeploymentIsSeen() {
    ShieldModel model = model("v7", 1);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2))).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(condition(status, "Ready").status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(status.servedVersion()).isEqualTo("v7");
  }

  @Test
  void aVersionChangeMidRolloutKeepsServingTheOldVersion() {
    ShieldModel model = model("v8", 2);
    model.setStatus(ShieldModelStatusAggregator.forModel(model("v7", 1), clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(null)
        .desired(onPremTwoCloudParked()).aggregate());
    // maxSurge 1: one v8 pod is up, both v7 pods still serve.
    Deployment rolling = deployment(Pool.ONPREM, "v8", 2, 2, true, 3, 1, 2, 2);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T1)).deployments(List.of(rolling, PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(condition(status, "Progressing")).extracting(Condition::status, Condition::reason,
        Condition::message, Condition::lastTransitionTime)
        .containsExactly(ConditionStatus.TRUE, "RollingOut", "rolling out version v8: 1/2 replicas updated", T1_TEXT);
    assertThat(status.servedVersion()).isEqualTo("v7");
    assertThat(condition(status, "Ready")).extracting(Condition::status, Condition::reason)
        .containsExactly(ConditionStatus.FALSE, "Progressing");
    assertThat(condition(status, "Degraded").status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(status.observedGeneration()).isEqualTo(2L);

    // Before the Deployment controller sees the new template nothing counts as updated.
    Deployment stale = rolledOut(Pool.ONPREM, "v7", 2);
    ShieldModelStatus notYet = ShieldModelStatusAggregator.forModel(model, clockAt(T1)).deployments(List.of(stale, PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();
    assertThat(condition(notYet, "Progressing").message()).isEqualTo("rolling out version v8: 0/2 replicas updated");
    assertThat(notYet.servedVersion()).isEqualTo("v7");

    // The parked cloud Deployment gets the new template too; a stale one would start v7 pods when woken.
    ShieldModelStatus parkedStale = ShieldModelStatusAggregator.forModel(model, clockAt(T1)).deployments(List.of(deployment(Pool.ONPREM, "v8", 2, 2, true, 2, 2, 2, 2), PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();
    assertThat(parkedStale.servedVersion()).isEqualTo("v7");

    // Once done, v8 is served.
    ShieldModelStatus done = ShieldModelStatusAggregator.forModel(model, clockAt(T1)).deployments(List.of(deployment(Pool.ONPREM, "v8", 2, 2, true, 2, 2, 2, 2), rolledOut(Pool.PRIVATE_CLOUD, "v8", 0))).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();
    assertThat(done.servedVersion()).isEqualTo("v8");
    assertThat(condition(done, "Progressing").reason()).isEqualTo("RolloutComplete");
  }

  @Test
  void aDeploymentWhoseControllerHasNotCaughtUpIsNotRolledOut() {
    ShieldModel model = model("v7", 1);
    Deployment behind = deployment(Pool.ONPREM, "v7", 2, 3, false, 2, 2, 2, 2);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(behind, PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(status.servedVersion()).isNull();
    assertThat(condition(status, "Ready").status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(condition(status, "Progressing").reason()).isEqualTo("RollingOut");
  }

  @Test
  void podsPendingForGpusDegradeTheModelWithTheSchedulersMessage() {
    ShieldModel model = model("v7", 1);
    List<DesiredReplicas> desired = List.of(DesiredReplicas.fixed(MODEL, "full", Pool.ONPREM, 2),
        DesiredReplicas.autoscaled(MODEL, "full", 2));
    List<Pod> pods = List.of(pendingForGpu("threat-intel-full-cloud-7d9f-b"),
        pendingForGpu("threat-intel-full-cloud-7d9f-a"));
    Deployment cloud = deployment(Pool.PRIVATE_CLOUD, "v7", 2, 1, true, 2, 2, 0, 0);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), cloud)).pods(pods).capacity(null)
        .desired(desired).aggregate();

    assertThat(condition(status, "Degraded")).extracting(Condition::status, Condition::reason)
        .containsExactly(ConditionStatus.TRUE, "PodsPendingForGpu");
    assertThat(condition(status, "Degraded").message()).isEqualTo("2 pods cannot be scheduled: pods "
        + "threat-intel-full-cloud-7d9f-a, threat-intel-full-cloud-7d9f-b: 0/9 nodes are available: 1 node(s) didn't "
        + "match Pod's node affinity/selector, 4 Insufficient nvidia.com/gpu, 4 node(s) had untolerated taint "
        + "{nvidia.com/gpu: present}. preemption: 0/9 nodes are available: 4 No preemption victims found for "
        + "incoming pod, 5 Preemption is not helpful for scheduling.");
    assertThat(condition(status, "Ready")).extracting(Condition::status, Condition::reason)
        .containsExactly(ConditionStatus.FALSE, "Unschedulable");
    assertThat(condition(status, "CapacityAvailable")).extracting(Condition::status, Condition::reason)
        .containsExactly(ConditionStatus.UNKNOWN, "CapacityUnknown");
    assertThat(status.replicas()).isEqualTo("2/4");
  }

  @Test
  void aCapacityShortfallIsTheReasonTheModelIsNotReady() {
    ShieldModel model = model("v7", 1);
    List<DesiredReplicas> desired = List.of(DesiredReplicas.fixed(MODEL, "full", Pool.ONPREM, 2),
        DesiredReplicas.autoscaled(MODEL, "full", 8));
    // Someone else holds 12 of the 16 cloud GPUs.
    List<Pod> others = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      others.add(new PodBuilder(pendingForGpu("other-" + i)).editSpec()
          .withNodeName("cloud-a100-" + i).editFirstContainer().editResources()
          .withLimits(Map.of("nvidia.com/gpu", new Quantity("4"))).endResources()
          .endContainer().endSpec().editStatus().withPhase("Running").withConditions().endStatus().build());
    }
    CapacityPlan plan = CapacityPlan.check(model, Map.of("full", Map.of(Pool.ONPREM, 2, Pool.PRIVATE_CLOUD, 8)),
        GpuCapacity.of(defaultNodes(), others), List.of());
    Deployment cloud = deployment(Pool.PRIVATE_CLOUD, "v7", 8, 1, true, 8, 8, 2, 2);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), cloud)).pods(List.of(pendingForGpu("threat-intel-full-cloud-x"))).capacity(plan)
        .desired(desired).aggregate();

    assertThat(condition(status, "Ready")).extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(ConditionStatus.FALSE, "InsufficientCapacity", "pool private-cloud lacks 12 nvidia.com/gpu "
            + "for variant full (needs 16 for 8 replicas, 4 free on nodes matching the pool)");
    assertThat(condition(status, "CapacityAvailable")).extracting(Condition::status, Condition::reason,
        Condition::message).containsExactly(ConditionStatus.FALSE, "InsufficientGpu", plan.message());
    assertThat(status.variants().get(0).pools().get(1).floor()).isEqualTo(8);
  }

  @Test
  void anAutoscaledPoolWantsWhatItsHorizontalPodAutoscalerChose() {
    ShieldModel model = model("v7", 1);
    List<DesiredReplicas> desired = List.of(DesiredReplicas.fixed(MODEL, "full", Pool.ONPREM, 2),
        DesiredReplicas.autoscaled(MODEL, "full", 1));

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), rolledOut(Pool.PRIVATE_CLOUD, "v7", 3))).pods(List.of()).capacity(null)
        .desired(desired).aggregate();

    assertThat(status.variants().get(0).pools().get(1)).extracting(PoolStatus::desiredReplicas,
        PoolStatus::readyReplicas, PoolStatus::floor).containsExactly(3, 3, 1);
    assertThat(status.replicas()).isEqualTo("5/5");
    assertThat(condition(status, "Ready").status()).isEqualTo(ConditionStatus.TRUE);
  }

  @Test
  void someReplicasLostAfterARolloutDegradeTheModel() {
    ShieldModel model = model("v7", 1);
    model.setStatus(ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate());
    Deployment lostOne = deployment(Pool.ONPREM, "v7", 2, 1, true, 2, 2, 1, 1);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(lostOne, PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(condition(status, "Degraded")).extracting(Condition::status, Condition::reason,
        Condition::message).containsExactly(ConditionStatus.TRUE, "ReplicasUnavailable",
        "1/2 replicas ready (threat-intel-full-onprem 1/2)");
    assertThat(condition(status, "Ready").status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(condition(status, "Progressing")).extracting(Condition::reason, Condition::message)
        .containsExactly("Scaling", "scaling version v7: 1/2 replicas available");
    assertThat(status.servedVersion()).isEqualTo("v7");
  }

  @Test
  void aRolloutPastItsDeadlineIsSurfaced() {
    ShieldModel model = model("v8", 2);
    Deployment stuck = new DeploymentBuilder(deployment(Pool.ONPREM, "v8", 2, 2, true, 3, 1, 2, 2))
        .editStatus().addNewCondition().withType("Progressing").withStatus("False")
        .withReason("ProgressDeadlineExceeded")
        .withMessage("ReplicaSet \"threat-intel-full-onprem-6b7c\" has timed out progressing.").endCondition()
        .endStatus().build();

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(stuck, PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    String message = "Deployment threat-intel-full-onprem: ReplicaSet \"threat-intel-full-onprem-6b7c\" has timed "
        + "out progressing.";
    assertThat(condition(status, "Progressing")).extracting(Condition::status, Condition::reason,
        Condition::message).containsExactly(ConditionStatus.FALSE, "ProgressDeadlineExceeded", message);
    assertThat(condition(status, "Ready").reason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(condition(status, "Degraded").reason()).isEqualTo("ProgressDeadlineExceeded");
  }

  @Test
  void lastTransitionTimeIsCarriedOverWhenUnchangedAndMovedWhenChanged() {
    ShieldModel model = model("v7", 1);
    List<Deployment> starting = List.of(deployment(Pool.ONPREM, "v7", 2, 1, true, 2, 2, 0, 0), PARKED);
    model.setStatus(ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(starting).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate());
    assertThat(model.getStatus().condition("Progressing").orElseThrow()).extracting(Condition::reason,
        Condition::message)
        .containsExactly("RollingOut", "rolling out version v7: 2/2 replicas updated, 0/2 available");

    ShieldModelStatus again = ShieldModelStatusAggregator.forModel(model, clockAt(T1)).deployments(starting).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();
    assertThat(again.conditions()).extracting(Condition::lastTransitionTime).containsOnly(T0_TEXT);
    assertThat(StatusDiff.changed(model.getStatus(), again)).isFalse();

    ShieldModelStatus ready = ShieldModelStatusAggregator.forModel(model, clockAt(T1)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();
    assertThat(ready.conditions()).extracting(Condition::type, Condition::lastTransitionTime)
        .containsExactly(
            tuple("Ready", T1_TEXT),
            tuple("Progressing", T1_TEXT),
            tuple("Degraded", T0_TEXT),
            tuple("CapacityAvailable", T0_TEXT));
    assertThat(StatusDiff.changed(model.getStatus(), ready)).isTrue();
  }

  @Test
  void surgingActiveIncidentsAndGatewayAreCarriedOverUntouched() {
    ShieldModel model = model("v7", 4);
    Condition surging = new Condition("Surging", ConditionStatus.TRUE, "IncidentSurge",
        "critical incident inc-4711 raises the private-cloud floor to 6", "2026-11-27T20:00:00Z", 3L);
    SurgeStatus surge = new SurgeStatusBuilder().withSeverity(Severity.CRITICAL).withFloor(6).build();
    ShieldModelStatus previous = new ShieldModelStatusBuilder()
        .withConditions(surging)
        .withActiveIncidents(new ActiveIncident("inc-4711", Severity.CRITICAL, 6))
        .withGateway(new GatewayStatus("threat-intel-gateway", "https://threat-intel-gateway.soc.svc:8443"))
        .withSurge(surge)
        .build();
    model.setStatus(previous);

    ShieldModelStatus status = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(fittingPlan(model))
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(status.conditions()).extracting(Condition::type)
        .containsExactly("Ready", "Progressing", "Degraded", "CapacityAvailable", "Surging");
    assertThat(condition(status, "Surging")).isEqualTo(surging).isNotSameAs(surging);
    assertThat(status.activeIncidents()).isEqualTo(previous.activeIncidents());
    assertThat(status.surge()).isEqualTo(surge).isNotSameAs(surge);
    assertThat(status.gateway()).isEqualTo(previous.gateway());
    assertThat(status.observedGeneration()).isEqualTo(4L);
    assertThat(status.conditions()).filteredOn(c -> !"Surging".equals(c.type()))
        .extracting(Condition::observedGeneration).containsOnly(4L);
  }

  @Test
  void theModelIsNotModified() {
    ShieldModel model = model("v7", 1);
    ShieldModelStatus before = ShieldModelStatusAggregator.forModel(model, clockAt(T0)).deployments(List.of()).pods(List.of()).capacity(null)
        .desired(onPremTwoCloudParked()).aggregate();
    model.setStatus(before);
    String json = Serialization.asJson(model);

    ShieldModelStatusAggregator.forModel(model, clockAt(T1)).deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(null)
        .desired(onPremTwoCloudParked()).aggregate();

    assertThat(Serialization.asJson(model)).isEqualTo(json);
  }

  /** The surge the floor controller decided, as the status the operator writes reports it. */
  @Nested
  class Surge {

    private static final String CRITICAL_MESSAGE = "critical incident inc-4711 raises the private-cloud floor to 6";
    private static final SurgeDecision CRITICAL = new SurgeDecision(
        List.of(new ActiveIncident("inc-4711", Severity.CRITICAL, 6)), Severity.CRITICAL, 6, 6, 0, 0, 0, Map.of(),
        Map.of("full", 6), null, Optional.of(Instant.parse("2026-11-28T09:00:00Z")), "IncidentActive",
        CRITICAL_MESSAGE);
    private static final SurgeDecision QUIET = new SurgeDecision(List.of(), null, 0, 0, 0, 0, 0, Map.of(),
        Map.of("full", 0), null, Optional.empty(), "NoActiveIncident", "no active incident selects this model");

    private ShieldModelStatus aggregate(ShieldModel model, Instant at, SurgeDecision decision, int carriedFloor) {
      return ShieldModelStatusAggregator.forModel(model, clockAt(at))
          .deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(fittingPlan(model))
          .desired(onPremTwoCloudParked()).surge(decision, carriedFloor).aggregate();
    }

    /** A model whose last status reports the critical surge with 4 of its 6 replicas carried by the HPAs. */
    private ShieldModel surging() {
      ShieldModel model = model("v7", 1);
      model.setStatus(aggregate(model, T0, CRITICAL, 4));
      return model;
    }

    @Test
    void anActiveDecisionIsReportedWithTheFloorTheHpasCarry() {
      ShieldModel model = model("v7", 1);

      ShieldModelStatus status = aggregate(model, T0, CRITICAL, 4);

      assertThat(status.activeIncidents()).containsExactly(new ActiveIncident("inc-4711", Severity.CRITICAL, 6));
      assertThat(status.surge()).isEqualTo(new SurgeStatus(Severity.CRITICAL, 6, 4, 0, null));
      assertThat(condition(status, "Surging")).isEqualTo(new Condition("Surging", ConditionStatus.TRUE,
          "IncidentActive", CRITICAL_MESSAGE, T0_TEXT, 1L));
    }

    @Test
    void aQuietDecisionClearsTheReport() {
      ShieldModelStatus status = aggregate(surging(), T1, QUIET, 0);

      assertThat(status.surge()).isNull();
      assertThat(status.activeIncidents()).isNull();
      assertThat(condition(status, "Surging")).isEqualTo(new Condition("Surging", ConditionStatus.FALSE,
          "NoActiveIncident", "no active incident selects this model", T1_TEXT, 1L));
    }

    @Test
    void withoutADecisionThePreviousReportStands() {
      ShieldModelStatus status = aggregate(surging(), T1, null, 0);

      assertThat(status.activeIncidents()).containsExactly(new ActiveIncident("inc-4711", Severity.CRITICAL, 6));
      assertThat(status.surge()).isEqualTo(new SurgeStatus(Severity.CRITICAL, 6, 4, 0, null));
      assertThat(condition(status, "Surging")).isEqualTo(new Condition("Surging", ConditionStatus.TRUE,
          "IncidentActive", CRITICAL_MESSAGE, T0_TEXT, 1L));
    }

    @Test
    void aFailedReconcileKeepsEverythingAndSaysWhyItIsNotReady() {
      ShieldModel model = surging();
      ShieldModelStatus previous = model.getStatus();

      ShieldModelStatus failed = ShieldModelStatusAggregator.failed(model, clockAt(T1),
          "the operator could not reconcile this model: connection refused");

      assertThat(condition(failed, "Ready")).isEqualTo(new Condition("Ready", ConditionStatus.FALSE,
          "ReconcileError", "the operator could not reconcile this model: connection refused", T1_TEXT, 1L));
      assertThat(failed.conditions()).extracting(Condition::type)
          .containsExactly("Ready", "Progressing", "Degraded", "CapacityAvailable", "Surging");
      assertThat(failed.conditions()).filteredOn(c -> !"Ready".equals(c.type()))
          .isEqualTo(previous.conditions().subList(1, 5));
      assertThat(condition(failed, "Surging")).isEqualTo(new Condition("Surging", ConditionStatus.TRUE,
          "IncidentActive", CRITICAL_MESSAGE, T0_TEXT, 1L));
      assertThat(failed.surge()).isEqualTo(new SurgeStatus(Severity.CRITICAL, 6, 4, 0, null));
      assertThat(failed.activeIncidents()).containsExactly(new ActiveIncident("inc-4711", Severity.CRITICAL, 6));
      assertThat(failed.servedVersion()).isEqualTo("v7");
      assertThat(failed.replicas()).isEqualTo("2/2");
      assertThat(failed.variants()).isEqualTo(previous.variants());
      assertThat(failed.observedGeneration()).isEqualTo(1L);
    }

    /**
     * The policy keeps no memory of its own: a cooldown lives in the status the operator writes and reads back from
     * the API server. Each step here writes that status, serialises it as the status patch does, reads it back and
     * decides from it, as the next reconcile (or a restarted operator) does.
     */
    @Test
    void theCooldownSurvivesTheStatusRoundTrip() {
      ShieldModel model = ModelEdits.editSpec(model("v7", 1), spec -> spec.withAutoscaling(new AutoscalingBuilder()
          .withIncidentSurge(new IncidentSurgeBuilder().withCooldown("15m")
              .withFloors(new SurgeFloorsBuilder().withCritical(6).withHigh(3).build()).build())
          .build()));
      ShieldIncident active = incident(null);
      ShieldIncident resolved = incident("2026-11-27T22:05:00Z");

      SurgeDecision surge = SurgePolicy.decide(model, List.of(active), null, T0);
      assertThat(surge.floor()).isEqualTo(6);
      ShieldModelStatus written = aggregate(model, T0, surge, 6);
      model.setStatus(readBack(written));
      assertThat(model.getStatus()).isEqualTo(written);

      SurgeDecision cooling = SurgePolicy.decide(model, List.of(resolved), null, T1);
      assertThat(cooling.floor()).isEqualTo(6);
      assertThat(cooling.reason()).isEqualTo("CoolingDown");
      assertThat(cooling.cooldownUntil()).isEqualTo(Instant.parse("2026-11-27T22:20:00Z"));
      model.setStatus(readBack(aggregate(model, T1, cooling, 6)));
      assertThat(model.getStatus().surge()).isEqualTo(new SurgeStatus(Severity.CRITICAL, 6, 6, 0,
          "2026-11-27T22:20:00Z"));
      assertThat(model.getStatus().activeIncidents()).isNull();
      assertThat(condition(model.getStatus(), "Surging")).isEqualTo(new Condition("Surging", ConditionStatus.TRUE,
          "CoolingDown", "private-cloud floor held at 6: cooling down until 2026-11-27T22:20:00Z after incident "
          + "inc-4711 ended", T0_TEXT, 1L));

      // the status alone carries the cooldown: the incident may be gone by now
      Instant justBefore = Instant.parse("2026-11-27T22:19:59Z");
      SurgeDecision stillHeld = SurgePolicy.decide(model, List.of(), null, justBefore);
      assertThat(stillHeld.floor()).isEqualTo(6);
      assertThat(stillHeld.cooldownUntil()).isEqualTo(Instant.parse("2026-11-27T22:20:00Z"));
      assertThat(stillHeld.message()).isEqualTo("private-cloud floor held at 6: cooling down until "
          + "2026-11-27T22:20:00Z after the last incident ended");
      assertThat(SurgePolicy.decide(model, List.of(resolved), null, justBefore).floor()).isEqualTo(6);

      SurgeDecision over = SurgePolicy.decide(model, List.of(resolved), null, Instant.parse("2026-11-27T22:20:00Z"));
      assertThat(over.floor()).isZero();
      assertThat(over.reason()).isEqualTo("NoActiveIncident");
      assertThat(over.message()).isEqualTo("no active incident selects this model");
    }

    /** inc-4711, critical, created an hour before {@link StatusFixtures#T0}; resolved at {@code endTime} if given. */
    private static ShieldIncident incident(String endTime) {
      ShieldIncident incident = new ShieldIncident();
      incident.setMetadata(new ObjectMetaBuilder().withName("inc-4711").withNamespace("soc")
          .withCreationTimestamp("2026-11-27T21:00:00Z").build());
      incident.setSpec(new ShieldIncidentSpecBuilder().withSeverity(Severity.CRITICAL).withExpiresAfter("12h")
          .withResolved(endTime != null).build());
      if (endTime != null) {
        incident.setStatus(new ShieldIncidentStatusBuilder().withPhase(IncidentPhase.Resolved).withEndTime(endTime)
            .build());
      }
      return incident;
    }

    /** The status as the API server stores it and the informer hands it back: JSON and back. */
    private static ShieldModelStatus readBack(ShieldModelStatus status) {
      return Serialization.unmarshal(Serialization.asJson(status), ShieldModelStatus.class);
    }
  }

  @Nested
  class Waking {

    private static final String WOKEN_MESSAGE = "variant full: 2 requests beyond the on-premises capacity of 8 "
        + "(10 in flight over 2 gateway replicas)";
    private static final Wake WOKEN = new Wake(Map.of("full", 1), Wake.QUEUED_WORK, WOKEN_MESSAGE);
    private static final Wake PARKED_POOL = new Wake(Map.of(), Wake.NO_EXCESS_WORK, "the private-cloud pool is parked");

    private ShieldModelStatus aggregate(ShieldModel model, Instant at, Wake wake, boolean parkable) {
      return ShieldModelStatusAggregator.forModel(model, clockAt(at))
          .deployments(List.of(rolledOut(Pool.ONPREM, "v7", 2), PARKED)).pods(List.of()).capacity(fittingPlan(model))
          .desired(onPremTwoCloudParked()).wake(wake, parkable).aggregate();
    }

    @Test
    void aWakeIsReportedWithTheVariantAndTheFigureThatWokeIt() {
      ShieldModelStatus status = aggregate(model("v7", 1), T0, WOKEN, true);

      assertThat(condition(status, "Waking")).isEqualTo(new Condition("Waking", ConditionStatus.TRUE, "QueuedWork",
          WOKEN_MESSAGE, T0_TEXT, 1L));
    }

    @Test
    void aLapsedWakeParksAndTheTransitionIsTimed() {
      ShieldModel model = model("v7", 1);
      model.setStatus(aggregate(model, T0, WOKEN, true));

      ShieldModelStatus status = aggregate(model, T1, PARKED_POOL, true);

      assertThat(condition(status, "Waking")).isEqualTo(new Condition("Waking", ConditionStatus.FALSE,
          "NoExcessWork", "the private-cloud pool is parked", T1_TEXT, 1L));
    }

    @Test
    void aModelWithoutAParkedPoolGetsNoWakingConditionAndLosesOneItHadOnce() {
      assertThat(aggregate(model("v7", 1), T0, null, false).condition("Waking")).isEmpty();

      ShieldModel model = model("v7", 1);
      model.setStatus(aggregate(model, T0, WOKEN, true));
      assertThat(condition(aggregate(model, T1, null, false), "Waking").reason()).isEqualTo("NotParked");
    }

    @Test
    void beforeTheFirstWakeThePreviousReportStands() {
      ShieldModel model = model("v7", 1);
      model.setStatus(aggregate(model, T0, WOKEN, true));

      assertThat(condition(aggregate(model, T1, null, true), "Waking").status()).isEqualTo(ConditionStatus.TRUE);
    }
  }

  private static Condition condition(ShieldModelStatus status, String type) {
    return status.condition(type).orElseThrow(() -> new AssertionError("no condition " + type + " in " + status));
  }

  private static CapacityPlan fittingPlan(ShieldModel model) {
    return CapacityPlan.check(model, Map.of("full", Map.of(Pool.ONPREM, 2)), GpuCapacity.of(defaultNodes(), List.of()),
        List.of());
  }

  private static List<Node> defaultNodes() {
    try (InputStream in = ShieldModelStatusAggregatorTest.class.getResourceAsStream("/capacity/inventory.yaml")) {
      return Serialization.unmarshal(in, KubernetesList.class).getItems().stream().map(Node.class::cast).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
