package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts fabric8's mock API server in CRUD mode and a fast simulator against it. */
abstract class SimulatorHarness {

  static final String NS = "soc";
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  KubernetesMockServer server;
  KubernetesClient client;
  ClusterSimulator simulator;

  @BeforeEach
  void startServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init();
    client = server.createClient();
  }

  @AfterEach
  void stopAll() {
    if (simulator != null) {
      simulator.close();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }

  ClusterSimulator startSimulator() {
    return startSimulator(NodeInventory.defaultInventory());
  }

  ClusterSimulator startSimulator(NodeInventory inventory) {
    return startSimulator(inventory, SimulatorConfig.fast());
  }

  ClusterSimulator startSimulator(NodeInventory inventory, SimulatorConfig config) {
    simulator = new ClusterSimulator(client, config, inventory).start();
    return simulator;
  }

  static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
        .pollDelay(Duration.ZERO).ignoreExceptionsInstanceOf(NullPointerException.class);
  }

  Deployment deployment(String name, int replicas, String image, Map<String, String> limits,
                        Map<String, String> nodeSelector) {
    Map<String, Quantity> l = new LinkedHashMap<>();
    limits.forEach((k, v) -> l.put(k, new Quantity(v)));
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate()
        .withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec()
        .withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
        .addToContainers(new ContainerBuilder().withName("main").withImage(image)
            .withNewResources().withLimits(l.isEmpty() ? null : l).endResources().build())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  Job job(String name, Map<String, String> env, int backoffLimit) {
    List<EnvVar> vars = new ArrayList<>();
    env.forEach((k, v) -> vars.add(new EnvVar(k, v, null)));
    return new JobBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec()
        .withBackoffLimit(backoffLimit)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addToContainers(new ContainerBuilder().withName("work").withImage("sandbox.local/job:latest")
            .withEnv(vars).build())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  List<Pod> podsWithLabel(String key, String value) {
    return client.pods().inNamespace(NS).withLabel(key, value).list().getItems();
  }

  List<Event> events(String involvedName) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  static PodCondition condition(Pod pod, String type) {
    return pod.getStatus() == null ? null : pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  static boolean deploymentCondition(Deployment d, String type, String status, String reason) {
    return d != null && d.getStatus() != null && d.getStatus().getConditions().stream()
        .anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()) && reason.equals(c.getReason()));
  }

  /**
   * Runs a read-modify-write that may lose a race with a controller writing the same object, and tries again on
   * 409 Conflict, as client-go's {@code RetryOnConflict} does.
   */
  protected static void retryOnConflict(Runnable write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 10) {
          throw e;
        }
      }
    }
  }
}
