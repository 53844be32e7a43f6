package io.cybershield.shield.gateway.tls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the gateway serves HTTPS, from its own three settings (what the operator sets, from the mounted Secret of
 * {@code spec.tls}):
 * <ul>
 * <li>{@value #CERT_FILE} (environment {@code SHIELD_TLS_CERT_FILE}): the PEM certificate chain;</li>
 * <li>{@value #KEY_FILE} ({@code SHIELD_TLS_KEY_FILE}): its PEM private key (PKCS#8 or PKCS#1);</li>
 * <li>{@value #RELOAD_PERIOD} ({@code SHIELD_TLS_RELOAD_PERIOD}, default {@value #DEFAULT_RELOAD_PERIOD}): how
 * often both files are looked at, so a rotated Secret is served without a restart
 * ({@link CertificateFilesWatcher}).</li>
 * </ul>
 * With a certificate, the Quarkus settings of {@link #quarkusSettings} apply: the TLS configuration
 * {@value #CONFIGURATION} of Quarkus' TLS registry (TLS 1.3 and 1.2 only), the HTTP server serving it on
 * {@code quarkus.http.port}, and no plaintext listener at all; {@link PreferredCipherSuites} keeps the suites in the
 * order of {@link #CIPHER_SUITES}. Without one, nothing changes: plain HTTP on {@code quarkus.http.port}.
 */
public final class GatewayTls {

  public static final String CERT_FILE = "shield.tls.cert-file";
  public static final String KEY_FILE = "shield.tls.key-file";
  public static final String RELOAD_PERIOD = "shield.tls.reload-period";
  /**
   * The CA of the model servers' certificates ({@code SHIELD_TLS_UPSTREAM_CA_FILE}, PEM): with it, the DJL client
   * speaks HTTPS to the pods when the routing document says they serve it, verifying each as its variant Service's
   * {@code <service>.<namespace>.svc}.
   */
  public static final String UPSTREAM_CA_FILE = "shield.tls.upstream-ca-file";
  public static final String DEFAULT_RELOAD_PERIOD = "10s";
  /** Whether a certificate is configured. */
  public static boolean enabled(String certFile) {
    return certFile != null && !certFile.isBlank();
  }

  /** The TLS registry's name of the gateway's server configuration. */
  public static final String CONFIGURATION = "shield-gateway";

  /** The protocols served, newest first: nothing older than TLS 1.2. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
  /**
   * The suites served, in the server's order of preference: AES-256-GCM first (TLS 1.3, then the TLS 1.2 ECDHE ones
   * for ECDSA and RSA keys), then ChaCha20-Poly1305 and AES-128-GCM for clients without it. Only forward-secret
   * AEAD suites; no CBC, no static RSA key exchange.
   */
  public static final List<String> CIPHER_SUITES = List.of(
      "TLS_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

  private GatewayTls() {
  }

  /**
   * The Quarkus settings for a certificate and key, or none when neither is given.
   *
   * @throws IllegalArgumentException when only one of the two files is given
   */
  public static Map<String, String> quarkusSettings(String certFile, String keyFile) {
    boolean cert = certFile != null && !certFile.isBlank();
    boolean key = keyFile != null && !keyFile.isBlank();
    if (!cert && !key) {
      return Map.of();
    }
    if (!cert || !key) {
      throw new IllegalArgumentException("TLS needs both " + CERT_FILE + " and " + KEY_FILE + " (SHIELD_TLS_CERT_FILE "
          + "and SHIELD_TLS_KEY_FILE); only " + (cert ? CERT_FILE : KEY_FILE) + " is set");
    }
    String prefix = "quarkus.tls." + CONFIGURATION + ".";
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(prefix + "key-store.pem.gateway.cert", certFile.strip());
    settings.put(prefix + "key-store.pem.gateway.key", keyFile.strip());
    settings.put(prefix + "protocols", String.join(",", PROTOCOLS));
    settings.put(prefix + "cipher-suites", String.join(",", CIPHER_SUITES));
    settings.put("quarkus.http.tls-configuration-name", CONFIGURATION);
    // one port, whatever the scheme: the Deployment's port, probes and Service stay where they are
    settings.put("quarkus.http.ssl-port", "${quarkus.http.port}");
    settings.put("quarkus.http.test-ssl-port", "${quarkus.http.test-port}");
    settings.put("quarkus.http.insecure-requests", "disabled");
    return settings;
  }
}
