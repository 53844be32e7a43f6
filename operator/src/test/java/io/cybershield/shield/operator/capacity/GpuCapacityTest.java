package io.cybershield.shield.operator.capacity;

import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.operator.capacity.GpuCapacity.GpuCount;
import io.cybershield.shield.operator.capacity.GpuCapacity.PoolCapacity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cybershield.shield.operator.capacity.Fixtures.A100;
import static io.cybershield.shield.operator.capacity.Fixtures.H100;
import static io.cybershield.shield.operator.capacity.Fixtures.MIG_1G;
import static io.cybershield.shield.operator.capacity.Fixtures.MIG_3G;
import static io.cybershield.shield.operator.capacity.Fixtures.defaultNodes;
import static io.cybershield.shield.operator.capacity.Fixtures.gpuPod;
import static org.assertj.core.api.Assertions.assertThat;

class GpuCapacityTest {

  private static final String GPU = "nvidia.com/gpu";

  @Test
  void countsTheSandboxInventoryPerPoolAndResource() {
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    PoolCapacity onPrem = capacity.pool(Pool.ONPREM);
    assertThat(onPrem.byResource()).containsExactly(
        Map.entry(GPU, new GpuCount(16, 0, 16)),
        Map.entry(MIG_1G, new GpuCount(7, 0, 7)),
        Map.entry(MIG_3G, new GpuCount(6, 0, 6)));
    assertThat(capacity.pool(Pool.PRIVATE_CLOUD).byResource()).containsExactly(
        Map.entry(GPU, new GpuCount(16, 0, 16)));
    assertThat(capacity.byPoolLabel()).containsOnlyKeys("onprem", "private-cloud", "system");
    assertThat(capacity.byPoolLabel().get("system").byResource()).isEmpty();
  }

  @Test
  void countsPerProduct() {
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    assertThat(capacity.pool(Map.of()).byProduct()).containsOnlyKeys(H100, A100, "");
    assertThat(capacity.pool(Map.of()).byProduct().get(H100)).containsEntry(GPU, new GpuCount(16, 0, 16))
        .containsEntry(MIG_3G, new GpuCount(6, 0, 6));
    assertThat(capacity.pool(Map.of()).byProduct().get(A100)).containsOnly(Map.entry(GPU, new GpuCount(16, 0, 16)));
  }

  @Test
  void subtractsRequestsOfNonTerminatedPodsBoundToTheNodes() {
    Pod finished = new PodBuilder(gpuPod("done", "cloud-a100-2", GPU, 4)).editStatus().withPhase("Succeeded")
        .endStatus().build();
    Pod pending = new PodBuilder(gpuPod("pending", null, GPU, 4)).build();
    List<Pod> pods = List.of(gpuPod("a", "cloud-a100-1", GPU, 3), gpuPod("b", "cloud-a100-2", GPU, 1), finished,
        pending, gpuPod("mig", "onprem-h100-mig-1", MIG_3G, 2));

    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), pods);

    assertThat(capacity.pool(Pool.PRIVATE_CLOUD).resource(GPU)).isEqualTo(new GpuCount(16, 4, 12));
    assertThat(capacity.node("cloud-a100-1").orElseThrow().free(GPU)).isEqualTo(1);
    assertThat(capacity.pool(Pool.ONPREM).resource(MIG_3G)).isEqualTo(new GpuCount(6, 2, 4));
    assertThat(capacity.pool(Pool.ONPREM).resource(GPU).free()).isEqualTo(16);
  }

  @Test
  void poolMembershipFollowsAnyNodeSelector() {
    GpuCapacity capacity = GpuCapacity.of(defaultNodes(), List.of());

    PoolCapacity dgx = capacity.pool(Map.of("node.kubernetes.io/instance-type", "dgx-h100"));

    assertThat(dgx.nodes()).extracting(GpuCapacity.NodeGpus::name).containsExactly("onprem-h100-1", "onprem-h100-2");
    assertThat(dgx.free()).containsOnly(Map.entry(GPU, 16L));
    assertThat(capacity.pool(Map.of("topology.kubernetes.io/zone", "private-cloud-1a")).free(GPU)).isEqualTo(8);
  }

  @Test
  void skipsNotReadyAndCordonedNodes() {
    List<Node> nodes = Fixtures.withNode(defaultNodes(), "cloud-a100-1", Fixtures::notReady);
    nodes = Fixtures.withNode(nodes, "cloud-a100-2", Fixtures::cordoned);

    PoolCapacity cloud = GpuCapacity.of(nodes, List.of()).pool(Pool.PRIVATE_CLOUD);

    assertThat(cloud.nodes()).hasSize(4);
    assertThat(cloud.schedulableNodes()).extracting(GpuCapacity.NodeGpus::name)
        .containsExactly("cloud-a100-3", "cloud-a100-4");
    assertThat(cloud.resource(GPU)).isEqualTo(new GpuCount(8, 0, 8));
    assertThat(cloud.nodes().get(0).unschedulableReason()).isEqualTo("NotReady");
    assertThat(cloud.nodes().get(1).unschedulableReason()).isEqualTo("cordoned");
  }

  @Test
  void podRequestsFollowTheSchedulersRules() {
    Pod pod = new PodBuilder(gpuPod("p", "onprem-h100-1", GPU, 2))
        .editSpec()
        .addNewInitContainer().withName("warmup").withNewResources()
        .withRequests(Map.of(GPU, new Quantity("4"))).endResources().endInitContainer()
        .addNewContainer().withName("cpu").withNewResources().withRequests(Map.of("cpu", new Quantity("2")))
        .endResources().endContainer()
        .endSpec().build();

    assertThat(GpuCapacity.podGpuRequests(pod)).containsOnly(Map.entry(GPU, 4L));
    assertThat(GpuCapacity.isGpuResource(MIG_3G)).isTrue();
    assertThat(GpuCapacity.isGpuResource("amd.com/gpu")).isFalse();
  }
}
