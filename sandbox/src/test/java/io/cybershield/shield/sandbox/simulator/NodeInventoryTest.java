package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeInventoryTest {

  @Test
  void defaultInventoryHasThePools() {
    NodeInventory inv = NodeInventory.defaultInventory();
    List<Node> nodes = inv.nodes();
    assertThat(nodes).hasSize(8);
    assertThat(nodes.stream().filter(n -> "onprem".equals(pool(n)))).hasSize(3);
    assertThat(nodes.stream().filter(n -> "private-cloud".equals(pool(n)))).hasSize(4)
        .allSatisfy(n -> {
          assertThat(n.getSpec().getTaints()).anySatisfy(t -> {
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getValue()).isEqualTo("present");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
          });
          assertThat(n.getStatus().getAllocatable()).containsKey("nvidia.com/gpu");
          assertThat(n.getMetadata().getLabels()).containsEntry("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB");
        });
    Node cloudMig = find(nodes, "cloud-a100-4");
    assertThat(cloudMig.getStatus().getAllocatable()).containsEntry("nvidia.com/gpu", new Quantity("2"))
        .containsEntry("nvidia.com/mig-3g.40gb", new Quantity("4"));
    Node h100 = find(nodes, "onprem-h100-1");
    assertThat(h100.getStatus().getCapacity()).containsEntry("nvidia.com/gpu", new Quantity("8"));
    assertThat(h100.getMetadata().getLabels()).containsEntry("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
        .containsEntry("nvidia.com/gpu.count", "8").containsKey("nvidia.com/gpu.memory");
    assertThat(h100.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo("v1.32.0");
    assertThat(h100.getStatus().getNodeInfo().getArchitecture()).isEqualTo("amd64");
    Node mig = find(nodes, "onprem-h100-mig-1");
    assertThat(mig.getMetadata().getLabels()).containsEntry("nvidia.com/mig.strategy", "mixed");
    assertThat(mig.getStatus().getAllocatable()).containsEntry("nvidia.com/mig-3g.40gb", new Quantity("6"))
        .containsEntry("nvidia.com/mig-1g.10gb", new Quantity("7")).doesNotContainKey("nvidia.com/gpu");
    Node system = find(nodes, "system-1");
    assertThat(system.getSpec().getTaints()).isEmpty();
    assertThat(system.getStatus().getAllocatable()).doesNotContainKey("nvidia.com/gpu");
  }

  @Test
  void summaryIsATable() {
    String summary = NodeInventory.defaultInventory().summary();
    assertThat(summary.lines().findFirst().orElseThrow()).contains("NAME", "POOL", "GPU PRODUCT", "GPU RESOURCES",
        "TAINTS");
    assertThat(summary).contains("onprem-h100-mig-1", "nvidia.com/mig-1g.10gb=7,nvidia.com/mig-3g.40gb=6")
        .contains("nvidia.com/gpu=present:NoSchedule").contains("NVIDIA-H100-80GB-HBM3");
    assertThat(summary.lines()).hasSize(9);
  }

  @Test
  void fromFileAcceptsMultiDocumentYaml(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("nodes.yaml");
    Files.writeString(f, """
        apiVersion: v1
        kind: Node
        metadata:
          name: a
          labels: {shield.cybershield.io/pool: onprem}
        status:
          capacity: {cpu: "4", nvidia.com/gpu: "1"}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: b}
        """);
    NodeInventory inv = NodeInventory.fromFile(f);
    assertThat(inv.nodes()).extracting(n -> n.getMetadata().getName()).containsExactly("a", "b");
    assertThat(inv.summary()).contains("nvidia.com/gpu=1");
  }

  @Test
  void fromFileAcceptsAList(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("nodes.yaml");
    Files.writeString(f, """
        apiVersion: v1
        kind: NodeList
        items:
        - apiVersion: v1
          kind: Node
          metadata: {name: x}
        """);
    assertThat(NodeInventory.fromFile(f).size()).isEqualTo(1);
  }

  @Test
  void rejectsOtherKindsAndDuplicates() {
    assertThatThrownBy(() -> NodeInventory.fromYaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only Node");
    assertThatThrownBy(() -> NodeInventory.fromYaml("""
        apiVersion: v1
        kind: Node
        metadata: {name: p}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: p}
        """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
  }

  @Test
  void userNodeWithoutStatusGetsSaneStatus() {
    Node n = NodeInventory.fromYaml("""
        apiVersion: v1
        kind: Node
        metadata:
          name: extra
          labels: {nvidia.com/gpu.count: "2"}
          annotations: {sandbox.cybershield.io/capacity: "cpu=32,memory=128Gi"}
        """).nodes().get(0);
    Node sane = NodeController.withSaneStatus(n, Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(sane.getStatus().getCapacity()).containsEntry("cpu", new Quantity("32"))
        .containsEntry("memory", new Quantity("128Gi")).containsEntry("nvidia.com/gpu", new Quantity("2"))
        .containsEntry("pods", new Quantity("110"));
    assertThat(sane.getStatus().getAllocatable()).isEqualTo(sane.getStatus().getCapacity());
    assertThat(sane.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Ready");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("KubeletReady");
    });
    assertThat(sane.getStatus().getAddresses()).anySatisfy(a -> assertThat(a.getType()).isEqualTo("InternalIP"));
    assertThat(sane.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo("v1.32.0");
    Node already = NodeInventory.defaultInventory().nodes().get(0);
    assertThat(NodeController.withSaneStatus(already, Instant.now()).getStatus()).isEqualTo(already.getStatus());
  }

  private static String pool(Node n) {
    return n.getMetadata().getLabels().get(NodeInventory.POOL_LABEL);
  }

  private static Node find(List<Node> nodes, String name) {
    return nodes.stream().filter(n -> n.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }
}
