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
      assertThat(p.getStatus().getPodIP()).startsWith("127.244.0.");
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

  @Test
  void templateChangeRollsToNewReplicaSetAndOldGoesToZero() {
    startSimulator();
    client.apps().deployments().inNamespace(NS).resource(deployment("gw", 3, "shield/gateway:1.0",
        Map.of("cpu", "500m", "memory", "256Mi"), Map.of())).create();
    await().untilAsserted(() -> assertThat(deploymentCondition(
        client.apps().deployments().inNamespace(NS).withName("gw").get(), "Progressing", "True",
        "NewReplicaSetAvailable")).isTrue());
    String firstRs = client.apps().replicaSets().inNamespace(NS).list().getItems().get(0).getMetadata().getName();

    retryOnConflict(() -> client.apps().deployments().inNamespace(NS).withName("gw").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("shield/gateway:1.1");
      return d;
    }));
    await().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("gw").get();
      List<ReplicaSet> rss = client.apps().replicaSets().inNamespace(NS).list().getItems();
      assertThat(rss).hasSize(2);
      ReplicaSet old = rss.stream().filter(r -> r.getMetadata().getName().equals(firstRs)).findFirst().orElseThrow();
      ReplicaSet neu = rss.stream().filter(r -> !r.getMetadata().getName().equals(firstRs)).findFirst().orElseThrow();
      assertThat(old.getSpec().getReplicas()).isZero();
      assertThat(old.getStatus().getReplicas()).isZero();
      assertThat(neu.getSpec().getReplicas()).isEqualTo(3);
      assertThat(neu.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
      assertThat(d.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
      assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(3);
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
      assertThat(d.getStatus().getReplicas()).isEqualTo(3);
      assertThat(deploymentCondition(d, "Progressing", "True", "NewReplicaSetAvailable")).isTrue();
      assertThat(d.getStatus().getConditions().stream().filter(c -> c.getType().equals("Progressing"))
          .findFirst().orElseThrow().getMessage()).contains(neu.getMetadata().getName());
      List<Pod> pods = podsWithLabel("app", "gw");
      assertThat(pods).hasSize(3).allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getImage())
          .isEqualTo("shield/gateway:1.1"));
    });
    await().untilAsserted(() -> assertThat(events("gw")).extracting(e -> e.getMessage())
        .anySatisfy(m -> assertThat(m).startsWith("Scaled down replica set " + firstRs)));
  }

  @Test
  void scalingIsHonoured() {
    startSimulator();
    client.apps().deployments().inNamespace(NS).resource(deployment("web", 1, "nginx:1.27",
        Map.of(), Map.of())).create();
    await().untilAsserted(() -> assertThat(client.apps().deployments().inNamespace(NS).withName("web").get()
        .getStatus().getAvailableReplicas()).isEqualTo(1));
    client.apps().deployments().inNamespace(NS).withName("web").scale(4);
    await().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("web").get();
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(4);
      assertThat(d.getStatus().getReadyReplicas()).isEqualTo(4);
      assertThat(podsWithLabel("app", "web")).hasSize(4);
    });
    retryOnConflict(() -> client.apps().deployments().inNamespace(NS).withName("web").edit(d -> {
      d.getSpec().setReplicas(2);
      return d;
    }));
    await().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("web").get();
      assertThat(d.getStatus().getReplicas()).isEqualTo(2);
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(podsWithLabel("app", "web")).hasSize(2);
      assertThat(client.apps().replicaSets().inNamespace(NS).list().getItems()).hasSize(1);
    });
  }

  @Test
  void recreateStrategyReplacesAllPods() {
    startSimulator();
    Deployment d0 = deployment("trainer-ui", 2, "shield/ui:1", Map.of(), Map.of());
    d0.getSpec().setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder()
        .withType("Recreate").build());
    client.apps().deployments().inNamespace(NS).resource(d0).create();
    await().untilAsserted(() -> assertThat(client.apps().deployments().inNamespace(NS).withName("trainer-ui").get()
        .getStatus().getAvailableReplicas()).isEqualTo(2));
    retryOnConflict(() -> client.apps().deployments().inNamespace(NS).withName("trainer-ui").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("shield/ui:2");
      return d;
    }));
    await().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("trainer-ui").get();
      assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(podsWithLabel("app", "trainer-ui")).hasSize(2)
          .allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("shield/ui:2"));
    });
  }

  @Test
  void progressDeadlineExceededWhenPodsStayPending() {
    startSimulator();
    Deployment d0 = deployment("stuck", 1, "djl:1", Map.of("nvidia.com/gpu", "64"), Map.of());
    d0.getSpec().setProgressDeadlineSeconds(1);
    client.apps().deployments().inNamespace(NS).resource(d0).create();
    await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("stuck").get();
      assertThat(deploymentCondition(d, "Progressing", "False", "ProgressDeadlineExceeded")).isTrue();
      assertThat(d.getStatus().getConditions().stream().filter(c -> c.getType().equals("Progressing"))
          .findFirst().orElseThrow().getMessage()).matches("ReplicaSet \"stuck-[a-z0-9]+\" has timed out progressing.");
      assertThat(deploymentCondition(d, "Available", "False", "MinimumReplicasUnavailable")).isTrue();
    });
  }

  @Test
  void deletedDeploymentsChildrenAreCleanedUp() {
    startSimulator();
    client.apps().deployments().inNamespace(NS).resource(deployment("tmp", 2, "nginx:1.27", Map.of(), Map.of()))
        .create();
    await().untilAsserted(() -> assertThat(podsWithLabel("app", "tmp")).hasSize(2));
    client.apps().deployments().inNamespace(NS).withName("tmp").delete();
    await().untilAsserted(() -> {
      assertThat(client.apps().replicaSets().inNamespace(NS).list().getItems()).isEmpty();
      assertThat(podsWithLabel("app", "tmp")).isEmpty();
    });
  }

  @Test
  void revisionHistoryLimitPrunesOldReplicaSets() {
    startSimulator();
    Deployment d0 = deployment("hist", 1, "app:1", Map.of(), Map.of());
    d0.getSpec().setRevisionHistoryLimit(1);
    client.apps().deployments().inNamespace(NS).resource(d0).create();
    for (int v = 2; v <= 4; v++) {
      String image = "app:" + v;
      String revision = Integer.toString(v - 1);
      await().untilAsserted(() -> {
        Deployment d = client.apps().deployments().inNamespace(NS).withName("hist").get();
        assertThat(d.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", revision);
        assertThat(deploymentCondition(d, "Progressing", "True", "NewReplicaSetAvailable")).isTrue();
      });
      retryOnConflict(() -> client.apps().deployments().inNamespace(NS).withName("hist").edit(d -> {
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
        return d;
      }));
    }
    await().untilAsserted(() -> {
      List<ReplicaSet> rss = client.apps().replicaSets().inNamespace(NS).list().getItems();
      assertThat(rss).extracting(r -> r.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"))
          .containsExactlyInAnyOrder("3", "4");
      assertThat(podsWithLabel("app", "hist")).singleElement()
          .satisfies(p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("app:4"));
    });
  }

  @Test
  void rolloutToAnUnreadyImageKeepsOldPodsAndTimesOut() {
    startSimulator();
    Deployment d0 = deployment("model", 2, "deepjavalibrary/djl-serving:0.36.0-lmi", Map.of(), Map.of());
    d0.getSpec().setProgressDeadlineSeconds(1);
    client.apps().deployments().inNamespace(NS).resource(d0).create();
    await().untilAsserted(() -> assertThat(deploymentCondition(
        client.apps().deployments().inNamespace(NS).withName("model").get(), "Progressing", "True",
        "NewReplicaSetAvailable")).isTrue());
    retryOnConflict(() -> client.apps().deployments().inNamespace(NS).withName("model").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("sandbox.local/unready:v8");
      return d;
    }));
    await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("model").get();
      assertThat(deploymentCondition(d, "Progressing", "False", "ProgressDeadlineExceeded")).isTrue();
      assertThat(deploymentCondition(d, "Available", "True", "MinimumReplicasAvailable")).isTrue();
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(1);
      List<Pod> unready = podsWithLabel("app", "model").stream()
          .filter(p -> p.getSpec().getContainers().get(0).getImage().startsWith("sandbox.local/unready")).toList();
      assertThat(unready).singleElement().satisfies(p -> {
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        assertThat(condition(p, "Ready").getStatus()).isEqualTo("False");
      });
    });
    String firstRs = client.apps().replicaSets().inNamespace(NS).list().getItems().stream()
        .filter(r -> "1".equals(r.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")))
        .findFirst().orElseThrow().getMetadata().getName();
    // roll back: the old template again re-uses the old ReplicaSet under a new revision
    retryOnConflict(() -> client.apps().deployments().inNamespace(NS).withName("model").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("deepjavalibrary/djl-serving:0.36.0-lmi");
      return d;
    }));
    await().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(NS).withName("model").get();
      assertThat(d.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3");
      assertThat(deploymentCondition(d, "Progressing", "True", "NewReplicaSetAvailable")).isTrue();
      ReplicaSet rs = client.apps().replicaSets().inNamespace(NS).withName(firstRs).get();
      assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3");
      assertThat(podsWithLabel("app", "model")).hasSize(2).allSatisfy(p ->
          assertThat(p.getSpec().getContainers().get(0).getImage()).startsWith("deepjavalibrary/"));
    });
  }
}
