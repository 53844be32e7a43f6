package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.operator.reconciler.dependent.ServiceMonitor;
import io.cybershield.shield.sandbox.testing.Kubectl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the Prometheus Operator is installed, a ShieldModel also gets a ServiceMonitor for its DJL Serving
 * metrics (elsewhere the dependent stays inactive: see {@link ShieldModelOperatorIT}, whose cluster lacks the CRD).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceMonitorActivationIT {

  private OperatorOnSandbox sandbox;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    sandbox = new OperatorOnSandbox(List.of(Path.of("src/test/resources/prometheus-operator").toAbsolutePath()));
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void aModelGetsAServiceMonitorWhereThePrometheusOperatorIsInstalled() {
    sandbox.kubectl.apply("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: monitored}
        ---
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: watched, namespace: monitored}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          variants:
            - {name: cpu, priorities: [critical, high, normal, low]}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 0}
          dataClassification: internal
        """);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      ServiceMonitor monitor = sandbox.client.resources(ServiceMonitor.class).inNamespace("monitored")
          .withName(ShieldNames.serviceMonitor("watched")).get();
      assertThat(monitor).isNotNull();
      assertThat(monitor.getMetadata().getOwnerReferences()).anySatisfy(o -> assertThat(o.getKind())
          .isEqualTo("ShieldModel"));
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
      assertThat(spec.toString()).contains("/server/metrics");
    });
  }
}
