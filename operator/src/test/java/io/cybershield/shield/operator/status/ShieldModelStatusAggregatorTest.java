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
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
