package io.cybershield.shield.gateway.tls;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class GatewayTlsTest {

  @Test
  void noCertificateChangesNothing() {
    assertThat(GatewayTls.quarkusSettings(null, null)).isEmpty();
    assertThat(GatewayTls.quarkusSettings("", " ")).isEmpty();
  }

  @Test
  void aCertificateMeansHttpsOnly() {
    assertThat(GatewayTls.quarkusSettings("/etc/shield/tls/tls.crt", "/etc/shield/tls/tls.key")).containsOnly(
        entry("quarkus.tls.shield-gateway.key-store.pem.gateway.cert", "/etc/shield/tls/tls.crt"),
        entry("quarkus.tls.shield-gateway.key-store.pem.gateway.key", "/etc/shield/tls/tls.key"),
        entry("quarkus.tls.shield-gateway.protocols", "TLSv1.3,TLSv1.2"),
        entry("quarkus.tls.shield-gateway.cipher-suites", "TLS_AES_256_GCM_SHA384,"
            + "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
            + "TLS_CHACHA20_POLY1305_SHA256,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,"
            + "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256,"
            + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        entry("quarkus.http.tls-configuration-name", "shield-gateway"),
        entry("quarkus.http.ssl-port", "${quarkus.http.port}"),
        entry("quarkus.http.test-ssl-port", "${quarkus.http.test-port}"),
        entry("quarkus.http.insecure-requests", "disabled"));
  }

  @Test
  void aCertificateWithoutItsKeyIsRefused() {
    assertThatThrownBy(() -> GatewayTls.quarkusSettings("/etc/shield/tls/tls.crt", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TLS needs both shield.tls.cert-file and shield.tls.key-file (SHIELD_TLS_CERT_FILE and "
            + "SHIELD_TLS_KEY_FILE); only shield.tls.cert-file is set");
  }

  @Test
  void suitesKeepShieldsOrder() {
    PreferredCipherSuites suites = new PreferredCipherSuites();
    assertThat(suites.ordered(Set.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
        "TLS_AES_256_GCM_SHA384"))).containsExactly("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
    assertThat(suites.ordered(Set.of())).containsExactlyElementsOf(GatewayTls.CIPHER_SUITES);
    assertThat(suites.copy().ordered(null)).containsExactlyElementsOf(GatewayTls.CIPHER_SUITES);
  }
}
