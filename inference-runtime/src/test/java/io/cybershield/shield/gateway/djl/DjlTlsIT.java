package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.StandInOptions;
import io.cybershield.shield.gateway.tls.TestCertificates;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.cybershield.shield.gateway.djl.Upstreams.await;
import static io.cybershield.shield.gateway.djl.Upstreams.deadline;
import static io.cybershield.shield.gateway.djl.Upstreams.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hop to the model servers encrypted ({@code spec.tls.upstream}): the stand-in serves HTTPS from a certificate
 * for its variant Service's name, as DJL Serving does from {@code certificate_file} and {@code private_key_file}; the
 * client connects to the pod's address and verifies that name with the model servers' CA. A pod whose certificate is
 * for another name, or from another CA, is refused before anything is sent, as {@code UpstreamUntrusted}.
 */
class DjlTlsIT {

  private static final String SERVICE = "threat-intel-full.soc.svc";
  private static final GenerationRequest SAY_HELLO =
      GenerationRequest.of("Say hello", GenerationParameters.none().withMaxNewTokens(4));

  private static final TestCertificates.Issued CA = TestCertificates.ca("Shield model servers CA");
  private static final TestCertificates.Issued OTHER_CA = TestCertificates.ca("Someone else's CA");
  private static final List<DjlStandIn> STAND_INS = new ArrayList<>();
  private static Vertx vertx;
  private static DjlClient client;
  private static Path directory;

  @BeforeAll
  static void start() throws IOException {
    directory = Files.createTempDirectory("shield-upstream-tls");
    TestCertificates.server(CA, SERVICE).writeTo(directory.resolve("good"), CA);
    vertx = Upstreams.vertx();
    client = new DjlClient(vertx, Upstreams.settings(), directory.resolve("good").resolve("ca.crt"));
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close();
    STAND_INS.forEach(DjlStandIn::close);
  }

  private static DjlStandIn standIn(TestCertificates.Issued certificate, TestCertificates.Issued ca, String name) {
    Path secret = certificate.writeTo(directory.resolve(name), ca);
    DjlStandIn djl = DjlStandIn.start(StandInOptions.fromEnvironment(java.util.Map.of(
        "SERVING_INFERENCE_ADDRESS", "https://0.0.0.0:8080",
        "SERVING_CERTIFICATE_FILE", secret.resolve("tls.crt").toString(),
        "SERVING_PRIVATE_KEY_FILE", secret.resolve("tls.key").toString()), "127.0.0.1", 0));
    STAND_INS.add(djl);
    return djl;
  }

  @Test
  void aPodWithACertificateForItsServiceIsCalledOverHttps() {
    DjlStandIn djl = standIn(TestCertificates.server(CA, SERVICE, "threat-intel-full"), CA, "pod");
    assertThat(djl.uri().getScheme()).isEqualTo("https");

    GenerationResponse answer = await(client.generate(DjlEndpoint.tls(djl.host(), djl.port(), SERVICE), null,
        SAY_HELLO, deadline()));

    assertThat(answer.generatedText()).startsWith("[stand-in] Say hello");
    assertThat(djl.requests()).singleElement()
        .satisfies(request -> assertThat(request.header("host")).isEqualTo(SERVICE + ":" + djl.port()));
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    DjlStandIn djl = standIn(TestCertificates.server(CA, "threat-intel-lite.soc.svc"), CA, "other-name");

    DjlException failure = failure(client.generate(DjlEndpoint.tls(djl.host(), djl.port(), SERVICE), null,
        SAY_HELLO, deadline()));

    assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_UNTRUSTED);
    assertThat(failure.code().gatewayStatus()).isEqualTo(502);
    assertThat(failure.getMessage()).contains(SERVICE);
    assertThat(djl.requests()).isEmpty();
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() {
    DjlStandIn djl = standIn(TestCertificates.server(OTHER_CA, SERVICE), OTHER_CA, "other-ca");

    DjlException failure = failure(client.generate(DjlEndpoint.tls(djl.host(), djl.port(), SERVICE), null,
        SAY_HELLO, deadline()));

    assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_UNTRUSTED);
    assertThat(djl.requests()).isEmpty();
  }

  @Test
  void aPlaintextPodIsStillCalledOverHttp() {
    DjlStandIn djl = DjlStandIn.start();
    STAND_INS.add(djl);
    assertThat(await(client.generate(Upstreams.endpoint(djl), null, SAY_HELLO, deadline())).generatedText())
        .startsWith("[stand-in]");
  }
}
