package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.cybershield.shield.sandbox.simulator.SchedulerAlgorithm.NodeInfo;
import io.cybershield.shield.sandbox.simulator.SchedulerAlgorithm.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerAlgorithmTest {

  private static final List<Node> DEFAULT_NODES = NodeInventory.defaultInventory().nodes();

  private static List<NodeInfo> cluster(Map<String, List<Pod>> podsByNode) {
    List<NodeInfo> infos = new ArrayList<>();
    for (Node n : DEFAULT_NODES) {
      infos.add(new NodeInfo(n, podsByNode.getOrDefault(n.getMetadata().getName(), List.of())));
    }
    return infos;
  }

  private static PodBuilder pod(String name, Map<String, String> limits, Map<String, String> requests) {
    ContainerBuilder c = new ContainerBuilder().withName("c").withImage("img");
    limits.forEach((k, v) -> c.editOrNewResources().addToLimits(k, new Quantity(v)).endResources());
    requests.forEach((k, v) -> c.editOrNewResources().addToRequests(k, new Quantity(v)).endResources());
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("soc").endMetadata()
        .withNewSpec().addToContainers(c.build()).endSpec();
  }

  private static Pod gpu(String name, String resource, String count, String pool, String product,
                         List<Toleration> tolerations) {
    PodBuilder b = pod(name, Map.of(resource, count), Map.of());
    if (pool != null) {
      b.editSpec().addToNodeSelector("shield.cybershield.io/pool", pool).endSpec();
    }
    if (product != null) {
      b.editSpec().withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
          .addNewNodeSelectorTerm().addNewMatchExpression().withKey("nvidia.com/gpu.product").withOperator("In")
          .withValues(product).endMatchExpression().endNodeSelectorTerm()
          .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec();
    }
    b.editSpec().withTolerations(tolerations).endSpec();
    return b.build();
  }

  private static Pod boundTo(Pod pod, String node) {
    pod.getSpec().setNodeName(node);
    return pod;
  }

  private static final List<Toleration> GPU_TOLERATION = List.of(new TolerationBuilder().withKey("nvidia.com/gpu")
      .withOperator("Exists").withEffect("NoSchedule").build());

  @Test
  void wholeGpuAskGoesToOnPremH100() {
    Result r = SchedulerAlgorithm.schedule(gpu("p", "nvidia.com/gpu", "2", "onprem", "NVIDIA-H100-80GB-HBM3",
        List.of()), cluster(Map.of()));
    assertThat(r.scheduled()).isTrue();
    assertThat(r.nodeName()).isIn("onprem-h100-1", "onprem-h100-2");
  }

  @Test
  void migAskGoesToMigNode() {
    Result r = SchedulerAlgorithm.schedule(gpu("p", "nvidia.com/mig-3g.40gb", "1", "onprem", null, List.of()),
        cluster(Map.of()));
    assertThat(r.nodeName()).isEqualTo("onprem-h100-mig-1");
  }

  @Test
  void migExhaustedGivesInsufficientMigMessage() {
    List<Pod> running = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      running.add(boundTo(gpu("m" + i, "nvidia.com/mig-3g.40gb", "1", "onprem", null, List.of()),
          "onprem-h100-mig-1"));
    }
    Result r = SchedulerAlgorithm.schedule(gpu("p", "nvidia.com/mig-3g.40gb", "1", "onprem", null, List.of()),
        cluster(Map.of("onprem-h100-mig-1", running)));
    assertThat(r.scheduled()).isFalse();
    assertThat(r.message()).isEqualTo("0/8 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
        + "3 Insufficient nvidia.com/mig-3g.40gb, 4 node(s) had untolerated taint {nvidia.com/gpu: present}. "
        + "preemption: 0/8 nodes are available: 1 No preemption victims found for incoming pod, "
        + "7 Preemption is not helpful for scheduling.");
  }

  @Test
  void privateCloudNeedsTolerationAndProductAffinity() {
    Result untolerated = SchedulerAlgorithm.schedule(gpu("p", "nvidia.com/gpu", "1", "private-cloud", null,
        List.of()), cluster(Map.of()));
    assertThat(untolerated.message()).isEqualTo("0/8 nodes are available: "
        + "4 node(s) didn't match Pod's node affinity/selector, 4 node(s) had untolerated taint "
        + "{nvidia.com/gpu: present}. preemption: 0/8 nodes are available: 8 Preemption is not helpful for "
        + "scheduling.");
    Result tolerated = SchedulerAlgorithm.schedule(gpu("p", "nvidia.com/gpu", "4", "private-cloud",
        "NVIDIA-A100-SXM4-80GB", GPU_TOLERATION), cluster(Map.of()));
    assertThat(tolerated.nodeName()).startsWith("cloud-a100-");
    Result wrongProduct = SchedulerAlgorithm.schedule(gpu("p", "nvidia.com/gpu", "1", "private-cloud",
        "NVIDIA-H100-80GB-HBM3", GPU_TOLERATION), cluster(Map.of()));
    assertThat(wrongProduct.message()).startsWith(
        "0/8 nodes are available: 8 node(s) didn't match Pod's node affinity/selector.");
  }

  @Test
  void tolerationSemantics() {
    Taint taint = new Taint("NoSchedule", "nvidia.com/gpu", null, "present");
    assertThat(SchedulerAlgorithm.tolerates(new TolerationBuilder().withOperator("Exists").build(), taint)).isTrue();
    assertThat(SchedulerAlgorithm.tolerates(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Equal")
        .withValue("present").build(), taint)).isTrue();
    assertThat(SchedulerAlgorithm.tolerates(new TolerationBuilder().withKey("nvidia.com/gpu").withValue("absent")
        .build(), taint)).isFalse();
    assertThat(SchedulerAlgorithm.tolerates(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists")
        .withEffect("NoExecute").build(), taint)).isFalse();
    assertThat(SchedulerAlgorithm.tolerates(new TolerationBuilder().withKey("other").withOperator("Exists").build(),
        taint)).isFalse();
  }

  @Test
  void preferNoScheduleTaintsDoNotFilter() {
    Node n = new NodeBuilder(DEFAULT_NODES.get(7)).editSpec()
        .addNewTaint().withKey("soft").withEffect("PreferNoSchedule").endTaint().endSpec().build();
    Pod p = pod("p", Map.of(), Map.of("cpu", "1")).build();
    assertThat(SchedulerAlgorithm.filter(p, new NodeInfo(n, List.of())).fits()).isTrue();
  }

  @Test
  void nodeSelectorOperators() {
    assertThat(req("In", List.of("a", "b"), true, "a")).isTrue();
    assertThat(req("In", List.of("a"), false, null)).isFalse();
    assertThat(req("NotIn", List.of("a"), true, "b")).isTrue();
    assertThat(req("NotIn", List.of("a"), false, null)).isTrue();
    assertThat(req("NotIn", List.of("a"), true, "a")).isFalse();
    assertThat(req("Exists", List.of(), true, "x")).isTrue();
    assertThat(req("DoesNotExist", List.of(), true, "x")).isFalse();
    assertThat(req("DoesNotExist", List.of(), false, null)).isTrue();
    assertThat(req("Gt", List.of("4"), true, "8")).isTrue();
    assertThat(req("Gt", List.of("8"), true, "8")).isFalse();
    assertThat(req("Lt", List.of("81920"), true, "46068")).isTrue();
    assertThat(req("Lt", List.of("1"), true, "not-a-number")).isFalse();
  }

  private static boolean req(String op, List<String> values, boolean present, String value) {
    return SchedulerAlgorithm.requirementMatches(new NodeSelectorRequirement("k", op, values), present, value);
  }

  @Test
  void gpuMemoryGtAffinitySelectsBigGpus() {
    Pod p = pod("p", Map.of("nvidia.com/gpu", "1"), Map.of()).build();
    p.getSpec().setTolerations(GPU_TOLERATION);
    p.getSpec().setAffinity(new io.fabric8.kubernetes.api.model.AffinityBuilder().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey("nvidia.com/gpu.memory").withOperator("Gt").withValues("81600").endMatchExpression()
        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build());
    assertThat(SchedulerAlgorithm.schedule(p, cluster(Map.of())).nodeName()).startsWith("cloud-a100-");
  }

  @Test
  void cpuAndMemoryAndPodCountAreChecked() {
    Node small = new NodeBuilder().withNewMetadata().withName("small").endMetadata()
        .withNewStatus().addToAllocatable("cpu", new Quantity("2")).addToAllocatable("memory", new Quantity("4Gi"))
        .addToAllocatable("pods", new Quantity("2"))
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build();
    Pod existing = boundTo(pod("e", Map.of(), Map.of("cpu", "1500m", "memory", "3Gi")).build(), "small");
    Pod wantsCpu = pod("p", Map.of(), Map.of("cpu", "600m")).build();
    assertThat(SchedulerAlgorithm.filter(wantsCpu, new NodeInfo(small, List.of(existing))).reasons())
        .containsExactly("Insufficient cpu");
    Pod wantsBoth = pod("p", Map.of("cpu", "1", "memory", "2Gi"), Map.of()).build();
    SchedulerAlgorithm.FilterStatus both = SchedulerAlgorithm.filter(wantsBoth, new NodeInfo(small, List.of(existing)));
    assertThat(both.reasons()).containsExactly("Insufficient cpu", "Insufficient memory");
    assertThat(both.unresolvable()).isFalse();
    Pod tiny = pod("p", Map.of(), Map.of("cpu", "100m")).build();
    Pod other = boundTo(pod("o", Map.of(), Map.of()).build(), "small");
    assertThat(SchedulerAlgorithm.filter(tiny, new NodeInfo(small, List.of(existing, other))).reasons())
        .containsExactly("Too many pods");
    Pod huge = pod("p", Map.of(), Map.of("memory", "8Gi")).build();
    assertThat(SchedulerAlgorithm.filter(huge, new NodeInfo(small, List.of())).unresolvable()).isTrue();
    Pod terminated = boundTo(pod("t", Map.of(), Map.of("cpu", "2")).build(), "small");
    terminated.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Succeeded").build());
    assertThat(SchedulerAlgorithm.filter(wantsCpu, new NodeInfo(small, List.of(terminated))).fits()).isTrue();
  }

  @Test
  void requestsFallBackToLimitsAndInitContainersCount() {
    Pod p = pod("p", Map.of("nvidia.com/gpu", "2", "cpu", "4"), Map.of("cpu", "1")).build();
    p.getSpec().setInitContainers(List.of(new ContainerBuilder().withName("init").withImage("i")
        .withNewResources().addToRequests("cpu", new Quantity("3")).endResources().build()));
    var req = PodResources.requests(p);
    assertThat(req.get("nvidia.com/gpu")).isEqualByComparingTo("2");
    assertThat(req.get("cpu")).isEqualByComparingTo("3");
  }

  @Test
  void cpuOnlyPodWithoutSelectorLandsOnSystemNode() {
    Pod p = pod("gw", Map.of(), Map.of("cpu", "500m", "memory", "1Gi")).build();
    assertThat(SchedulerAlgorithm.schedule(p, cluster(Map.of())).nodeName()).isEqualTo("system-1");
  }

  @Test
  void unschedulableAndNotReadyNodes() {
    Node cordoned = new NodeBuilder(DEFAULT_NODES.get(7)).editSpec().withUnschedulable(true).endSpec().build();
    Node notReady = new NodeBuilder(DEFAULT_NODES.get(7)).editMetadata().withName("nr").endMetadata().build();
    notReady.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
        .forEach(c -> c.setStatus("False"));
    Pod p = pod("p", Map.of(), Map.of()).build();
    Result r = SchedulerAlgorithm.schedule(p, List.of(new NodeInfo(cordoned, List.of()),
        new NodeInfo(notReady, List.of())));
    assertThat(r.message()).isEqualTo("0/2 nodes are available: 1 node(s) had untolerated taint "
        + "{node.kubernetes.io/not-ready: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: "
        + "2 Preemption is not helpful for scheduling.");
    assertThat(SchedulerAlgorithm.schedule(p, List.of()).message()).isEqualTo("no nodes available to schedule pods");
  }

  @Test
  void preemptionPolicyNeverAndHistogramSorting() {
    Pod p = gpu("p", "nvidia.com/gpu", "16", null, null, GPU_TOLERATION);
    p.getSpec().setPreemptionPolicy("Never");
    Result r = SchedulerAlgorithm.schedule(p, cluster(Map.of()));
    assertThat(r.message()).isEqualTo("0/8 nodes are available: 8 Insufficient nvidia.com/gpu. "
        + "preemption: not eligible due to preemptionPolicy=Never.");
    assertThat(SchedulerAlgorithm.histogram(List.of("b", "a", "b", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c")))
        .isEqualTo("1 a, 10 c, 2 b");
  }

  @Test
  void needsScheduling() {
    Pod p = pod("p", Map.of(), Map.of()).build();
    assertThat(SchedulerAlgorithm.needsScheduling(p)).isTrue();
    p.getSpec().setSchedulerName("volcano");
    assertThat(SchedulerAlgorithm.needsScheduling(p)).isFalse();
    p.getSpec().setSchedulerName("default-scheduler");
    p.getSpec().setNodeName("x");
    assertThat(SchedulerAlgorithm.needsScheduling(p)).isFalse();
  }
}
