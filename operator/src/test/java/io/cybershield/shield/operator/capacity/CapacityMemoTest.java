package io.cybershield.shield.operator.capacity;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cybershield.shield.operator.capacity.Fixtures.defaultNodes;
import static io.cybershield.shield.operator.capacity.Fixtures.gpuPod;
import static org.assertj.core.api.Assertions.assertThat;

class CapacityMemoTest {

  private final CapacityMemo memo = new CapacityMemo();
  private final List<Node> nodes = defaultNodes();
  private final List<Pod> pods = new ArrayList<>(List.of(gpuPod("a", "cloud-a100-1", "nvidia.com/gpu", 2),
      gpuPod("b", "cloud-a100-2", "nvidia.com/gpu", 1)));

  @Test
  void theSameObjectsGiveTheSameComputationEvenInAnotherList() {
    GpuCapacity first = memo.capacity(nodes, pods);

    assertThat(memo.capacity(new ArrayList<>(nodes), List.of(pods.get(1), pods.get(0)))).isSameAs(first);
  }

  @Test
  void aReplacedObjectIsANewClusterStateEvenWithEqualContent() {
    GpuCapacity first = memo.capacity(nodes, pods);
    pods.set(0, new PodBuilder(pods.get(0)).build());

    GpuCapacity second = memo.capacity(nodes, pods);
    assertThat(second).isNotSameAs(first);
    assertThat(second.node("cloud-a100-1").orElseThrow().requested("nvidia.com/gpu")).isEqualTo(2);
  }

  @Test
  void aPodMoreOrLessIsSeen() {
    GpuCapacity first = memo.capacity(nodes, pods);
    pods.add(gpuPod("c", "cloud-a100-1", "nvidia.com/gpu", 2));

    GpuCapacity more = memo.capacity(nodes, pods);
    assertThat(more).isNotSameAs(first);
    assertThat(more.node("cloud-a100-1").orElseThrow().requested("nvidia.com/gpu")).isEqualTo(4);
    assertThat(memo.capacity(nodes, pods.subList(0, 2)).node("cloud-a100-1").orElseThrow()
        .requested("nvidia.com/gpu")).isEqualTo(2);
  }
}
