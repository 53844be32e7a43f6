package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodIpIT extends SimulatorHarness {

  @Test
  void podsGetDistinctLoopbackAddressesClusterWideAndGonePodsAddressesAreReused() {
    startSimulator();
    // spread over several nodes: a per-node range would hand out the same address twice
    client.apps().deployments().inNamespace(NS).resource(deployment("gpu", 2,
        "deepjavalibrary/djl-serving:0.36.0-lmi", Map.of("nvidia.com/gpu", "8"),
        Map.of("shield.cybershield.io/pool", "onprem"))).create();
    client.apps().deployments().inNamespace(NS).resource(deployment("cpu", 2, "example.com/server:1",
        Map.of("cpu", "100m"), Map.of())).create();

    await().untilAsserted(() -> assertThat(ips()).hasSize(4));
    List<Pod> gpuPods = podsWithLabel("app", "gpu");
    assertThat(gpuPods).extracting(p -> p.getSpec().getNodeName()).doesNotHaveDuplicates();
    assertThat(ips()).containsExactlyInAnyOrder("127.244.0.2", "127.244.0.3", "127.244.0.4", "127.244.0.5");

    client.apps().deployments().inNamespace(NS).withName("gpu").scale(0);
    await().untilAsserted(() -> assertThat(podsWithLabel("app", "gpu")).isEmpty());
    List<String> kept = ips();
    assertThat(kept).hasSize(2);
    client.apps().deployments().inNamespace(NS).withName("gpu").scale(2);

    await().untilAsserted(() -> assertThat(ips()).hasSize(4));
    List<String> all = ips();
    assertThat(all).doesNotHaveDuplicates().containsAll(kept);
    // without reuse the new pods would have 127.244.0.6 and 127.244.0.7
    assertThat(all).containsExactlyInAnyOrder("127.244.0.2", "127.244.0.3", "127.244.0.4", "127.244.0.5");
  }

  private List<String> ips() {
    return client.pods().inNamespace(NS).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .map(p -> p.getStatus() == null ? null : p.getStatus().getPodIP())
        .filter(ip -> ip != null)
        .toList();
  }
}
