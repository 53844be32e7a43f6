package io.cybershield.shield.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.runtime.RuntimeConfig;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.cybershield.shield.sandbox.testing.Kubectl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A ShieldModel with {@code spec.tls} and {@code spec.tls.upstream} on {@code bin/shield-sandbox}, end to end: the
 * packaged operator mounts the Secrets, the packaged gateway serves HTTPS only (TLS 1.3, AES-256-GCM) and the DJL
 * Serving stand-ins serve HTTPS from theirs; the model becomes Ready through HTTPS probes, and a request through
 * {@code kubectl port-forward svc/<model>-gateway} reaches a model pod over a verified TLS hop and comes back.
 * The certificates are made for the run with the JDK's keytool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsOnSandboxIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path CRDS = ROOT.resolve("helm/shield-operator/crds");
  private static final Path OPERATOR_JAR = ROOT.resolve("operator/target/quarkus-app/quarkus-run.jar");
  private static final Path GATEWAY_JAR = ROOT.resolve("inference-runtime/target/quarkus-app/quarkus-run.jar");
  private static final Pattern FORWARDING = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) ->");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MODEL = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: soc}
      ---
      apiVersion: shield.cybershield.io/v1alpha1
      kind: ShieldModel
      metadata: {name: threat-intel, namespace: soc}
      spec:
        model: {uri: "s3://models/threat-intel", version: "v7"}
        variants:
          - {name: full, priorities: [critical, high, normal], gpu: {count: 1, resource: nvidia.com/gpu}}
          - {name: lite, uri: "s3://models/threat-intel-lite", priorities: [low], quantize: awq,
             gpu: {count: 1, resource: nvidia.com/mig-3g.40gb}}
        placement:
          onPrem: {replicas: 1}
          privateCloud: {minReplicas: 0, maxReplicas: 0}
        dataClassification: confidential
        tls:
          secretName: threat-intel-tls
          upstream: {secretName: threat-intel-model-server-tls}
        access:
          roles:
            - {name: analyst, apis: [generate], subjects: [{kind: ServiceAccount, name: analyst}]}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: analyst, namespace: soc}
      """;

  private SandboxCluster cluster;
  private Kubectl kubectl;
  private Process operator;
  private Process forward;
  private final List<String> forwardOutput = new java.util.concurrent.CopyOnWriteArrayList<>();
  private int localPort;
  private Path dir;
  private X509Certificate gatewayCertificate;
  private String token;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    boolean packaged = Files.isRegularFile(OPERATOR_JAR) && Files.isRegularFile(GATEWAY_JAR);
    if (!packaged && System.getenv("CI") != null) {
      fail("the packaged operator and gateway are missing: the e2e module runs after both are packaged");
    }
    assumeTrue(packaged, "the operator and the gateway are not packaged: mvn package them first");
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.defaults(),
        RuntimeConfig.standard(GATEWAY_JAR));
    cluster.installCrds(CRDS);
    dir = Files.createTempDirectory("tls-e2e");
    Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    kubectl = new Kubectl(kubeconfig, 120);
    operator = startOperator(kubeconfig, dir.resolve("operator.log"));

    // the gateway's certificate (self-signed) and the model servers' (from a CA of their own, for their Services)
    KeyStore gateway = keytool("gateway", "-genkeypair", "-alias", "tls", "-dname", "CN=threat-intel-gateway",
        "-ext", "SAN=dns:localhost,dns:threat-intel-gateway.soc.svc");
    gatewayCertificate = (X509Certificate) gateway.getCertificate("tls");
    KeyStore ca = keytool("ca", "-genkeypair", "-alias", "tls", "-dname", "CN=Shield model servers CA",
        "-ext", "bc:c");
    KeyStore servers = keytool("servers", "-genkeypair", "-alias", "tls", "-dname", "CN=threat-intel-full.soc.svc");
    run("-certreq", "-alias", "tls", "-keystore", dir.resolve("servers.p12").toString(), "-storepass", "changeit",
        "-file", dir.resolve("servers.csr").toString());
    run("-gencert", "-alias", "tls", "-keystore", dir.resolve("ca.p12").toString(), "-storepass", "changeit",
        "-infile", dir.resolve("servers.csr").toString(), "-outfile", dir.resolve("servers.crt").toString(), "-rfc",
        "-ext", "SAN=dns:threat-intel-full.soc.svc,dns:threat-intel-lite.soc.svc", "-ext", "EKU=serverAuth");

    kubectl.apply(MODEL);
    kubectl.apply(secret("threat-intel-tls", pem("CERTIFICATE", gatewayCertificate.getEncoded()), key(gateway),
        null));
    kubectl.apply(secret("threat-intel-model-server-tls", Files.readString(dir.resolve("servers.crt")), key(servers),
        pem("CERTIFICATE", ca.getCertificate("tls").getEncoded())));
    Kubectl.Result ready = kubectl.run("wait", "--for=condition=Ready", "shieldmodel/threat-intel", "-n", "soc",
        "--timeout=240s");
    assertThat(ready.ok()).as("the model became Ready: %s\n%s\noperator log:\n%s", ready,
        kubectl.run("describe", "shieldmodel", "threat-intel", "-n", "soc").output(),
        Files.readString(dir.resolve("operator.log"))).isTrue();
    token = kubectl.ok("create", "token", "analyst", "-n", "soc").strip();
    ProcessBuilder portForward = new ProcessBuilder("kubectl", "port-forward", "svc/threat-intel-gateway", ":8080",
        "-n", "soc").redirectErrorStream(true);
    portForward.environment().put("KUBECONFIG", kubeconfig.toString());
    forward = portForward.start();
    localPort = awaitForwarding(forward);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (forward != null) {
      forward.destroy();
    }
    if (operator != null) {
      operator.destroy();
      if (!operator.waitFor(20, TimeUnit.SECONDS)) {
        operator.destroyForcibly();
      }
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theGatewayAnswersOverTls13WithAes256GcmAndTheModelServersOverVerifiedHttps() throws Exception {
    HttpClient https = HttpClient.newBuilder().sslContext(trusting(gatewayCertificate)).build();
    HttpResponse<String> answer = https.send(HttpRequest.newBuilder(
            URI.create("https://localhost:" + localPort + "/v1/generate")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"Summarise the alert\", \"maxTokens\": 8}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).path("variant").asText()).isEqualTo("full");

    try (SSLSocket socket = (SSLSocket) trusting(gatewayCertificate).getSocketFactory()
        .createSocket("localhost", localPort)) {
      socket.startHandshake();
      SSLSession session = socket.getSession();
      assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
      assertThat(session.getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
    }
    assertThat(kubectl.ok("logs", "deploy/threat-intel-full-onprem", "-n", "soc"))
        .contains("on https://").contains("\"POST /invocations HTTP/1.1\" 200");
    assertThat(kubectl.ok("get", "configmap", "threat-intel-gateway-routes", "-n", "soc", "-o",
        "jsonpath={.data.routes\\.json}")).contains("\"upstreamTls\" : true");
  }

  @Test
  void theGatewayHasNoPlaintextPort() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + localPort
        + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  private KeyStore keytool(String name, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "1", "-storetype", "PKCS12",
        "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", "changeit"));
    run(all.toArray(String[]::new));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
      keys.load(in, "changeit".toCharArray());
    }
    return keys;
  }

  private static void run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor()).as("keytool %s: %s", args[0], output).isZero();
  }

  private static String key(KeyStore keys) throws Exception {
    return pem("PRIVATE KEY", keys.getKey("tls", "changeit".toCharArray()).getEncoded());
  }

  private static String secret(String name, String certificate, String key, String ca) {
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata: {name: " + name
        + ", namespace: soc}\ntype: kubernetes.io/tls\ndata:\n");
    yaml.append("  tls.crt: ").append(b64(certificate)).append('\n');
    yaml.append("  tls.key: ").append(b64(key)).append('\n');
    if (ca != null) {
      yaml.append("  ca.crt: ").append(b64(ca)).append('\n');
    }
    return yaml.toString();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static SSLContext trusting(X509Certificate certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("gateway", certificate);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static Process startOperator(Path kubeconfig, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-jar", OPERATOR_JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
    builder.environment().put("SHIELD_GATEWAY_REPLICAS", "1");
    return builder.start();
  }

  private int awaitForwarding(Process process) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          forwardOutput.add(line);
          Matcher m = FORWARDING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
        port.completeExceptionally(new IllegalStateException("kubectl port-forward ended: " + forwardOutput));
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
    }, "port-forward-output");
    pump.setDaemon(true);
    pump.start();
    return port.get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
