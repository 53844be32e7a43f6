package io.cybershield.shield.operator;

import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Incident-to-floor latency, measured: creates N ShieldModels on the sandbox with the operator running, raises one
 * critical ShieldIncident selecting all of them, and reports p50/p99 of "incident created → the model's cloud HPA
 * shows the surge floor" as a watching client sees it, next to the same API server's own write latency (plain
 * ConfigMap creates) measured in the same run. A benchmark, not a test: it prints figures and asserts nothing about
 * speed. Run it with {@code mvn -pl operator -am verify -Pbenchmark} (or its main method).
 */
public final class IncidentSurgeBenchmark {

  private IncidentSurgeBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    try (OperatorOnSandbox sandbox = new OperatorOnSandbox()) {
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
                - {name: cpu, priorities: [critical, high, normal, low]}
              placement:
                onPrem: {replicas: 0}
                privateCloud: {minReplicas: 1, maxReplicas: 8}
              dataClassification: internal
              autoscaling:
                incidentSurge: {floors: {critical: 4, high: 2}, cooldown: 15m}
            """.formatted(i, ns), ShieldModel.class)).create();
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
              } else if (hpa.getSpec().getMinReplicas() == 4 && floorSeenAt.putIfAbsent(name, System.nanoTime())
                  == null) {
                surged.countDown();
              }
            }
          });
      if (!settled.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the models' HPAs did not all appear: " + settled.getCount() + " missing");
      }
      System.out.printf("%d models reconciled (HPAs at their normal floor) after %.1f s%n", models,
          (System.nanoTime() - setup) / 1e9);
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
      hpas.close();
      List<Long> latencies = new ArrayList<>();
      floorSeenAt.values().forEach(t -> latencies.add(t - created));
      System.out.printf("%nIncident surge benchmark: %d ShieldModels, one critical incident selecting all%n", models);
      System.out.printf("  incident create call:           %8.1f ms%n", (createdReturned - created) / 1e6);
      System.out.printf("  incident created -> floor seen: p50 %8.1f ms   p99 %8.1f ms   max %8.1f ms   (%d/%d)%n",
          percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100), latencies.size(),
          models);
      System.out.printf("  API server write (ConfigMap):   p50 %8.1f ms   p99 %8.1f ms   (%d writes)%n",
          percentile(writes, 50), percentile(writes, 99), writes.size());
      if (!all) {
        System.out.println("  WARNING: not every model's floor was written within 2 minutes");
      }
    }
    // the client libraries leave non-daemon threads behind; the figures are printed
    System.exit(0);
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
