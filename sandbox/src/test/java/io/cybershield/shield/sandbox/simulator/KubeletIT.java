package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KubeletIT extends SimulatorHarness {

  @Test
  void readinessProbeDelayIsScaledAndStatusWalksThroughThePhases() {
    startSimulator(NodeInventory.defaultInventory(), SimulatorConfig.fast().withProbeDelayFactor(0.1));
    Pod pod = new PodBuilder().withNewMetadata().withName("djl").withNamespace(NS).endMetadata()
        .withNewSpec().addToContainers(new ContainerBuilder().withName("djl").withImage("djl:1")
            .withNewReadinessProbe().withNewHttpGet().withPath("/ping")
            .withPort(new io.fabric8.kubernetes.api.model.IntOrString(8080)).endHttpGet()
            .withInitialDelaySeconds(20).endReadinessProbe().build())
        .endSpec().build();
    client.pods().inNamespace(NS).resource(pod).create();
    await().untilAsserted(() -> {
      Pod p = client.pods().inNamespace(NS).withName("djl").get();
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(p.getStatus().getContainerStatuses().get(0).getStarted()).isTrue();
      assertThat(p.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
      assertThat(condition(p, "Ready").getReason()).isEqualTo("ContainersNotReady");
      assertThat(condition(p, "Ready").getMessage()).isEqualTo("containers with unready status: [djl]");
    });
    await().untilAsserted(() -> {
      Pod p = client.pods().inNamespace(NS).withName("djl").get();
      assertThat(p.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
      assertThat(condition(p, "Ready").getStatus()).isEqualTo("True");
      assertThat(condition(p, "ContainersReady").getStatus()).isEqualTo("True");
    });
  }

  @Test
  void alwaysRestartingJobImageCountsRestarts() {
    startSimulator();
    Pod pod = new PodBuilder().withNewMetadata().withName("crashy").withNamespace(NS).endMetadata()
        .withNewSpec().addToContainers(new ContainerBuilder().withName("c").withImage("sandbox.local/job")
            .addNewEnv().withName("SANDBOX_DURATION").withValue("20ms").endEnv()
            .addNewEnv().withName("SANDBOX_EXIT_CODE").withValue("1").endEnv().build())
        .endSpec().build();
    client.pods().inNamespace(NS).resource(pod).create();
    await().untilAsserted(() -> {
      Pod p = client.pods().inNamespace(NS).withName("crashy").get();
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(p.getStatus().getContainerStatuses().get(0).getRestartCount()).isGreaterThanOrEqualTo(2);
      assertThat(p.getStatus().getContainerStatuses().get(0).getLastState().getTerminated().getExitCode())
          .isEqualTo(1);
    });
  }

  @Test
  void podsWithForeignSchedulerAreLeftAlone() {
    startSimulator();
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("other").withNamespace(NS)
        .endMetadata().withNewSpec().withSchedulerName("volcano")
        .addToContainers(new ContainerBuilder().withName("c").withImage("i").build()).endSpec().build()).create();
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("mine").withNamespace(NS)
        .endMetadata().withNewSpec()
        .addToContainers(new ContainerBuilder().withName("c").withImage("i").build()).endSpec().build()).create();
    await().untilAsserted(() -> assertThat(client.pods().inNamespace(NS).withName("mine").get().getStatus()
        .getPhase()).isEqualTo("Running"));
    Pod other = client.pods().inNamespace(NS).withName("other").get();
    assertThat(other.getSpec().getNodeName()).isNull();
    assertThat(other.getStatus() == null ? List.of() : other.getStatus().getConditions()).isEmpty();
  }
}
