package io.cybershield.shield.operator;

import com.sun.net.httpserver.HttpServer;
import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.reconciler.WakeReconciler;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A parked private-cloud pool (floor 0, no KEDA) wakes when its gateway reports work beyond the on-premises capacity
 * and parks again when the hold after the last such sign lapses. The sandbox runs no gateway process, so the test
 * answers {@code GET /q/load} itself: a small HTTP server on each gateway pod's own IP and port 8080, where the
 * operator's wake controller reads it. The hold is 3 s, so the lapse is seen within the test's patience.
 */
class ParkedPoolWakeIT extends OperatorTestSupport {

  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final WakeReconciler.Settings FAST_WAKE = new WakeReconciler.Settings(Duration.ofMillis(300),
      Duration.ofSeconds(3), Duration.ofMillis(500));

  private final List<HttpServer> gateways = new ArrayList<>();
  private volatile String load;

  @Override
  protected String namespacePrefix() {
    return "wake-";
  }

  @Override
  protected OperatorOnSandbox startSandbox() throws IOException {
    return OperatorOnSandbox.withWake(FAST_WAKE);
  }

  @AfterEach
  void stopGateways() {
    gateways.forEach(server -> server.stop(0));
    gateways.clear();
  }

  private String model(String name) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: %s, namespace: %s}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          variants:
            - {name: cpu, priorities: [critical, high, normal, low]}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 4,
                           tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}
          dataClassification: internal
          autoscaling:
            target: {metric: inflight-requests, averageValue: 8}
        """.formatted(name, ns);
  }

  /** One gateway replica's {@code /q/load}: the on-premises pool of {@code cpu} with capacity 8. */
  private static String loadDocument(int onPremInflight) {
    return """
        {"schemaVersion": 1, "model": "woken", "variants": [
          {"name": "cpu", "unserved": 0, "pools": [
            {"pool": "onprem", "inflight": %d, "capacity": 8, "queued": %d, "readyPods": 1},
            {"pool": "private-cloud", "inflight": 0, "capacity": 0, "queued": 0, "readyPods": 0}]}]}
        """.formatted(onPremInflight, Math.max(0, onPremInflight - 8));
  }

  @Test
  void queuedWorkOnPremisesWakesTheParkedPoolUntilTheHoldLapses() throws IOException {
    load = loadDocument(0);
    sandbox.kubectl.apply(model("woken"));
    List<Pod> gatewayPods = await().atMost(WITHIN).until(() -> sandbox.client.pods().inNamespace(ns)
        .withLabels(ShieldNames.gatewaySelector("woken")).list().getItems().stream()
        .filter(pod -> pod.getStatus() != null && pod.getStatus().getPodIP() != null
            && !pod.getStatus().getPodIP().isEmpty()).toList(), pods -> pods.size() == 2);
    // the first replica answers with {@link #load}, the other one carries no request
    gateways.add(serveLoad(gatewayPods.get(0).getStatus().getPodIP(), true));
    gateways.add(serveLoad(gatewayPods.get(1).getStatus().getPodIP(), false));
    await().atMost(WITHIN).untilAsserted(() -> {
      assertThat(waking("woken")).hasValueSatisfying(c -> {
        assertThat(c.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(c.reason()).isEqualTo("NoExcessWork");
      });
      assertThat(hpa("woken")).isNull();
      assertThat(cloud("woken").getSpec().getReplicas()).isZero();
    });

    // 10 in flight against a capacity of 8 on one replica, nothing on the other: 2 queued over the gateway
    load = loadDocument(10);
    await().atMost(WITHIN).untilAsserted(() -> {
      HorizontalPodAutoscaler hpa = hpa("woken");
      assertThat(hpa).isNotNull();
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(1);
      assertThat(cloud("woken").getStatus().getReadyReplicas()).isEqualTo(1);
      assertThat(waking("woken")).hasValueSatisfying(c -> {
        assertThat(c.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(c.reason()).isEqualTo("QueuedWork");
        assertThat(c.message()).isEqualTo("variant cpu: 2 requests beyond the on-premises capacity of 8 "
            + "(10 in flight over 2 gateway replicas)");
      });
      assertThat(events("PoolWoken")).hasSize(1);
    });

    // the work is gone: after the 3 s hold the HPA goes and the pool parks at 0
    load = loadDocument(0);
    await().atMost(WITHIN).untilAsserted(() -> {
      assertThat(hpa("woken")).isNull();
      Deployment cloud = cloud("woken");
      assertThat(cloud.getSpec().getReplicas()).isZero();
      assertThat(cloud.getStatus().getReplicas() == null ? 0 : cloud.getStatus().getReplicas()).isZero();
      assertThat(waking("woken")).hasValueSatisfying(c -> {
        assertThat(c.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(c.reason()).isEqualTo("NoExcessWork");
      });
      assertThat(events("PoolParked")).hasSize(1);
    });
  }

  /**
   * A gateway stand-in on the pod's IP and the gateway's port, answering {@code /q/load} with {@link #load}, or with
   * no request in flight when not {@code loaded}.
   */
  private HttpServer serveLoad(String podIp, boolean loaded) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(podIp), 8080), 0);
    server.createContext("/q/load", exchange -> {
      byte[] body = (loaded ? load : loadDocument(0)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private Optional<Condition> waking(String model) {
    ShieldModel m = sandbox.client.resources(ShieldModel.class).inNamespace(ns).withName(model).get();
    return m.getStatus() == null ? Optional.empty() : m.getStatus().condition("Waking");
  }

  private HorizontalPodAutoscaler hpa(String model) {
    return sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
        .withName(ShieldNames.horizontalPodAutoscaler(model, "cpu")).get();
  }

  private Deployment cloud(String model) {
    return sandbox.client.apps().deployments().inNamespace(ns).withName(model + "-cpu-cloud").get();
  }

  private List<Event> events(String reason) {
    return sandbox.client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason())).toList();
  }
}
