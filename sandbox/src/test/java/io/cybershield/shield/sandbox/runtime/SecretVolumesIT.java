package io.cybershield.shield.sandbox.runtime;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret volumes of the containers the sandbox runs: a DJL Serving pod told (as the operator tells it with
 * {@code spec.tls.upstream}) to serve HTTPS from a mounted {@code kubernetes.io/tls} Secret gets the Secret's files,
 * serves that certificate, and turns Ready through its HTTPS readiness probe; a changed Secret is written again, and
 * a pod whose Secret does not exist yet runs once it does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretVolumesIT {

  private static final String NS = "tls-volumes";
  private SandboxCluster cluster;
  private KubernetesClient client;
  private Path work;

  @BeforeAll
  void start() throws IOException {
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.fast(),
        RuntimeConfig.standard(Path.of("target", "no-such-dir", "quarkus-run.jar")));
    client = cluster.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    work = Files.createTempDirectory("shield-secret-volumes-it");
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aDjlServingPodServesHttpsFromItsMountedSecretAndTurnsReady() throws Exception {
    KeyStore first = selfSigned("first");
    client.secrets().inNamespace(NS).resource(tlsSecret("model-tls", first)).create();
    int port = freePort();
    client.apps().deployments().inNamespace(NS).resource(httpsStandIn("sealed", "model-tls", port)).create();

    await().untilAsserted(() -> assertThat(ready(onlyPod("sealed"))).isTrue());
    String ip = onlyPod("sealed").getStatus().getPodIP();
    assertThat(served(ip, port, first)).isEqualTo(certificate(first));

    String podName = onlyPod("sealed").getMetadata().getName();
    assertThat(readLog(podName)).anySatisfy(l -> assertThat(l).contains("on https://" + ip + ":" + port));
    String written = readLog(podName).stream().filter(l -> l.contains("Secret model-tls mounted at /etc/shield/tls"))
        .findFirst().orElseThrow();
    Path directory = Path.of(written.substring(written.indexOf(" is written to ") + " is written to ".length()));
    assertThat(Files.readString(directory.resolve("tls.crt"))).isEqualTo(pem("CERTIFICATE",
        certificate(first).getEncoded()));

    KeyStore second = selfSigned("second");
    client.secrets().inNamespace(NS).resource(tlsSecret("model-tls", second)).update();
    await().untilAsserted(() -> assertThat(Files.readString(directory.resolve("tls.crt")))
        .isEqualTo(pem("CERTIFICATE", certificate(second).getEncoded())));
  }

  @Test
  void aPodWhoseSecretIsMissingRunsOnceTheSecretExists() throws Exception {
    int port = freePort();
    client.apps().deployments().inNamespace(NS).resource(httpsStandIn("unsealed", "later-tls", port)).create();
    await().until(() -> onlyPod("unsealed"), p -> p != null && "Running".equals(p.getStatus().getPhase()));
    String podName = onlyPod("unsealed").getMetadata().getName();
    await().untilAsserted(() -> assertThat(readLog(podName))
        .anySatisfy(l -> assertThat(l).contains("Secret later-tls (volume tls) not found")));
    assertThat(ready(onlyPod("unsealed"))).isFalse();

    KeyStore keys = selfSigned("later");
    client.secrets().inNamespace(NS).resource(tlsSecret("later-tls", keys)).create();
    await().untilAsserted(() -> assertThat(ready(onlyPod("unsealed"))).isTrue());
    assertThat(served(onlyPod("unsealed").getStatus().getPodIP(), port, keys)).isEqualTo(certificate(keys));
  }

  private Deployment httpsStandIn(String name, String secret, int port) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(1)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate()
        .withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec()
        .addNewVolume().withName("tls").withNewSecret().withSecretName(secret)
        .addNewItem().withKey("tls.crt").withPath("tls.crt").endItem()
        .addNewItem().withKey("tls.key").withPath("tls.key").endItem().endSecret().endVolume()
        .addToContainers(new ContainerBuilder().withName("main").withImage("deepjavalibrary/djl-serving:0.36.0-lmi")
            .addNewPort().withName("http").withContainerPort(port).withProtocol("TCP").endPort()
            .withEnv(List.of(new EnvVar("SERVING_INFERENCE_ADDRESS", "https://0.0.0.0:" + port, null),
                new EnvVar("SERVING_CERTIFICATE_FILE", "/etc/shield/tls/tls.crt", null),
                new EnvVar("SERVING_PRIVATE_KEY_FILE", "/etc/shield/tls/tls.key", null)))
            .addNewVolumeMount().withName("tls").withMountPath("/etc/shield/tls").withReadOnly(true).endVolumeMount()
            .withNewResources().addToRequests("cpu", new Quantity("100m")).endResources()
            .withNewReadinessProbe().withNewHttpGet().withPath("/ping").withPort(new IntOrString("http"))
            .withScheme("HTTPS").endHttpGet().withPeriodSeconds(1).withFailureThreshold(1).endReadinessProbe()
            .build())
        .endSpec().endTemplate().endSpec().build();
  }

  /** A self-signed EC certificate made with the JDK's keytool. */
  private KeyStore selfSigned(String name) throws Exception {
    Path store = work.resolve(name + ".p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "tls", "-dname", "CN=" + name,
        "-validity", "1", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor()).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    return keys;
  }

  private static X509Certificate certificate(KeyStore keys) throws Exception {
    return (X509Certificate) keys.getCertificate("tls");
  }

  private static Secret tlsSecret(String name, KeyStore keys) throws Exception {
    byte[] key = keys.getKey("tls", "changeit".toCharArray()).getEncoded();
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withType("kubernetes.io/tls")
        .withData(Map.of(
            "tls.crt", b64(pem("CERTIFICATE", certificate(keys).getEncoded())),
            "tls.key", b64(pem("PRIVATE KEY", key))))
        .build();
  }

  /** The certificate the pod serves, trusting only the one expected (the JDK checks the chain, not the name). */
  private static Certificate served(String ip, int port, KeyStore expected) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("expected", certificate(expected));
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getByName(ip), port)) {
      socket.startHandshake();
      return socket.getSession().getPeerCertificates()[0];
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsMatching(e -> e instanceof IllegalStateException
            || e instanceof java.util.NoSuchElementException || e instanceof NullPointerException);
  }

  private Pod onlyPod(String app) {
    List<Pod> pods = client.pods().inNamespace(NS).withLabel("app", app).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    if (pods.size() != 1) {
      throw new IllegalStateException(pods.size() + " pods of " + app);
    }
    return pods.get(0);
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
        .map(PodCondition::getStatus).anyMatch("True"::equals);
  }

  private List<String> readLog(String pod) {
    List<String> lines = new CopyOnWriteArrayList<>();
    cluster.runtime().read(NS, pod, "main", false, lines::add, () -> { }).close();
    return List.copyOf(lines);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
