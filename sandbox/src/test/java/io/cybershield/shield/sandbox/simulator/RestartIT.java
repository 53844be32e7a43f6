package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RestartIT extends SimulatorHarness {

  @Test
  void restartedSimulatorConvergesFromClusterState() {
    startSimulator();
    client.apps().deployments().inNamespace(NS).resource(deployment("svc", 2, "nginx:1.27", Map.of(), Map.of()))
        .create();
    await().untilAsserted(() -> assertThat(client.apps().deployments().inNamespace(NS).withName("svc").get()
        .getStatus().getAvailableReplicas()).isEqualTo(2));
    Set<String> before = podsWithLabel("app", "svc").stream().map(p -> p.getMetadata().getName())
        .collect(Collectors.toSet());
    simulator.close();

    // while no simulator runs: scale up, submit a job, bind nothing
    client.apps().deployments().inNamespace(NS).withName("svc").scale(3);
    client.batch().v1().jobs().inNamespace(NS).resource(job("offline", Map.of("SANDBOX_DURATION", "50ms"), 6))
        .create();

    simulator = new ClusterSimulator(client, SimulatorConfig.fast(), NodeInventory.defaultInventory()).start();
    await().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("svc").get();
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
      assertThat(d.getStatus().getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
      List<Pod> pods = podsWithLabel("app", "svc");
      assertThat(pods).hasSize(3);
      assertThat(pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet()))
          .containsAll(before);
      Job j = client.batch().v1().jobs().inNamespace(NS).withName("offline").get();
      assertThat(j.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getType()).isEqualTo("Complete"));
    });
    assertThat(client.apps().replicaSets().inNamespace(NS).list().getItems()).hasSize(1);
    assertThat(client.nodes().list().getItems()).hasSize(8);
    String rsName = client.apps().replicaSets().inNamespace(NS).list().getItems().get(0).getMetadata().getName();
    await().untilAsserted(() -> assertThat(events(rsName))
        .filteredOn(e -> e.getReason().equals("SuccessfulCreate")).hasSize(3));
    assertThat(events(rsName)).noneMatch(e -> e.getReason().equals("SuccessfulDelete"));
  }

  @Test
  void simulatorWithoutInventoryCountsExistingNodes() {
    startSimulator();
    simulator.close();
    simulator = new ClusterSimulator(client, SimulatorConfig.fast(), null).start();
    assertThat(simulator.nodeSummary()).contains("onprem-h100-1", "cloud-a100-4", "system-1");
    client.apps().deployments().inNamespace(NS).resource(deployment("again", 1, "nginx:1.27", Map.of(), Map.of()))
        .create();
    await().untilAsserted(() -> assertThat(client.apps().deployments().inNamespace(NS).withName("again").get()
        .getStatus().getAvailableReplicas()).isEqualTo(1));
  }

  @Test
  void restartedSimulatorUpdatesExistingEventsInsteadOfDuplicating() {
    startSimulator();
    client.pods().inNamespace(NS).resource(SchedulingIT.gpuPod("huge", "nvidia.com/gpu", 32, null, "onprem"))
        .create();
    await().untilAsserted(() -> assertThat(events("huge")).singleElement()
        .satisfies(e -> assertThat(e.getReason()).isEqualTo("FailedScheduling")));
    simulator.close();
    simulator = new ClusterSimulator(client, SimulatorConfig.fast(), null).start();
    await().untilAsserted(() -> assertThat(events("huge")).singleElement().satisfies(e -> {
      assertThat(e.getReason()).isEqualTo("FailedScheduling");
      assertThat(e.getCount()).isEqualTo(2);
    }));
  }
}
