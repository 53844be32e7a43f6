package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentIT extends SimulatorHarness {

  @Test
  void deploymentBecomesAvailableWithRunningReadyPods() {
    startSimulator();
    client.apps().deployments().inNamespace(NS).resource(deployment("threat-intel-full-onprem", 2,
        "deepjavalibrary/djl-serving:0.36.0-lmi", Map.of("nvidia.com/gpu", "2"),
        Map.of("shield.cybershield.io/pool", "onprem"))).create();

    await().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("threat-intel-full-onprem").get();
      assertThat(deploymentCondition(d, "Available", "True", "MinimumReplicasAvailable")).isTrue();
      assertThat(deploymentCondition(d, "Progressing", "True", "NewReplicaSetAvailable")).isTrue();
      assertThat(d.getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
      assertThat(d.getStatus().getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
    });
    Deployment d = client.apps().deployments().inNamespace(NS).withName("threat-intel-full-onprem").get();
    List<ReplicaSet> rss = client.apps().replicaSets().inNamespace(NS).list().getItems();
    assertThat(rss).hasSize(1);
    ReplicaSet rs = rss.get(0);
    String hash = rs.getMetadata().getLabels().get("pod-template-hash");
    assertThat(rs.getMetadata().getName()).isEqualTo("threat-intel-full-onprem-" + hash);
    assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(rs.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(d.getMetadata().getUid());
    assertThat(d.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(d.getStatus().getConditions().stream().filter(c -> c.getType().equals("Progressing")).findFirst()
        .orElseThrow().getMessage()).isEqualTo("ReplicaSet \"" + rs.getMetadata().getName()
        + "\" has successfully progressed.");
    assertThat(rs.getStatus().getReadyReplicas()).isEqualTo(2);

    List<Pod> pods = podsWithLabel("app", "threat-intel-full-onprem");
    assertThat(pods).hasSize(2).allSatisfy(p -> {
      assertThat(p.getMetadata().getName()).matches("threat-intel-full-onprem-" + hash + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(p.getSpec().getNodeName()).startsWith("onprem-h100-");
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(p.getStatus().getPodIP()).startsWith("10.244.");
      assertThat(p.getStatus().getHostIP()).startsWith("10.10.0.");
      assertThat(p.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
      assertThat(p.getStatus().getContainerStatuses().get(0).getContainerID()).startsWith("containerd://");
      assertThat(condition(p, "Ready").getStatus()).isEqualTo("True");
      assertThat(p.getMetadata().getOwnerReferences().get(0).getController()).isTrue();
      assertThat(p.getMetadata().getOwnerReferences().get(0).getBlockOwnerDeletion()).isTrue();
    });
    await().untilAsserted(() -> assertThat(events(pods.get(0).getMetadata().getName()))
        .extracting(e -> e.getReason())
        .contains("Scheduled", "Pulled", "Created", "Started"));
    await().untilAsserted(() -> assertThat(events("threat-intel-full-onprem"))
        .anySatisfy(e -> assertThat(e.getMessage()).isEqualTo(
            "Scaled up replica set " + rs.getMetadata().getName() + " from 0 to 2")));
  }
}
