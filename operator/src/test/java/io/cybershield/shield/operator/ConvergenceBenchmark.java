package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelAutoscalers;
import io.cybershield.shield.operator.model.ModelDisruptionBudgets;
import io.cybershield.shield.operator.model.ModelNetworkPolicies;
import io.cybershield.shield.operator.model.ModelServerDeployments;
import io.cybershield.shield.operator.model.ModelServiceAccounts;
import io.cybershield.shield.operator.model.ModelServices;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import static org.awaitility.Awaitility.await;

/**
 * Convergence of N ShieldModels, measured: N CPU-only ShieldModels applied at once to the sandbox with the packaged
 * operator running as its own process (as {@code bin/shield-sandbox} runs it, {@value PackagedOperator#JVM_OPTIONS});
 * reports the wall time until every model is Ready, the reconciles per model of each controller, the operator's CPU
 * time and resident memory, next to a plain client writing the same objects (each model and what the builders make
 * of it) to the same server. A benchmark, not a test: it prints figures and asserts nothing about speed. Run it with
 * {@code mvn -pl operator -am verify -Pbenchmark -DskipTests -Dbenchmark.main=ConvergenceBenchmark
 * [-Dbenchmark.models=300]}; {@code -Dshield.operator.jar=PATH} measures another build of the operator.
 */
public final class ConvergenceBenchmark {

  private static final int WRITERS = 8;
  /** Pods the benchmark places on each added CPU node, under the 110 a node takes. */
  private static final int PODS_PER_NODE = 100;

  private ConvergenceBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    try (SandboxCluster cluster = SandboxCluster.start(0, inventoryFor(models), SimulatorConfig.fast())) {
      cluster.installCrds(OperatorOnSandbox.ROOT.resolve("helm/shield-operator/crds"));
      KubernetesClient client = cluster.client();

      // the same objects, written by a plain client: what the API server alone needs
      namespace(client, "plain");
      long plainStart = System.nanoTime();
      int[] objects = new int[1];
      inParallel(models, i -> {
        ShieldModel model = client.resource(model(i, "plain")).create();
        List<HasMetadata> made = made(model);
        made.forEach(object -> client.resource(object).create());
        synchronized (objects) {
          objects[0] += 1 + made.size();
        }
      });
      double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
      client.namespaces().withName("plain").delete();
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
          .until(() -> client.namespaces().withName("plain").get() == null);

      try (PackagedOperator operator = PackagedOperator.start(cluster.writeKubeconfig(
          Files.createTempDirectory("converge").resolve("kubeconfig")))) {
        namespace(client, "converge");
        double cpuBefore = operator.cpuSeconds();
        double modelReconcilesBefore = reconciles(operator, "shieldmodel");
        double floorReconcilesBefore = reconciles(operator, "shieldmodel-floors");
        long start = System.nanoTime();
        inParallel(models, i -> client.resource(model(i, "converge")).create());
        double applied = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
            .until(() -> ready(client, "converge") == models);
        double converged = (System.nanoTime() - start) / 1e9;
        double cpu = operator.cpuSeconds() - cpuBefore;
        long[] rss = operator.residentMiB();
        double modelReconciles = reconciles(operator, "shieldmodel") - modelReconcilesBefore;
        double floorReconciles = reconciles(operator, "shieldmodel-floors") - floorReconcilesBefore;

        System.out.printf("%nConvergence benchmark: %d CPU-only ShieldModels applied at once (operator %s, %s)%n",
            models, PackagedOperator.JAR, PackagedOperator.JVM_OPTIONS);
        System.out.printf("  plain client, same objects:     %8.1f s   (%d objects, %d writers)%n", plainSeconds,
            objects[0], WRITERS);
        System.out.printf("  models applied:                 %8.1f s%n", applied);
        System.out.printf("  all models Ready after:         %8.1f s%n", converged);
        System.out.printf("  reconciles per model:           %8.2f shieldmodel, %.2f shieldmodel-floors%n",
            modelReconciles / models, floorReconciles / models);
        System.out.printf("  operator CPU until Ready:       %8.1f s%n", cpu);
        System.out.printf("  operator resident memory:       %8d MiB now, %d MiB peak%n", rss[0], rss[1]);
      }
    }
    // the client libraries leave non-daemon threads behind; the figures are printed
    System.exit(0);
  }

  /**
   * The sandbox's default nodes plus copies of its CPU node {@code system-1} (110 pods each) in the on-premises pool,
   * enough for one pod per model: the benchmark measures the operator, not a cluster too small for the models.
   */
  private static NodeInventory inventoryFor(int models) {
    List<Node> nodes = new ArrayList<>(NodeInventory.defaultInventory().nodes());
    Node template = nodes.stream().filter(n -> n.getMetadata().getName().equals("system-1")).findFirst()
        .orElseThrow();
    for (int i = 0; i < (models + PODS_PER_NODE - 1) / PODS_PER_NODE; i++) {
      String name = "bench-cpu-%02d".formatted(i);
      nodes.add(new NodeBuilder(template).editMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
          .addToLabels(ShieldNames.POOL_LABEL, "onprem").endMetadata().build());
    }
    return NodeInventory.fromYaml(Serialization.asYaml(new NodeListBuilder().withItems(nodes).build()));
  }

  /** What the operator makes of a model: the builders' objects at the model's own floors. */
  private static List<HasMetadata> made(ShieldModel model) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(ModelServiceAccounts.desired(model));
    objects.addAll(ModelServerDeployments.desired(model));
    objects.addAll(ModelServices.desired(model));
    objects.addAll(ModelDisruptionBudgets.desired(model));
    objects.add(ModelNetworkPolicies.desired(model));
    objects.addAll(ModelAutoscalers.desired(model));
    objects.forEach(o -> o.getMetadata().setNamespace(model.getMetadata().getNamespace()));
    return objects;
  }

  private static ShieldModel model(int i, String namespace) {
    return Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: model-%04d, namespace: %s}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          runtime: {image: "deepjavalibrary/djl-serving:0.36.0-cpu"}
          variants:
            - name: cpu
              priorities: [critical, high, normal, low]
              resources: {requests: {cpu: 100m, memory: 256Mi}, limits: {memory: 256Mi}}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 0}
          dataClassification: internal
        """.formatted(i, namespace), ShieldModel.class);
  }

  private static void namespace(KubernetesClient client, String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private static void inParallel(int count, IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        done.add(pool.submit(() -> task.accept(n)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static long ready(KubernetesClient client, String namespace) {
    return client.resources(ShieldModel.class).inNamespace(namespace).list().getItems().stream()
        .filter(m -> m.getStatus() != null && m.getStatus().conditions() != null && m.getStatus().conditions()
            .stream().anyMatch(c -> "Ready".equals(c.type()) && c.status() == ConditionStatus.TRUE)).count();
  }

  private static double reconciles(PackagedOperator operator, String controller) {
    return operator.sum("reconciliations_started_total", "controller_name=\"" + controller + "\"");
  }
}
