package io.cybershield.shield.operator;

import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.sandbox.server.RequestCounts;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Incident-to-floor latency, measured: creates N ShieldModels on the sandbox with the operator running, raises one
 * critical ShieldIncident selecting all of them, and reports p50/p99 of "incident created → the model's cloud HPA
 * shows the surge floor" as a watching client sees it, next to the same API server's own write latency (plain
 * ConfigMap creates) measured in the same run. A benchmark, not a test: it prints figures and asserts nothing about
 * speed. Run it with {@code mvn -pl operator -am verify -Pbenchmark} (or its main method).
 */
public final class IncidentSurgeBenchmark {

  /** The private-cloud floor of every model while a critical incident is active. */
  private static final int SURGE_FLOOR = 4;
  private static final int GPUS_PER_NODE = 8;

  private IncidentSurgeBenchmark() {
  }

  /**
   * The sandbox's default nodes plus enough private-cloud A100 nodes (copies of its {@code cloud-a100-1}) that every
   * model can run its surge floor: the benchmark measures the operator, not a pool too small to hold the surge.
   */
  private static NodeInventory privateCloudFor(int gpus) {
    List<Node> nodes = new ArrayList<>(NodeInventory.defaultInventory().nodes());
    Node template = nodes.stream().filter(n -> n.getMetadata().getName().equals("cloud-a100-1")).findFirst()
        .orElseThrow();
    for (int i = 0; i < (gpus + GPUS_PER_NODE - 1) / GPUS_PER_NODE; i++) {
      String name = "bench-a100-%02d".formatted(i);
      Node node = new NodeBuilder(template).editMetadata().withName(name)
          .addToLabels("kubernetes.io/hostname", name).endMetadata().editStatus()
          .addToCapacity("nvidia.com/gpu", new Quantity(Integer.toString(GPUS_PER_NODE)))
          .addToAllocatable("nvidia.com/gpu", new Quantity(Integer.toString(GPUS_PER_NODE))).endStatus().build();
      nodes.add(node);
    }
    return NodeInventory.fromYaml(Serialization.asYaml(new NodeListBuilder().withItems(nodes).build()));
  }

  public static void main(String[] args) throws Exception {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    try (OperatorOnSandbox sandbox = new OperatorOnSandbox(privateCloudFor(models * SURGE_FLOOR), List.of())) {
      String ns = "bench";
      long setup = System.nanoTime();
      sandbox.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
          .build()).create();

      // the API server's own write latency, in the same run
      List<Long> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long start = System.nanoTime();
        sandbox.client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
            .withName("probe-" + i).endMetadata().addToData("i", Integer.toString(i)).build()).create();
        writes.add(System.nanoTime() - start);
      }

      for (int i = 0; i < models; i++) {
        sandbox.client.resource(Serialization.unmarshal("""
            apiVersion: shield.cybershield.io/v1alpha1
            kind: ShieldModel
            metadata: {name: model-%03d, namespace: %s, labels: {team: soc}}
            spec:
              model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
              variants:
                - name: main
                  priorities: [critical, high, normal, low]
                  gpu: {count: 1, resource: nvidia.com/gpu, product: NVIDIA-A100-SXM4-80GB}
              placement:
                onPrem: {replicas: 0}
                privateCloud:
                  minReplicas: 1
                  maxReplicas: 8
                  nodeSelector: {shield.cybershield.io/pool: private-cloud}
                  tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
              dataClassification: internal
              autoscaling:
                incidentSurge: {floors: {critical: %d, high: 2}, cooldown: 15m}
            """.formatted(i, ns, SURGE_FLOOR), ShieldModel.class)).create();
      }
      Map<String, Long> floorSeenAt = new ConcurrentHashMap<>();
      CountDownLatch settled = new CountDownLatch(models);
      CountDownLatch surged = new CountDownLatch(models);
      Map<String, Boolean> ready = new ConcurrentHashMap<>();
      SharedIndexInformer<HorizontalPodAutoscaler> hpas = sandbox.client.autoscaling().v2()
          .horizontalPodAutoscalers().inNamespace(ns).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(HorizontalPodAutoscaler hpa) {
              seen(hpa);
            }

            @Override
            public void onUpdate(HorizontalPodAutoscaler old, HorizontalPodAutoscaler hpa) {
              seen(hpa);
            }

            @Override
            public void onDelete(HorizontalPodAutoscaler hpa, boolean unknown) {
            }

            private void seen(HorizontalPodAutoscaler hpa) {
              String name = hpa.getMetadata().getName();
              if (hpa.getSpec().getMinReplicas() == 1 && ready.putIfAbsent(name, true) == null) {
                settled.countDown();
              } else if (hpa.getSpec().getMinReplicas() == SURGE_FLOOR && floorSeenAt.putIfAbsent(name, System.nanoTime())
                  == null) {
                surged.countDown();
              }
            }
          });
      if (!settled.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the models' HPAs did not all appear: " + settled.getCount() + " missing");
      }
      // a quiet cluster: every model Ready, and the operator idle, so the surge is all that is measured
      try {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
            .until(() -> readyModels(sandbox, ns) == models);
      } catch (ConditionTimeoutException e) {
        throw new IllegalStateException("only " + readyModels(sandbox, ns) + " of " + models
            + " models became Ready; " + notReadyExample(sandbox, ns), e);
      }
      AtomicReference<Map<String, Double>> lastSeen = new AtomicReference<>(Map.of());
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
          .until(() -> lastSeen.getAndSet(reconciles(sandbox.metrics)).equals(lastSeen.get()));
      System.out.printf("%d models Ready and the operator idle after %.1f s%n", models,
          (System.nanoTime() - setup) / 1e9);
      Map<String, Long> requestsBefore = sandbox.cluster.requests().snapshot();
      Map<String, Double> reconcilesBefore = reconciles(sandbox.metrics);
      Map<Long, Map.Entry<String, Long>> cpuBefore = cpuByThread();
      long created = System.nanoTime();
      sandbox.client.resource(Serialization.unmarshal("""
          apiVersion: shield.cybershield.io/v1alpha1
          kind: ShieldIncident
          metadata: {name: inc-bench, namespace: %s}
          spec:
            severity: critical
            source: {system: benchmark, alertId: "1"}
            summary: benchmark incident
            modelSelector: {matchLabels: {team: soc}}
          """.formatted(ns), ShieldIncident.class)).create();
      long createdReturned = System.nanoTime();
      boolean all = surged.await(2, TimeUnit.MINUTES);
      Map<String, Long> requests = RequestCounts.since(requestsBefore, sandbox.cluster.requests().snapshot());
      Map<String, Double> reconcilesAfter = reconciles(sandbox.metrics);
      Map<String, Long> cpu = cpuSince(cpuBefore, cpuByThread());
      hpas.close();
      List<Long> latencies = new ArrayList<>();
      floorSeenAt.values().forEach(t -> latencies.add(t - created));
      System.out.printf("%nIncident surge benchmark: %d ShieldModels, one critical incident selecting all%n", models);
      System.out.printf("  incident create call:           %8.1f ms%n", (createdReturned - created) / 1e6);
      System.out.printf("  incident created -> floor seen: p50 %8.1f ms   p99 %8.1f ms   max %8.1f ms   (%d/%d)%n",
          percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100), latencies.size(),
          models);
      System.out.printf("  floors seen by decile (ms):     %s%n", java.util.stream.IntStream.rangeClosed(0, 10)
          .mapToObj(d -> "%.0f".formatted(percentile(latencies, Math.max(1, d * 10)))).toList());
      System.out.printf("  API server write (ConfigMap):   p50 %8.1f ms   p99 %8.1f ms   (%d writes)%n",
          percentile(writes, 50), percentile(writes, 99), writes.size());
      System.out.println("  CPU time until the last floor was seen, by thread group:");
      cpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
          .forEach(e -> System.out.printf("    %-60s %6.0f ms%n", e.getKey(), e.getValue() / 1e6));
      System.out.println("  work until the last floor was seen:");
      reconcilesAfter.forEach((meter, count) -> System.out.printf("    %-60s %6.0f%n", meter,
          count - reconcilesBefore.getOrDefault(meter, 0.0)));
      requests.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> System.out.printf("    %-60s %6d%n", "request " + e.getKey(), e.getValue()));
      if (!all) {
        System.out.println("  WARNING: not every model's floor was written within 2 minutes");
      }
    }
    // the client libraries leave non-daemon threads behind; the figures are printed
    System.exit(0);
  }

  private static long readyModels(OperatorOnSandbox sandbox, String ns) {
    return sandbox.client.resources(ShieldModel.class).inNamespace(ns).list().getItems().stream()
        .filter(m -> m.getStatus() != null && m.getStatus().conditions() != null && m.getStatus().conditions()
            .stream().anyMatch(c -> "Ready".equals(c.type()) && c.status() == ConditionStatus.TRUE)).count();
  }

  private static String notReadyExample(OperatorOnSandbox sandbox, String ns) {
    return sandbox.client.resources(ShieldModel.class).inNamespace(ns).list().getItems().stream()
        .flatMap(m -> m.getStatus() == null || m.getStatus().conditions() == null ? Stream.empty()
            : m.getStatus().conditions().stream().filter(c -> "Ready".equals(c.type())
                && c.status() != ConditionStatus.TRUE).map(c -> m.getMetadata().getName() + ": " + c.reason()
                + " " + c.message())).findFirst().orElse("no status yet");
  }

  /** CPU time and name of every live thread so far, by thread id. */
  private static Map<Long, Map.Entry<String, Long>> cpuByThread() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<Long, Map.Entry<String, Long>> out = new TreeMap<>();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        out.put(info.getThreadId(), Map.entry(info.getThreadName(), threads.getThreadCpuTime(info.getThreadId())));
      }
    }
    return out;
  }

  /**
   * CPU time between two snapshots, summed by thread group: the name with its thread number dropped
   * (pool-3-thread-7: pool-3-thread-N). JOSDK renames a pool thread while it reconciles, so a thread is named as the
   * first snapshot saw it.
   */
  private static Map<String, Long> cpuSince(Map<Long, Map.Entry<String, Long>> before,
      Map<Long, Map.Entry<String, Long>> after) {
    Map<String, Long> out = new TreeMap<>();
    after.forEach((id, now) -> {
      Map.Entry<String, Long> then = before.get(id);
      String name = (then == null ? now.getKey() : then.getKey()).replaceAll("thread-\\d+$", "thread-N")
          .replaceAll("-\\d+$", "-N");
      long used = now.getValue() - (then == null ? 0 : then.getValue());
      if (used > 0) {
        out.merge(name, used, Long::sum);
      }
    });
    return out;
  }

  /** Reconciliations started and finished so far, per controller, from JOSDK's metrics. */
  private static Map<String, Double> reconciles(MeterRegistry registry) {
    Map<String, Double> out = new TreeMap<>();
    registry.getMeters().stream().filter(m -> m instanceof Counter && m.getId().getName().contains("reconciliations"))
        .forEach(m -> out.merge(m.getId().getName() + " " + m.getId().getTag("controller.name"),
            ((Counter) m).count(), Double::sum));
    return out;
  }

  private static double percentile(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }
}
