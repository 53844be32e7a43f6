package io.cybershield.shield.sandbox.runtime;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sandbox with its runtime on: pods of a DJL Serving image are answered by a stand-in on their pod IP, a
 * process image runs as a process with its pod's environment, readiness follows what answers, and both stop when
 * their pods go.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodRuntimeIT {

  private static final String FAKE_IMAGE = "sandbox.test/fake-gateway";
  private static final Path MISSING_JAR = Path.of("target", "no-such-dir", "quarkus-run.jar");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private SandboxCluster cluster;
  private KubernetesClient client;
  private String ns;

  @BeforeAll
  void start() throws URISyntaxException {
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.fast(), runtimeConfig());
    client = cluster.client();
  }

  private static RuntimeConfig runtimeConfig() throws URISyntaxException {
    String testClasses = Path.of(FakeGatewayMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    return RuntimeConfig.standard(MISSING_JAR)
        .withLauncherFirst(JavaProcessLauncher.mainClass(FAKE_IMAGE, FakeGatewayMain.class.getName(), testClasses)
            .withStopGrace(Duration.ofSeconds(2)));
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = "rt-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    ns = ns.substring(0, Math.min(ns.length(), 60));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  @Test
  void djlServingPodIsServedByTheStandInOnItsPodIpAndTurnsReadyOnlyOnceItAnswers() throws Exception {
    int port = freePort();
    client.apps().deployments().inNamespace(ns).resource(deployment("threat-intel", "deepjavalibrary/djl-serving:"
        + "0.36.0-lmi", port, "/ping", List.of(new EnvVar("HF_MODEL_ID", "s3://models/threat-intel/", null),
        new EnvVar("SANDBOX_LOADING_TIME", "3s", null)))).create();

    Pod loading = await().until(() -> onlyPod("threat-intel"), p -> p != null && p.getStatus().getPodIP() != null
        && "Running".equals(p.getStatus().getPhase()));
    String ip = loading.getStatus().getPodIP();
    assertThat(ip).matches("127\\.244\\.0\\.\\d+");
    // the stand-in "loads" for 3 s: its port refuses connections and the pod is not Ready, whatever the timing says
    assertThat(refuses(ip, port)).isTrue();
    assertThat(ready(onlyPod("threat-intel"))).isFalse();

    await().untilAsserted(() -> assertThat(ready(onlyPod("threat-intel"))).isTrue());
    HttpResponse<String> ping = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":" + port + "/ping"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).contains("\"threat_intel\"").contains("Healthy");
    HttpResponse<String> generated = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://" + ip + ":" + port + "/invocations"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":\"triage this alert\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(generated.statusCode()).isEqualTo(200);
    assertThat(generated.body()).contains("[stand-in]");
    assertThat(generated.headers().firstValue("x-shield-standin")).hasValue("scripted");

    String podName = onlyPod("threat-intel").getMetadata().getName();
    List<String> log = readLog(podName, "main");
    assertThat(log.get(0)).contains("scripted DJL Serving stand-in, not a model").contains("\"threat_intel\"")
        .contains("http://" + ip + ":" + port);
    // the readiness probe's pings, and ours
    assertThat(log).anySatisfy(l -> assertThat(l)
        .matches("ACCESS_LOG /\\S+ \"GET /ping HTTP/1\\.1\" 200 \\d+ms"));
    assertThat(log).anySatisfy(l -> assertThat(l)
        .matches("ACCESS_LOG /\\S+ \"POST /invocations HTTP/1\\.1\" 200 \\d+ms"));

    List<String> followed = new CopyOnWriteArrayList<>();
    AtomicBoolean ended = new AtomicBoolean();
    cluster.runtime().read(ns, podName, "main", true, followed::add, () -> ended.set(true));
    client.apps().deployments().inNamespace(ns).withName("threat-intel").scale(0);
    await().untilAsserted(() -> assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty());
    await().until(() -> refuses(ip, port));
    await().untilTrue(ended);
    assertThat(followed).contains(log.get(0)).last().asString()
        .isEqualTo("[sandbox] the DJL Serving stand-in exited with code 143");
  }

  @Test
  void processImageRunsWithItsPodsEnvironmentOnItsPodIpAndDiesWithItsPod() throws Exception {
    int port = freePort();
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().addToData("mode", "from-the-configmap").build()).create();
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
        .addToStringData("token", "s3cr3t").build()).create();
    client.apps().deployments().inNamespace(ns).resource(deployment("gateway", FAKE_IMAGE + ":1.0", port,
        "/q/health/ready", List.of(
            new EnvVar("SHIELD_MODEL", "threat-intel", null),
            fieldRef("SHIELD_NAMESPACE", "metadata.namespace"),
            fieldRef("POD_NAME", "metadata.name"),
            fieldRef("POD_UID", "metadata.uid"),
            fieldRef("POD_IP", "status.podIP"),
            fieldRef("NODE_NAME", "spec.nodeName"),
            fieldRef("SERVICE_ACCOUNT", "spec.serviceAccountName"),
            new EnvVarBuilder().withName("FROM_CONFIGMAP").withNewValueFrom().withNewConfigMapKeyRef("mode",
                "settings", false).endValueFrom().build(),
            new EnvVarBuilder().withName("FROM_SECRET").withNewValueFrom().withNewSecretKeyRef("token", "creds",
                false).endValueFrom().build(),
            new EnvVar("EXPANDED", "model $(SHIELD_MODEL) in $(SHIELD_NAMESPACE)", null),
            new EnvVar("QUARKUS_HTTP_PORT", Integer.toString(port), null)))).create();

    await().untilAsserted(() -> assertThat(ready(onlyPod("gateway"))).isTrue());
    Pod pod = onlyPod("gateway");
    String ip = pod.getStatus().getPodIP();
    String name = pod.getMetadata().getName();
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://" + ip + ":" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(refuses("127.0.0.1", port)).as("bound to its pod IP only").isTrue();

    await().untilAsserted(() -> assertThat(readLog(name, "gateway")).contains(
        "HOSTNAME=" + name,
        "SHIELD_MODEL=threat-intel",
        "SHIELD_NAMESPACE=" + ns,
        "POD_NAME=" + name,
        "POD_UID=" + pod.getMetadata().getUid(),
        "POD_IP=" + ip,
        "NODE_NAME=" + pod.getSpec().getNodeName(),
        "SERVICE_ACCOUNT=default",
        "FROM_CONFIGMAP=from-the-configmap",
        "SECRET_SET=true",
        "EXPANDED=model threat-intel in " + ns,
        "QUARKUS_HTTP_HOST=" + ip,
        "KUBECONFIG_SERVER=" + cluster.url(),
        "listening on /" + ip + ":" + port));
    assertThat(String.join("\n", readLog(name, "gateway"))).doesNotContain("s3cr3t");
    long pid = cluster.runtime().workload(ns, name, "gateway").orElseThrow().pid().orElseThrow();
    assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

    client.pods().inNamespace(ns).withName(name).delete();
    await().until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    // the ReplicaSet's new pod (a new uid) gets a process of its own
    await().untilAsserted(() -> {
      Pod replacement = onlyPod("gateway");
      assertThat(replacement.getMetadata().getName()).isNotEqualTo(name);
      assertThat(ready(replacement)).isTrue();
      long newPid = cluster.runtime().workload(ns, replacement.getMetadata().getName(), "gateway").orElseThrow()
          .pid().orElseThrow();
      assertThat(newPid).isNotEqualTo(pid);
      assertThat(ProcessHandle.of(newPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    });
    long lastPid = cluster.runtime().workload(ns, onlyPod("gateway").getMetadata().getName(), "gateway")
        .orElseThrow().pid().orElseThrow();
    client.apps().deployments().inNamespace(ns).withName("gateway").delete();
    await().until(() -> ProcessHandle.of(lastPid).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void aContainerThatStopsAnsweringItsReadinessProbeTurnsUnreadyAndLeavesItsServicesReadyEndpoints()
      throws Exception {
    int port = freePort();
    client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("gateway")
        .endMetadata().withNewSpec().addToSelector("app", "gateway").addNewPort().withName("http").withPort(80)
        .withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
    client.apps().deployments().inNamespace(ns).resource(deployment("gateway", FAKE_IMAGE + ":1.0", port,
        "/q/health/ready", List.of(new EnvVar("QUARKUS_HTTP_PORT", Integer.toString(port), null)))).create();
    await().untilAsserted(() -> assertThat(ready(onlyPod("gateway"))).isTrue());
    String ip = onlyPod("gateway").getStatus().getPodIP();
    await().untilAsserted(() -> assertThat(endpoints("gateway"))
        .extracting(e -> e.getAddresses().get(0), e -> e.getConditions().getReady())
        .containsExactly(tuple(ip, true)));

    HttpResponse<String> down = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":" + port
        + "/test/down")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(down.statusCode()).isEqualTo(204);

    await().untilAsserted(() -> assertThat(ready(onlyPod("gateway"))).isFalse());
    await().untilAsserted(() -> assertThat(endpoints("gateway"))
        .extracting(e -> e.getAddresses().get(0), e -> e.getConditions().getReady(),
            e -> e.getConditions().getServing())
        .containsExactly(tuple(ip, false, false)));
    assertThat(onlyPod("gateway").getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  void theStandInOfAPodWhoseNodeGoesIsClosed() throws Exception {
    int port = freePort();
    String node = "rt-node-gone";
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).addToLabels("sandbox-test", node)
        .addToAnnotations("sandbox.cybershield.io/capacity", "cpu=4,memory=8Gi").endMetadata().build()).create();
    Deployment onNode = new DeploymentBuilder(deployment("pinned", "deepjavalibrary/djl-serving:0.36.0-lmi", port,
        "/ping", List.of())).editSpec().editTemplate().editSpec().addToNodeSelector("sandbox-test", node).endSpec()
        .endTemplate().endSpec().build();
    client.apps().deployments().inNamespace(ns).resource(onNode).create();
    await().untilAsserted(() -> assertThat(ready(onlyPod("pinned"))).isTrue());
    Pod pod = onlyPod("pinned");
    assertThat(pod.getSpec().getNodeName()).isEqualTo(node);
    String ip = pod.getStatus().getPodIP();
    assertThat(refuses(ip, port)).isFalse();

    client.nodes().withName(node).delete();
    await().until(() -> refuses(ip, port));
    await().until(() -> cluster.runtime().workload(ns, pod.getMetadata().getName(), "main").isEmpty());
  }

  @Test
  void closingTheClusterStopsItsProcessesAndStandIns() throws Exception {
    int port = freePort();
    long pid;
    String djlIp;
    try (SandboxCluster own = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.fast(),
        runtimeConfig()); KubernetesClient ownClient = own.client()) {
      ownClient.apps().deployments().inNamespace("default").resource(new DeploymentBuilder(deployment("gateway",
          FAKE_IMAGE + ":1.0", port, "/q/health/ready", List.of(new EnvVar("QUARKUS_HTTP_PORT",
              Integer.toString(port), null)))).editMetadata().withNamespace("default").endMetadata().build()).create();
      ownClient.apps().deployments().inNamespace("default").resource(new DeploymentBuilder(deployment("djl",
          "deepjavalibrary/djl-serving:0.36.0-lmi", port, "/ping", List.of())).editMetadata()
          .withNamespace("default").endMetadata().build()).create();
      Pod gateway = await().until(() -> readyPod(ownClient, "gateway"), p -> p != null);
      Pod djl = await().until(() -> readyPod(ownClient, "djl"), p -> p != null);
      pid = own.runtime().workload("default", gateway.getMetadata().getName(), "gateway").orElseThrow().pid()
          .orElseThrow();
      djlIp = djl.getStatus().getPodIP();
      assertThat(refuses(djlIp, port)).isFalse();
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    assertThat(refuses(djlIp, port)).isTrue();
  }

  private static Pod readyPod(KubernetesClient c, String app) {
    return c.pods().inNamespace("default").withLabel("app", app).list().getItems().stream()
        .filter(PodRuntimeIT::ready).findFirst().orElse(null);
  }

  @Test
  void gatewayImageWithoutItsJarStaysSimulatedAndSaysWhy() throws IOException {
    client.apps().deployments().inNamespace(ns).resource(deployment("gw",
        "ghcr.io/cybershield/shield-inference-runtime:0.1.0", freePort(), "/q/health/ready", List.of())).create();

    await().untilAsserted(() -> assertThat(ready(onlyPod("gw"))).isTrue());
    Pod pod = onlyPod("gw");
    await().untilAsserted(() -> assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .filteredOn(e -> PodRuntime.NOT_RUN_REASON.equals(e.getReason()))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.getInvolvedObject().getName()).isEqualTo(pod.getMetadata().getName());
          assertThat(e.getType()).isEqualTo("Warning");
          assertThat(e.getMessage()).isEqualTo("Container main is only simulated: containers of "
              + "ghcr.io/cybershield/shield-inference-runtime are only simulated: "
              + MISSING_JAR.toAbsolutePath().normalize() + " does not exist; build it with "
              + "mvn -pl inference-runtime -am package -DskipTests");
        }));
    assertThat(cluster.runtime().workload(ns, pod.getMetadata().getName(), "main")).isEmpty();
    List<String> log = readLog(pod.getMetadata().getName(), "main");
    assertThat(log).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsMatching(e -> e instanceof NullPointerException || e instanceof IllegalStateException
            || e instanceof java.util.NoSuchElementException);
  }

  private List<Endpoint> endpoints(String service) {
    return client.discovery().v1().endpointSlices().inNamespace(ns).withLabel("kubernetes.io/service-name", service)
        .list().getItems().stream().flatMap(s -> s.getEndpoints().stream()).toList();
  }

  private Deployment deployment(String name, String image, int port, String readinessPath, List<EnvVar> env) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate()
        .withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec()
        .addToContainers(new ContainerBuilder().withName(image.startsWith(FAKE_IMAGE) ? "gateway" : "main")
            .withImage(image)
            .addNewPort().withName("http").withContainerPort(port).withProtocol("TCP").endPort()
            .withEnv(env)
            .withNewResources().addToRequests("cpu", new Quantity("100m"))
            .addToRequests("memory", new Quantity("128Mi"))
            .endResources()
            .withNewReadinessProbe().withNewHttpGet().withPath(readinessPath).withPort(new IntOrString("http"))
            .endHttpGet().withPeriodSeconds(1).withFailureThreshold(1).endReadinessProbe()
            .build())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withFieldPath(path).endFieldRef()
        .endValueFrom().build();
  }

  private Pod onlyPod(String app) {
    List<Pod> pods = client.pods().inNamespace(ns).withLabel("app", app).list().getItems().stream()
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

  private List<String> readLog(String pod, String container) {
    List<String> lines = new CopyOnWriteArrayList<>();
    cluster.runtime().read(ns, pod, container, false, lines::add, () -> { }).close();
    return List.copyOf(lines);
  }

  private static boolean refuses(String ip, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName(ip), port), 1000);
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
