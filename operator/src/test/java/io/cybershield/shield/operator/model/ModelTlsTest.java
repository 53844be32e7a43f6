package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.IssuerKind;
import io.cybershield.shield.api.v1alpha1.model.spec.IssuerReference;
import io.cybershield.shield.api.v1alpha1.model.spec.TlsSpec;
import io.cybershield.shield.api.v1alpha1.model.spec.UpstreamTls;
import io.cybershield.shield.operator.ModelEdits;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTlsTest {

  private static ShieldModel withTls(TlsSpec tls) {
    return ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.withTls(tls));
  }

  @Test
  void aSecretNeedsNoCertificate() {
    ShieldModel model = ModelFixtures.threatIntel();
    assertThat(ModelTls.gatewaySecret(model)).contains("threat-intel-tls");
    assertThat(ModelTls.upstreamSecret(model)).isEmpty();
    assertThat(ModelTls.certificates(model)).isEmpty();
    assertThat(ModelTls.certificates(withTls(null))).isEmpty();
    assertThat(ModelTls.gatewaySecret(withTls(null))).isEmpty();
  }

  @Test
  void anIssuerGetsTheGatewayACertificateForItsServiceNames() {
    ShieldModel model = withTls(new TlsSpec(null, new IssuerReference("internal-ca", IssuerKind.CLUSTER_ISSUER,
        null)));
    List<GenericKubernetesResource> certificates = ModelTls.certificates(model);

    assertThat(certificates).singleElement().satisfies(certificate -> {
      assertThat(certificate.getApiVersion()).isEqualTo("cert-manager.io/v1");
      assertThat(certificate.getKind()).isEqualTo("Certificate");
      assertThat(certificate.getMetadata().getName()).isEqualTo("threat-intel-gateway-tls");
      assertThat(certificate.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by",
          "shield-operator").containsEntry("shield.cybershield.io/component", "gateway");
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) certificate.getAdditionalProperties().get("spec");
      assertThat(spec).containsEntry("secretName", "threat-intel-gateway-tls");
      assertThat(spec).containsEntry("dnsNames", List.of("threat-intel-gateway.default.svc", "threat-intel-gateway",
          "threat-intel-gateway.default", "threat-intel-gateway.default.svc.cluster.local"));
      assertThat(spec).containsEntry("issuerRef", Map.of("name", "internal-ca", "kind", "ClusterIssuer",
          "group", "cert-manager.io"));
      assertThat(spec).containsEntry("usages", List.of("server auth", "digital signature"));
      assertThat(spec).containsEntry("privateKey", Map.of("algorithm", "ECDSA", "size", 256,
          "rotationPolicy", "Always"));
    });
    assertThat(ModelTls.gatewaySecret(model)).contains("threat-intel-gateway-tls");
  }

  @Test
  void anIssuerWithUpstreamTlsCertifiesEveryVariantsServiceToo() {
    ShieldModel model = withTls(new TlsSpec("gateway-cert", new IssuerReference("team-ca", null, null),
        new UpstreamTls(null)));
    List<GenericKubernetesResource> certificates = ModelTls.certificates(model);

    assertThat(certificates).extracting(c -> c.getMetadata().getName())
        .containsExactly("threat-intel-gateway-tls", "threat-intel-model-server-tls");
    @SuppressWarnings("unchecked")
    Map<String, Object> gateway = (Map<String, Object>) certificates.get(0).getAdditionalProperties().get("spec");
    assertThat(gateway).containsEntry("secretName", "gateway-cert");
    assertThat(gateway).containsEntry("issuerRef", Map.of("name", "team-ca", "kind", "Issuer",
        "group", "cert-manager.io"));
    @SuppressWarnings("unchecked")
    Map<String, Object> servers = (Map<String, Object>) certificates.get(1).getAdditionalProperties().get("spec");
    assertThat(servers).containsEntry("secretName", "threat-intel-model-server-tls");
    assertThat(servers).containsEntry("dnsNames", List.of(
        "threat-intel-full.default.svc", "threat-intel-full", "threat-intel-full.default",
        "threat-intel-full.default.svc.cluster.local",
        "threat-intel-lite.default.svc", "threat-intel-lite", "threat-intel-lite.default",
        "threat-intel-lite.default.svc.cluster.local"));
    assertThat(certificates.get(1).getMetadata().getLabels())
        .containsEntry("shield.cybershield.io/component", "model-server");
    assertThat(ModelTls.upstreamSecret(model)).contains("threat-intel-model-server-tls");
    assertThat(ModelTls.upstreamServerName(model, ModelFixtures.variant(model, "lite")))
        .isEqualTo("threat-intel-lite.default.svc");
  }

  @Test
  void theServiceMonitorScrapesAnHttpsGatewayVerifyingItsServiceName() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) ((Map<String, Object>) ModelServiceMonitors
        .desired(ModelFixtures.threatIntel()).getAdditionalProperties().get("spec")).get("endpoints");
    assertThat(endpoints.get(1)).containsEntry("port", "https").containsEntry("scheme", "https")
        .containsEntry("tlsConfig", Map.of("serverName", "threat-intel-gateway.default.svc",
            "ca", Map.of("secret", Map.of("name", "threat-intel-tls", "key", "ca.crt"))));
    assertThat(endpoints.get(0)).containsEntry("scheme", "http").doesNotContainKey("tlsConfig");
  }
}
