package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulingIT extends SimulatorHarness {

  static Pod gpuPod(String name, String resource, int count, String product, String pool) {
    PodBuilder b = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", name).endMetadata()
        .withNewSpec()
        .addToNodeSelector("shield.cybershield.io/pool", pool)
        .addToContainers(new ContainerBuilder().withName("djl").withImage("deepjavalibrary/djl-serving:0.36.0-lmi")
            .withNewResources().addToLimits(resource, new Quantity(Integer.toString(count))).endResources().build())
        .endSpec();
    if (product != null) {
      b.editSpec().withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
          .addNewNodeSelectorTerm().addNewMatchExpression().withKey("nvidia.com/gpu.product").withOperator("In")
          .withValues(product).endMatchExpression().endNodeSelectorTerm()
          .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec();
    }
    return b.build();
  }

  @Test
  void gpuAskNoNodeCanMeetStaysPendingWithSchedulerMessageAndEvent() {
    startSimulator();
    Deployment d = deployment("too-big", 1, "deepjavalibrary/djl-serving:0.36.0-lmi",
        Map.of("nvidia.com/gpu", "16"), Map.of("shield.cybershield.io/pool", "onprem"));
    client.apps().deployments().inNamespace(NS).resource(d).create();
    String expected = "0/8 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
        + "3 Insufficient nvidia.com/gpu, 4 node(s) had untolerated taint {nvidia.com/gpu: present}. "
        + "preemption: 0/8 nodes are available: 8 Preemption is not helpful for scheduling.";
    await().untilAsserted(() -> {
      List<Pod> pods = podsWithLabel("app", "too-big");
      assertThat(pods).hasSize(1);
      PodCondition c = condition(pods.get(0), "PodScheduled");
      assertThat(c).isNotNull();
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("Unschedulable");
      assertThat(c.getMessage()).isEqualTo(expected);
      assertThat(pods.get(0).getStatus().getPhase()).isEqualTo("Pending");
      List<Event> events = events(pods.get(0).getMetadata().getName());
      assertThat(events).anySatisfy(e -> {
        assertThat(e.getType()).isEqualTo("Warning");
        assertThat(e.getReason()).isEqualTo("FailedScheduling");
        assertThat(e.getMessage()).isEqualTo(expected);
        assertThat(e.getSource().getComponent()).isEqualTo("default-scheduler");
        assertThat(e.getInvolvedObject().getKind()).isEqualTo("Pod");
      });
      Deployment live = client.apps().deployments().inNamespace(NS).withName("too-big").get();
      assertThat(deploymentCondition(live, "Available", "False", "MinimumReplicasUnavailable")).isTrue();
      assertThat(live.getStatus().getUnavailableReplicas()).isEqualTo(1);
    });
  }

  @Test
  void freeingCapacityLetsPendingPodSchedule() {
    startSimulator();
    for (String n : List.of("train-a", "train-b", "train-c")) {
      client.pods().inNamespace(NS).resource(gpuPod(n, "nvidia.com/gpu", 8, "NVIDIA-H100-80GB-HBM3", "onprem"))
          .create();
    }
    String expected = "0/8 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
        + "3 Insufficient nvidia.com/gpu, 4 node(s) had untolerated taint {nvidia.com/gpu: present}. "
        + "preemption: 0/8 nodes are available: 2 No preemption victims found for incoming pod, "
        + "6 Preemption is not helpful for scheduling.";
    await().untilAsserted(() -> {
      List<Pod> pods = client.pods().inNamespace(NS).list().getItems();
      assertThat(pods.stream().filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))).hasSize(2);
      Pod pending = pods.stream().filter(p -> p.getSpec().getNodeName() == null).findFirst().orElseThrow();
      assertThat(condition(pending, "PodScheduled").getMessage()).isEqualTo(expected);
    });
    Pod pending = client.pods().inNamespace(NS).list().getItems().stream()
        .filter(p -> p.getSpec().getNodeName() == null).findFirst().orElseThrow();
    Pod victim = client.pods().inNamespace(NS).list().getItems().stream()
        .filter(p -> p.getSpec().getNodeName() != null).findFirst().orElseThrow();
    client.pods().inNamespace(NS).withName(victim.getMetadata().getName()).delete();
    await().untilAsserted(() -> {
      Pod p = client.pods().inNamespace(NS).withName(pending.getMetadata().getName()).get();
      assertThat(p.getSpec().getNodeName()).isEqualTo(victim.getSpec().getNodeName());
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(condition(p, "PodScheduled").getStatus()).isEqualTo("True");
    });
    await().untilAsserted(() -> assertThat(events(pending.getMetadata().getName())).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("Scheduled");
      assertThat(e.getMessage()).isEqualTo("Successfully assigned " + NS + "/" + pending.getMetadata().getName()
          + " to " + victim.getSpec().getNodeName());
    }));
  }

  @Test
  void migAndCloudPoolsAreUsedByTheirAsks() {
    startSimulator();
    client.pods().inNamespace(NS).resource(gpuPod("lite", "nvidia.com/mig-3g.40gb", 1, null, "onprem")).create();
    Pod cloud = gpuPod("cloud", "nvidia.com/gpu", 2, "NVIDIA-A100-SXM4-80GB", "private-cloud");
    cloud.getSpec().setTolerations(List.of(new io.fabric8.kubernetes.api.model.TolerationBuilder()
        .withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule").build()));
    client.pods().inNamespace(NS).resource(cloud).create();
    client.pods().inNamespace(NS).resource(new PodBuilder()
        .withNewMetadata().withName("gateway").withNamespace(NS).endMetadata()
        .withNewSpec().addToContainers(new ContainerBuilder().withName("gw").withImage("shield/gateway:1")
            .withNewResources().addToRequests("cpu", new Quantity("500m"))
            .addToRequests("memory", new Quantity("512Mi")).endResources().build()).endSpec()
        .build()).create();
    await().untilAsserted(() -> {
      assertThat(client.pods().inNamespace(NS).withName("lite").get().getSpec().getNodeName())
          .isEqualTo("onprem-h100-mig-1");
      assertThat(client.pods().inNamespace(NS).withName("cloud").get().getSpec().getNodeName())
          .startsWith("cloud-a100-");
      assertThat(client.pods().inNamespace(NS).withName("gateway").get().getSpec().getNodeName())
          .isEqualTo("system-1");
      assertThat(client.pods().inNamespace(NS).withName("gateway").get().getStatus().getQosClass())
          .isEqualTo("Burstable");
    });
  }

  @Test
  void nodeAddedLaterIsUsed() {
    startSimulator();
    client.pods().inNamespace(NS).resource(gpuPod("burst", "nvidia.com/gpu", 4, "NVIDIA-L40S", "private-cloud"))
        .create();
    await().untilAsserted(() -> assertThat(condition(client.pods().inNamespace(NS).withName("burst").get(),
        "PodScheduled")).isNotNull().extracting(PodCondition::getReason).isEqualTo("Unschedulable"));
    Node extra = new NodeBuilder().withNewMetadata().withName("cloud-l40s-1")
        .addToLabels("shield.cybershield.io/pool", "private-cloud")
        .addToLabels("nvidia.com/gpu.product", "NVIDIA-L40S")
        .addToLabels("nvidia.com/gpu.count", "4")
        .addToAnnotations(NodeController.CAPACITY_ANNOTATION, "cpu=64,memory=512Gi")
        .endMetadata().build();
    client.nodes().resource(extra).create();
    await().untilAsserted(() -> {
      Pod p = client.pods().inNamespace(NS).withName("burst").get();
      assertThat(p.getSpec().getNodeName()).isEqualTo("cloud-l40s-1");
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      Node n = client.nodes().withName("cloud-l40s-1").get();
      assertThat(n.getStatus().getAllocatable()).containsEntry("nvidia.com/gpu", new Quantity("4"))
          .containsEntry("cpu", new Quantity("64"));
      assertThat(n.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Ready");
        assertThat(c.getStatus()).isEqualTo("True");
      });
      assertThat(n.getStatus().getNodeInfo().getKubeletVersion()).isEqualTo("v1.32.0");
    });
    assertThat(simulator.nodeSummary()).contains("cloud-l40s-1").contains("NVIDIA-L40S");
  }

  @Test
  void podPinnedToNodeWithoutCapacityIsRejectedByKubelet() {
    startSimulator();
    Pod pinned = gpuPod("pinned", "nvidia.com/gpu", 1, null, "system");
    pinned.getSpec().setNodeName("system-1");
    client.pods().inNamespace(NS).resource(pinned).create();
    await().untilAsserted(() -> {
      Pod p = client.pods().inNamespace(NS).withName("pinned").get();
      assertThat(p.getStatus().getPhase()).isEqualTo("Failed");
      assertThat(p.getStatus().getReason()).isEqualTo("OutOfnvidia.com/gpu");
      assertThat(p.getStatus().getMessage()).isEqualTo("Pod was rejected: Node didn't have enough resource: "
          + "nvidia.com/gpu, requested: 1, used: 0, capacity: 0");
    });
  }
}
