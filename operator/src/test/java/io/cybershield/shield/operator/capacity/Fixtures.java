package io.cybershield.shield.operator.capacity;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelSpecBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.cybershield.shield.api.v1alpha1.model.spec.VariantBuilder;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Test data: the sandbox's default node inventory, ShieldModels and pods. */
final class Fixtures {

  static final String H100 = "NVIDIA-H100-80GB-HBM3";
  static final String A100 = "NVIDIA-A100-SXM4-80GB";
  static final String MIG_3G = "nvidia.com/mig-3g.40gb";
  static final String MIG_1G = "nvidia.com/mig-1g.10gb";
  static final List<String> CLOUD_NODES = List.of("cloud-a100-1", "cloud-a100-2", "cloud-a100-3", "cloud-a100-4");

  private Fixtures() {
  }

  /** The sandbox's default inventory: 2 DGX H100 and a MIG node on premises, 4 x 4 A100 in the cloud, 1 CPU node. */
  static List<Node> defaultNodes() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/capacity/inventory.yaml")) {
      if (in == null) {
        throw new IllegalStateException("capacity/inventory.yaml is not on the test class path");
      }
      KubernetesList list = Serialization.unmarshal(in, KubernetesList.class);
      return list.getItems().stream().map(Node.class::cast).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default inventory with one node changed. */
  static List<Node> withNode(List<Node> nodes, String name, UnaryOperator<NodeBuilder> edit) {
    List<Node> changed = new ArrayList<>();
    for (Node node : nodes) {
      changed.add(node.getMetadata().getName().equals(name) ? edit.apply(new NodeBuilder(node)).build() : node);
    }
    return changed;
  }

  static NodeBuilder notReady(NodeBuilder node) {
    return node.editStatus().editMatchingCondition(c -> "Ready".equals(c.getType()))
        .withStatus("False").withReason("KubeletNotReady").withMessage("container runtime is down")
        .endCondition().endStatus();
  }

  static NodeBuilder cordoned(NodeBuilder node) {
    return node.editSpec().withUnschedulable(true).endSpec();
  }

  /** A running pod bound to a node, its single container asking for {@code count} of a GPU resource. */
  static Pod gpuPod(String name, String node, String resource, int count) {
    return gpuPod(name, node, resource, count, Map.of());
  }

  static Pod gpuPod(String name, String node, String resource, int count, Map<String, String> labels) {
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace("soc").withLabels(labels).build())
        .withNewSpec()
        .withNodeName(node)
        .addNewContainer().withName("main").withImage("registry.example/gpu:1")
        .withNewResources().withLimits(Map.of(resource, new Quantity(Integer.toString(count)))).endResources()
        .endContainer()
        .endSpec()
        .withNewStatus().withPhase("Running").endStatus()
        .build();
  }

  /** Pods of another workload filling every GPU of these nodes. */
  static List<Pod> fill(List<String> nodeNames, String resource, int perNode) {
    List<Pod> pods = new ArrayList<>();
    for (String node : nodeNames) {
      pods.add(gpuPod("other-" + node, node, resource, perNode));
    }
    return pods;
  }

  static Variant variant(String name, Integer count, String resource, String product, Priority... priorities) {
    return new VariantBuilder()
        .withName(name)
        .withPriorities(List.of(priorities.length == 0 ? new Priority[] { Priority.NORMAL } : priorities))
        .withGpu(count == null ? null : new GpuRequest(count, resource, product))
        .build();
  }

  static Toleration gpuToleration() {
    return new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule").build();
  }

  /** A ShieldModel threat-intel (generation 1) with these variants, default pool selectors, GPU toleration in the cloud. */
  static ShieldModel model(Variant... variants) {
    ShieldModel model = new ShieldModel();
    model.setMetadata(new ObjectMetaBuilder().withName("threat-intel").withNamespace("soc").withGeneration(1L)
        .build());
    model.setSpec(new ShieldModelSpecBuilder()
        .withNewModel().withUri("s3://models/threat-intel").withVersion("v7").endModel()
        .withVariants(variants)
        .withNewPlacement()
            .withNewOnPrem().withReplicas(2).endOnPrem()
            .withNewPrivateCloud().withMinReplicas(0).withMaxReplicas(8).withTolerations(gpuToleration())
            .endPrivateCloud()
        .endPlacement()
        .withDataClassification(DataClassification.CONFIDENTIAL)
        .build());
    return model;
  }

  /** Desired replicas: pairs of (variant, onprem, cloud). */
  static Map<String, Map<Pool, Integer>> desired(Object... variantOnPremCloud) {
    Map<String, Map<Pool, Integer>> desired = new HashMap<>();
    for (int i = 0; i < variantOnPremCloud.length; i += 3) {
      desired.put((String) variantOnPremCloud[i], Map.of(Pool.ONPREM, (Integer) variantOnPremCloud[i + 1],
          Pool.PRIVATE_CLOUD, (Integer) variantOnPremCloud[i + 2]));
    }
    return desired;
  }

  static Map<String, String> modelPodLabels(String variant, Pool pool) {
    return ShieldNames.modelPodSelector("threat-intel", variant, pool);
  }
}
