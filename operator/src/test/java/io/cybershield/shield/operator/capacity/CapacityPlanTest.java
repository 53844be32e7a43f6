package io.cybershield.shield.operator.capacity;

import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.ModelEdits;
import io.cybershield.shield.operator.capacity.CapacityPlan.Entry;
import io.cybershield.shield.operator.capacity.CapacityPlan.Reason;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cybershield.shield.operator.capacity.Fixtures.A100;
import static io.cybershield.shield.operator.capacity.Fixtures.CLOUD_NODES;
import static io.cybershield.shield.operator.capacity.Fixtures.H100;
import static io.cybershield.shield.operator.capacity.Fixtures.MIG_3G;
import static io.cybershield.shield.operator.capacity.Fixtures.defaultNodes;
import static io.cybershield.shield.operator.capacity.Fixtures.desired;
import static io.cybershield.shield.operator.capacity.Fixtures.fill;
import static io.cybershield.shield.operator.capacity.Fixtures.gpuPod;
import static io.cybershield.shield.operator.capacity.Fixtures.model;
import static io.cybershield.shield.operator.capacity.Fixtures.modelPodLabels;
import static io.cybershield.shield.operator.capacity.Fixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CapacityPlanTest {

  private static final String GPU = "nvidia.com/gpu";

  /** The reference threat-intel model: full on 2 H100 per replica, lite on one 3g.40gb MIG slice. */
  private static ShieldModel threatIntel() {
    return model(variant("full", 2, GPU, H100), variant("lite", 1, MIG_3G, null));
  }

  @Test
  void theDesignExampleFitsOnTheSandboxInventory() {
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    CapacityPlan plan = CapacityPlan.check(threatIntel(), desired("full", 2, 0, "lite", 2, 0), capacity, List.of());

    assertThat(plan.fits()).isTrue();
    assertThat(plan.reason()).isEqualTo("Sufficient");
    assertThat(plan.entries()).extracting(Entry::variant, Entry::pool, Entry::gpusNeeded, Entry::shortfallGpus)
        .containsExactly(
            tuple("full", Pool.ONPREM, 4L, 0L),
            tuple("lite", Pool.ONPREM, 2L, 0L));
    assertThat(plan.message()).isEqualTo("all 4 GPU replicas fit on the nodes of their pools "
        + "(4 nvidia.com/gpu, 2 nvidia.com/mig-3g.40gb)");
    assertThat(plan.gpuShortfallByPool()).containsOnly(Map.entry(Pool.ONPREM, 0L), Map.entry(Pool.PRIVATE_CLOUD, 0L));
  }

  @Test
  void sixteenGpusAskedInAPoolOfFourA100NodesWithTwelveTakenFallShort() {
    ShieldModel model = model(variant("full", 2, GPU, null));
    List<Pod> others = fill(CLOUD_NODES.subList(0, 3), GPU, 4);
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), others);

    CapacityPlan plan = CapacityPlan.check(model, desired("full", 0, 8), capacity, List.of());

    assertThat(plan.fits()).isFalse();
    assertThat(plan.reason()).isEqualTo("InsufficientGpu");
    assertThat(plan.message()).isEqualTo("pool private-cloud lacks 12 nvidia.com/gpu for variant full "
        + "(needs 16 for 8 replicas, 4 free on nodes matching the pool)");
    Entry entry = plan.entry("full", Pool.PRIVATE_CLOUD).orElseThrow();
    assertThat(entry.placeableReplicas()).isEqualTo(2);
    assertThat(entry.shortfallReplicas()).isEqualTo(6);
    assertThat(plan.gpuShortfall(Pool.PRIVATE_CLOUD)).isEqualTo(12);
    assertThat(plan.gpuShortfall(Pool.ONPREM)).isZero();
    assertThat(plan.freeGpus(Pool.PRIVATE_CLOUD)).containsOnly(Map.entry(GPU, 4L));
    assertThat(plan.freeGpus(Pool.ONPREM, GPU)).isEqualTo(16);
  }

  @Test
  void aReplicaNeedsItsGpusOnOneNode() {
    // 12 GPUs free in the cloud, but only 3 per node: no 4-GPU replica can start.
    ShieldModel model = model(variant("full", 4, GPU, null));
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), fill(CLOUD_NODES, GPU, 1));

    CapacityPlan plan = CapacityPlan.check(model, desired("full", 0, 2), capacity, List.of());

    assertThat(plan.fits()).isFalse();
    assertThat(plan.message()).isEqualTo("pool private-cloud lacks 8 nvidia.com/gpu for variant full "
        + "(needs 8 for 2 replicas, 12 free on nodes matching the pool, but each replica needs 4 on one node and at "
        + "most 3 are free on any one)");
  }

  @Test
  void migAsksCountAgainstMigResourcesOnly() {
    ShieldModel model = model(variant("lite", 1, MIG_3G, null));
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    assertThat(CapacityPlan.check(model, desired("lite", 6, 0), capacity, List.of()).fits()).isTrue();

    CapacityPlan seven = CapacityPlan.check(model, desired("lite", 7, 0), capacity, List.of());
    assertThat(seven.fits()).isFalse();
    assertThat(seven.message()).isEqualTo("pool onprem lacks 1 nvidia.com/mig-3g.40gb for variant lite "
        + "(needs 7 for 7 replicas, 6 free on nodes matching the pool)");
    // 16 whole GPUs are free on premises, but a MIG ask cannot use them.
    assertThat(seven.freeGpus(Pool.ONPREM, GPU)).isEqualTo(16);

    // Whole GPUs in use leave the MIG slices alone, and MIG pods leave whole GPUs alone.
    List<Pod> pods = new ArrayList<>(fill(List.of("onprem-h100-1", "onprem-h100-2"), GPU, 8));
    pods.add(gpuPod("other-mig", "onprem-h100-mig-1", Fixtures.MIG_1G, 7));
    CapacityPlan busy = CapacityPlan.check(model, desired("lite", 6, 0), GpuCapacity.of(defaultNodes(), pods),
        List.of());
    assertThat(busy.fits()).isTrue();
  }

  @Test
  void productAffinityExcludesOtherProducts() {
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    CapacityPlan a100OnPrem = CapacityPlan.check(model(variant("full", 2, GPU, A100)), desired("full", 1, 0),
        capacity, List.of());
    assertThat(a100OnPrem.reason()).isEqualTo("NoMatchingNodes");
    assertThat(a100OnPrem.message()).isEqualTo("pool onprem has no node for variant full: no node of the pool "
        + "offering nvidia.com/gpu has nvidia.com/gpu.product=NVIDIA-A100-SXM4-80GB (the pool has "
        + "NVIDIA-H100-80GB-HBM3)");

    // A pool selecting every GPU node still only counts the H100s for an H100 variant.
    ShieldModel anyGpuNode = model(variant("full", 2, GPU, H100));
    ModelEdits.editSpec(anyGpuNode, spec -> spec.editPlacement().editOnPrem()
        .withNodeSelector(Map.of("nvidia.com/gpu.present", "true"))
        .withTolerations(List.of(Fixtures.gpuToleration()))
        .endOnPrem().endPlacement());
    assertThat(CapacityPlan.check(anyGpuNode, desired("full", 8, 0), capacity, List.of()).fits()).isTrue();
    CapacityPlan nine = CapacityPlan.check(anyGpuNode, desired("full", 9, 0), capacity, List.of());
    assertThat(nine.message()).isEqualTo("pool onprem lacks 2 nvidia.com/gpu for variant full (needs 18 for 9 "
        + "replicas, 16 free on nodes matching the pool and product NVIDIA-H100-80GB-HBM3)");
  }

  @Test
  void theModelsOwnPodsDoNotCountAgainstIt() {
    List<Pod> own = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      own.add(gpuPod("threat-intel-full-onprem-" + i, i < 4 ? "onprem-h100-1" : "onprem-h100-2", GPU, 2,
          modelPodLabels("full", Pool.ONPREM)));
    }
    ShieldModel model = threatIntel();
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), own);

    CapacityPlan running = CapacityPlan.check(model, desired("full", 8, 0), capacity, own);
    assertThat(running.fits()).isTrue();
    assertThat(running.freeGpus(Pool.ONPREM, GPU)).isZero();

    // The same pods belonging to someone else leave no room.
    CapacityPlan foreign = CapacityPlan.check(model, desired("full", 8, 0), capacity, List.of());
    assertThat(foreign.fits()).isFalse();
    assertThat(foreign.gpuShortfall(Pool.ONPREM)).isEqualTo(16);

    // Scaling from 8 to 9 needs just the one more replica's GPUs.
    CapacityPlan nine = CapacityPlan.check(model, desired("full", 9, 0), capacity, own);
    assertThat(nine.gpuShortfall(Pool.ONPREM)).isEqualTo(2);
  }

  @Test
  void taintsWithoutTolerationExcludeNodes() {
    ShieldModel model = model(variant("full", 2, GPU, null));
    ModelEdits.editSpec(model, spec -> spec.editPlacement().editPrivateCloud()
        .withTolerations((List<Toleration>) null).endPrivateCloud().endPlacement());
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    CapacityPlan plan = CapacityPlan.check(model, desired("full", 0, 2), capacity, List.of());

    assertThat(plan.reason()).isEqualTo("NoMatchingNodes");
    assertThat(plan.message()).isEqualTo("pool private-cloud has no node for variant full: the pool's tolerations "
        + "do not tolerate the taints of its nodes (for example nvidia.com/gpu=present:NoSchedule on cloud-a100-1)");
    assertThat(plan.entry("full", Pool.PRIVATE_CLOUD).orElseThrow().shortfallGpus()).isEqualTo(4);

    ModelEdits.editSpec(model, spec -> spec.editPlacement().editPrivateCloud()
        .withTolerations(List.of(Fixtures.gpuToleration())).endPrivateCloud().endPlacement());
    assertThat(CapacityPlan.check(model, desired("full", 0, 2), capacity, List.of()).fits()).isTrue();
  }

  @Test
  void notReadyNodesAreExcluded() {
    List<Node> nodes = defaultNodes();
    for (String node : CLOUD_NODES.subList(0, 3)) {
      nodes = Fixtures.withNode(nodes, node, Fixtures::notReady);
    }
    ShieldModel model = model(variant("full", 2, GPU, null));

    CapacityPlan plan = CapacityPlan.check(model, desired("full", 0, 3), GpuCapacity.of(nodes, List.of()), List.of());
    assertThat(plan.message()).isEqualTo("pool private-cloud lacks 2 nvidia.com/gpu for variant full "
        + "(needs 6 for 3 replicas, 4 free on nodes matching the pool)");

    nodes = Fixtures.withNode(nodes, CLOUD_NODES.get(3), Fixtures::cordoned);
    CapacityPlan none = CapacityPlan.check(model, desired("full", 0, 3), GpuCapacity.of(nodes, List.of()), List.of());
    assertThat(none.reason()).isEqualTo("NoMatchingNodes");
    assertThat(none.message()).isEqualTo("pool private-cloud has no node for variant full: none of its nodes is "
        + "Ready and schedulable (cloud-a100-1 NotReady, cloud-a100-2 NotReady, cloud-a100-3 NotReady, "
        + "cloud-a100-4 cordoned)");
  }

  @Test
  void aPoolWithoutNodesHasNoMatchingNodes() {
    ShieldModel model = model(variant("full", 1, GPU, null));
    ModelEdits.editSpec(model, spec -> spec.editPlacement().editOnPrem()
        .withNodeSelector(Map.of("shield.cybershield.io/pool", "edge")).endOnPrem().endPlacement());

    CapacityPlan plan = CapacityPlan.check(model, desired("full", 1, 0), GpuCapacity.of(defaultNodes(), List.of()),
        List.of());

    assertThat(plan.reasonCode()).isEqualTo(Reason.NO_MATCHING_NODES);
    assertThat(plan.message()).isEqualTo("pool onprem has no node for variant full: no node matches the node "
        + "selector {shield.cybershield.io/pool=edge}");
  }

  @Test
  void cpuOnlyVariantsAlwaysFitAndZeroReplicasAreNotChecked() {
    ShieldModel model = model(variant("cpu", null, null, null), variant("full", 2, GPU, A100));
    GpuCapacity empty = GpuCapacity.of(List.of(), List.of());

    CapacityPlan plan = CapacityPlan.check(model, desired("cpu", 3, 2, "full", 0, 0), empty, List.of());

    assertThat(plan.fits()).isTrue();
    assertThat(plan.entries()).hasSize(2).allMatch(entry -> !entry.usesGpus() && entry.fits());
    assertThat(plan.message()).isEqualTo("no replica asks for GPUs");
  }

  @Test
  void variantsShareTheNodesOfAPool() {
    // Two variants of 4 GPUs each: 8 replicas would fill the 2 DGX nodes; 5 + 4 cannot both fit.
    ShieldModel model = model(variant("full", 4, GPU, H100), variant("mid", 4, GPU, null));
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    CapacityPlan plan = CapacityPlan.check(model, desired("full", 2, 0, "mid", 2, 0), capacity, List.of());
    assertThat(plan.fits()).isTrue();

    CapacityPlan over = CapacityPlan.check(model, desired("full", 2, 0, "mid", 3, 0), capacity, List.of());
    assertThat(over.fits()).isFalse();
    assertThat(over.entry("full", Pool.ONPREM).orElseThrow().fits()).isTrue();
    assertThat(over.entry("mid", Pool.ONPREM).orElseThrow().shortfallReplicas()).isEqualTo(1);
  }

  @Test
  void aTrainingPodAskingMoreGpusThanAnyNodeHasIsTooBigForEveryNode() {
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    Entry pod = CapacityPlan.checkPod("r-r1-train", "training job r-r1-train", new GpuRequest(16, GPU, null),
        Pool.ONPREM, null, capacity);

    assertThat(pod.fits()).isFalse();
    assertThat(pod.reason()).isEqualTo(CapacityPlan.Reason.INSUFFICIENT_GPU);
    assertThat(pod.message()).startsWith("pool onprem lacks 16 nvidia.com/gpu for training job r-r1-train (needs 16 "
        + "for 1 replica,").contains("but each replica needs 16 on one node and at most 8 are free on any one");
    assertThat(CapacityPlan.checkPod("r-r1-train", "training job r-r1-train", new GpuRequest(8, GPU, null),
        Pool.ONPREM, null, capacity).fits()).isTrue();
    assertThat(CapacityPlan.checkPod("r-r1-train", "training job r-r1-train", null, Pool.ONPREM, null, capacity)
        .fits()).as("a CPU-only Job always fits").isTrue();
  }
}
