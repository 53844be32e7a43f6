package io.cybershield.shield.gateway.tls;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway with a certificate (as the operator mounts a {@code kubernetes.io/tls} Secret): HTTPS only, TLS 1.3
 * and 1.2 only, AES-256-GCM first, and a replaced certificate served without a restart.
 */
@QuarkusTest
@TestProfile(GatewayTlsIT.WithCertificate.class)
class GatewayTlsIT {

  static final TestCertificates.Issued CA = TestCertificates.ca("Shield test CA");
  static final Path SECRET;

  static {
    try {
      SECRET = Files.createTempDirectory("shield-gateway-tls");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestCertificates.server(CA, "localhost").writeTo(SECRET, CA);
  }

  public static class WithCertificate implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          GatewayTls.CERT_FILE, SECRET.resolve("tls.crt").toString(),
          GatewayTls.KEY_FILE, SECRET.resolve("tls.key").toString(),
          GatewayTls.RELOAD_PERIOD, "300ms");
    }
  }

  @TestHTTPResource(value = "/", tls = true)
  URI root;

  @Test
  void servesHealthOverHttps() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trustingTheCa()).build();
    HttpResponse<String> ready = client.send(HttpRequest.newBuilder(root.resolve("/q/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\": \"UP\"");
    assertThat(ready.version()).isIn(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1);
  }

  @Test
  void acceptsTls13WithAes256Gcm() throws Exception {
    SSLSession session = handshake(null, null);
    assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
    assertThat(session.getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
  }

  @Test
  void acceptsTls12WithAes256Gcm() throws Exception {
    SSLSession session = handshake(new String[] {"TLSv1.2"}, null);
    assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
    assertThat(session.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
  }

  @Test
  void prefersAes256GcmOverTheClientsOrder() throws Exception {
    SSLSession tls12 = handshake(new String[] {"TLSv1.2"}, new String[] {
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"});
    assertThat(tls12.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
  }

  @Test
  void refusesTls11AndTls10() throws Exception {
    // the JDK's own client no longer offers TLS 1.1 or 1.0, so the hello is written by hand: an old client's
    assertThat(answerToHello(0x0302)).as("TLS 1.1").startsWith(ALERT);
    assertThat(answerToHello(0x0301)).as("TLS 1.0").startsWith(ALERT);
    // the same hello for TLS 1.2 is answered with a ServerHello: the refusals are the version's, not the hello's
    assertThat(answerToHello(0x0303)[0]).as("TLS 1.2").isEqualTo(HANDSHAKE);
  }

  @Test
  void hasNoPlaintextPort() throws Exception {
    assertThat(ConfigProvider.getConfig().getValue("quarkus.http.insecure-requests", String.class))
        .isEqualTo("disabled");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 2000);
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("GET /q/health HTTP/1.1\r\nHost: localhost\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(readSome(socket.getInputStream()), StandardCharsets.ISO_8859_1);
      assertThat(answer).doesNotContain("HTTP/1.1").doesNotContain("UP");
    }
  }

  @Test
  void servesARotatedCertificateWithoutARestart() throws Exception {
    BigInteger before = servedCertificate().getSerialNumber();
    TestCertificates.Issued rotated = TestCertificates.server(CA, "localhost");
    assertThat(rotated.serial()).isNotEqualTo(before);
    rotated.writeTo(SECRET, CA);

    // a handshake that lands while Vert.x swaps the server's TLS context can be cut once (its update is not atomic
    // for a connection being accepted); a client retries it, and so does this wait
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(javax.net.ssl.SSLException.class)
        .until(() -> servedCertificate().getSerialNumber(), serial -> serial.equals(rotated.serial()));
    assertThat(handshake(null, null).getProtocol()).isEqualTo("TLSv1.3");
  }

  private static final byte ALERT = 0x15;
  private static final byte HANDSHAKE = 0x16;

  private X509Certificate servedCertificate() throws Exception {
    return (X509Certificate) handshake(null, null).getPeerCertificates()[0];
  }

  private SSLSession handshake(String[] protocols, String[] suites) throws Exception {
    try (SSLSocket socket = (SSLSocket) trustingTheCa().getSocketFactory().createSocket(root.getHost(),
        root.getPort())) {
      socket.setSoTimeout(5000);
      if (protocols != null) {
        socket.setEnabledProtocols(protocols);
      }
      if (suites != null) {
        socket.setEnabledCipherSuites(suites);
      }
      var parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getSession();
    }
  }

  private static SSLContext trustingTheCa() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", CA.certificate());
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), new SecureRandom());
    return context;
  }

  /** The first bytes the server sends back to a ClientHello of a version (no supported_versions extension). */
  private byte[] answerToHello(int version) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 2000);
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(ClientHellos.hello(version, "localhost"));
      socket.getOutputStream().flush();
      return readSome(socket.getInputStream());
    }
  }

  private static byte[] readSome(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[512];
    try {
      int read = in.read(buffer);
      if (read > 0) {
        bytes.write(buffer, 0, read);
      }
    } catch (IOException e) {
      // a reset after the alert, or no answer at all: what arrived before counts
    }
    return bytes.toByteArray();
  }
}
