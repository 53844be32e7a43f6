package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.operator.model.ModelScaledObjects;
import io.cybershield.shield.operator.reconciler.dependent.ScaledObject;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
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
 * Where KEDA is installed, a ShieldModel's private-cloud Deployments are scaled by KEDA ScaledObjects, not by
 * HorizontalPodAutoscalers: parked pools too (KEDA scales from zero), and an incident's surge floor goes into their
 * {@code minReplicaCount}. Elsewhere the HPAs stay (see {@link ShieldModelOperatorIT} and {@link IncidentSurgeIT},
 * whose clusters lack the CRD).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KedaActivationIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String NS = "scaled";

  private OperatorOnSandbox sandbox;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    sandbox = new OperatorOnSandbox(List.of(Path.of("src/test/resources/keda").toAbsolutePath()));
    sandbox.kubectl.apply("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: scaled}
        """);
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static String model(String name, int cloudFloor) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: %s, namespace: scaled, labels: {team: %1$s}}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          variants:
            - {name: cpu, priorities: [critical, high, normal, low]}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: %d, maxReplicas: 4}
          dataClassification: internal
          autoscaling:
            target: {metric: inflight-requests, averageValue: 6}
            incidentSurge: {floors: {critical: 3}, cooldown: 1s}
        """.formatted(name, cloudFloor);
  }

  @Test
  void aPoolWithAFloorGetsAScaledObjectAndNoHpa() {
    sandbox.kubectl.apply(model("steady", 1));
    String name = ShieldNames.scaledObject("steady", "cpu");

    await().atMost(PATIENCE).untilAsserted(() -> {
      ScaledObject scaled = scaledObject(name);
      assertThat(scaled).isNotNull();
      assertThat(scaled.getMetadata().getOwnerReferences()).anySatisfy(o -> assertThat(o.getKind())
          .isEqualTo("ShieldModel"));
      assertThat(ModelScaledObjects.floor(scaled)).isEqualTo(1);
      Map<String, Object> spec = spec(scaled);
      assertThat(spec).containsEntry("maxReplicaCount", 4);
      assertThat(spec.get("scaleTargetRef")).isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
          "name", "steady-cpu-cloud"));
      assertThat(spec.get("triggers").toString())
          .contains("sum(shield_gateway_inflight_requests{namespace=\"scaled\",model=\"steady\",variant=\"cpu\","
              + "pool=\"private-cloud\"})", "threshold=6",
              "serverAddress=" + ModelScaledObjects.Settings.DEFAULT_PROMETHEUS_URL);
    });
    assertThat(hpa(name)).isNull();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(sandbox.client.apps().deployments().inNamespace(NS)
        .withName("steady-cpu-cloud").get()).isNotNull());
    assertThat(hpa(name)).isNull();
  }

  @Test
  void aParkedPoolHasAScaledObjectAtZeroAndAnIncidentRaisesItsFloor() {
    sandbox.kubectl.apply(model("parked", 0));
    String name = ShieldNames.scaledObject("parked", "cpu");
    await().atMost(PATIENCE).untilAsserted(() -> {
      ScaledObject scaled = scaledObject(name);
      assertThat(scaled).isNotNull();
      assertThat(ModelScaledObjects.floor(scaled)).isZero();
    });

    sandbox.kubectl.apply("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldIncident
        metadata: {name: inc-keda, namespace: scaled}
        spec:
          severity: critical
          source: {system: splunk, alertId: "inc-keda"}
          summary: Ransomware behaviour on finance file servers
          modelSelector: {matchLabels: {team: parked}}
          expiresAfter: 12h
          resolved: false
        """);
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(ModelScaledObjects.floor(scaledObject(name))).isEqualTo(3));
    assertThat(hpa(name)).isNull();

    sandbox.kubectl.ok("delete", "-n", NS, "shieldincident", "inc-keda");
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(ModelScaledObjects.floor(scaledObject(name))).isZero());
    assertThat(hpa(name)).isNull();
  }

  private ScaledObject scaledObject(String name) {
    return sandbox.client.resources(ScaledObject.class).inNamespace(NS).withName(name).get();
  }

  private HorizontalPodAutoscaler hpa(String name) {
    return sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName(name).get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(ScaledObject scaledObject) {
    return (Map<String, Object>) scaledObject.getAdditionalProperties().get("spec");
  }
}
