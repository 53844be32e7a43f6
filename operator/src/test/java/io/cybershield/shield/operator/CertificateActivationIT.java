package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.operator.reconciler.dependent.Certificate;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
 * Where cert-manager is installed, a ShieldModel whose {@code spec.tls} names an issuer gets cert-manager Certificates
 * for its gateway and, with {@code spec.tls.upstream}, for its model servers; its gateway serves HTTPS from the
 * Secret cert-manager writes. Elsewhere the dependent stays inactive ({@link ShieldModelOperatorIT}'s cluster lacks
 * the CRD).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateActivationIT {

  private OperatorOnSandbox sandbox;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    sandbox = new OperatorOnSandbox(List.of(Path.of("src/test/resources/cert-manager").toAbsolutePath()));
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void anIssuerGetsTheGatewayAndTheModelServersCertificatesUntilItIsRemoved() {
    sandbox.kubectl.apply("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: certified}
        ---
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: sealed, namespace: certified}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          variants:
            - {name: cpu, priorities: [critical, high, normal, low]}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 0}
          dataClassification: internal
          tls:
            issuerRef: {name: internal-ca, kind: ClusterIssuer}
            upstream: {}
        """);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Certificate gateway = certificate("sealed-gateway-tls");
      assertThat(gateway).isNotNull();
      assertThat(gateway.getMetadata().getOwnerReferences()).anySatisfy(o -> assertThat(o.getKind())
          .isEqualTo("ShieldModel"));
      assertThat(spec(gateway)).containsEntry("secretName", "sealed-gateway-tls")
          .containsEntry("dnsNames", List.of("sealed-gateway.certified.svc", "sealed-gateway",
              "sealed-gateway.certified", "sealed-gateway.certified.svc.cluster.local"));
      Certificate servers = certificate("sealed-model-server-tls");
      assertThat(servers).isNotNull();
      assertThat(spec(servers)).containsEntry("secretName", "sealed-model-server-tls");
      assertThat(spec(servers).get("dnsNames").toString()).contains("sealed-cpu.certified.svc");

      Deployment deployment = sandbox.client.apps().deployments().inNamespace("certified")
          .withName(ShieldNames.gateway("sealed")).get();
      assertThat(deployment).isNotNull();
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertThat(container.getPorts()).extracting(p -> p.getName()).containsExactly("https");
      assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
      assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
          .filteredOn(v -> v.getSecret() != null).extracting(v -> v.getSecret().getSecretName())
          .containsExactlyInAnyOrder("sealed-gateway-tls", "sealed-model-server-tls");
    });

    sandbox.kubectl.apply("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: sealed, namespace: certified}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          variants:
            - {name: cpu, priorities: [critical, high, normal, low]}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 0}
          dataClassification: internal
          tls: {secretName: sealed-own-cert}
        """);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(certificate("sealed-gateway-tls")).isNull();
      assertThat(certificate("sealed-model-server-tls")).isNull();
    });
  }

  private Certificate certificate(String name) {
    return sandbox.client.resources(Certificate.class).inNamespace("certified").withName(name).get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Certificate certificate) {
    return (Map<String, Object>) certificate.getAdditionalProperties().get("spec");
  }
}
