package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelSpecBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Test data for the status aggregator: the reference threat-intel model, one variant, and its Deployments and pods. */
final class StatusFixtures {

  static final String MODEL = "threat-intel";
  static final Instant T0 = Instant.parse("2026-11-27T22:00:00.750Z");
  static final String T0_TEXT = "2026-11-27T22:00:00Z";
  static final Instant T1 = Instant.parse("2026-11-27T22:05:30Z");
  static final String T1_TEXT = "2026-11-27T22:05:30Z";

  private StatusFixtures() {
  }

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** threat-intel with one variant full (2 GPUs), 2 replicas on premises, a cloud pool of 0..8, at a generation. */
  static ShieldModel model(String version, long generation) {
    ShieldModel model = new ShieldModel();
    model.setMetadata(new ObjectMetaBuilder().withName(MODEL).withNamespace("soc").withGeneration(generation)
        .build());
    model.setSpec(new ShieldModelSpecBuilder()
        .withNewModel().withUri("s3://models/threat-intel").withVersion(version).endModel()
        .addNewVariant()
            .withName("full")
            .withPriorities(Priority.CRITICAL, Priority.HIGH, Priority.NORMAL)
            .withNewGpu().withCount(2).withResource(GpuRequest.NVIDIA_GPU).endGpu()
        .endVariant()
        .withNewPlacement()
            .withNewOnPrem().withReplicas(2).endOnPrem()
            .withNewPrivateCloud().withMinReplicas(0).withMaxReplicas(8)
                .withTolerations(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists")
                    .withEffect("NoSchedule").build())
            .endPrivateCloud()
        .endPlacement()
        .withDataClassification(DataClassification.CONFIDENTIAL)
        .build());
    return model;
  }

  /** The builders' answer for {@link #model}: full on premises with 2 replicas, the cloud pool parked. */
  static List<DesiredReplicas> onPremTwoCloudParked() {
    return List.of(DesiredReplicas.fixed(MODEL, "full", Pool.ONPREM, 2), DesiredReplicas.parked(MODEL, "full"));
  }

  /**
   * A Deployment as the Deployment controller reports it.
   *
   * @param version            the model version its pod template serves
   * @param specReplicas       spec.replicas
   * @param generation         metadata.generation; observedGeneration is the same unless {@code caughtUp} is false
   * @param replicas           status.replicas (pods of all its ReplicaSets)
   * @param updated            status.updatedReplicas
   * @param ready              status.readyReplicas
   * @param available          status.availableReplicas
   */
  static Deployment deployment(Pool pool, String version, int specReplicas, long generation, boolean caughtUp,
                               int replicas, int updated, int ready, int available) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(ShieldNames.deployment(MODEL, "full", pool)).withNamespace("soc")
        .withGeneration(generation).endMetadata()
        .withNewSpec().withReplicas(specReplicas)
        .withNewTemplate().withNewMetadata()
        .withLabels(Map.of(ShieldNames.APP_VERSION_LABEL, version)).endMetadata().endTemplate()
        .endSpec()
        .withNewStatus().withObservedGeneration(caughtUp ? generation : generation - 1).withReplicas(replicas)
        .withUpdatedReplicas(updated).withReadyReplicas(ready).withAvailableReplicas(available).endStatus()
        .build();
  }

  /** A Deployment fully rolled out at a version. */
  static Deployment rolledOut(Pool pool, String version, int replicas) {
    return deployment(pool, version, replicas, 1, true, replicas, replicas, replicas, replicas);
  }

  /** A model pod the scheduler could not place for lack of GPUs. */
  static Pod pendingForGpu(String name) {
    return pending(name, "0/9 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
        + "4 Insufficient nvidia.com/gpu, 4 node(s) had untolerated taint {nvidia.com/gpu: present}. "
        + "preemption: 0/9 nodes are available: 4 No preemption victims found for incoming pod, "
        + "5 Preemption is not helpful for scheduling.");
  }

  static Pod pending(String name, String schedulerMessage) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace("soc")
        .withLabels(ShieldNames.modelPodSelector(MODEL, "full", Pool.PRIVATE_CLOUD)).endMetadata()
        .withNewSpec().addNewContainer().withName("djl-serving").withNewResources()
        .withLimits(Map.of(GpuRequest.NVIDIA_GPU, new Quantity("2"))).endResources().endContainer().endSpec()
        .withNewStatus().withPhase("Pending")
        .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
        .withMessage(schedulerMessage).withLastTransitionTime("2026-11-27T21:59:00Z").endCondition()
        .endStatus()
        .build();
  }
}
