package io.cybershield.shield.sandbox.server;

import com.sun.net.httpserver.HttpServer;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Kubectl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kubectl port-forward} against the sandbox, through both transports kubectl 1.32 knows: SPDY tunneled in a
 * WebSocket (its default) and the plain SPDY upgrade ({@code KUBECTL_PORT_FORWARD_WEBSOCKETS=false}). The pods are
 * written by hand (no simulator): Running and Ready at a loopback IP where a small HTTP echo server listens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortForwardIT {

  private static final String POD_IP = "127.0.0.5";
  private static final Pattern FORWARDING = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> (\\d+)");

  private SandboxCluster cluster;
  private Path kubeconfig;
  private Kubectl kubectl;
  private HttpServer echo;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
  private final List<KubectlProcess> processes = new ArrayList<>();
  private String ns;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    cluster = SandboxCluster.start(0);
    kubeconfig = cluster.writeKubeconfig(Files.createTempDirectory("sandbox").resolve("kubeconfig"));
    kubectl = new Kubectl(kubeconfig);
    echo = HttpServer.create(new InetSocketAddress(POD_IP, 0), 50);
    echo.setExecutor(Executors.newFixedThreadPool(8));
    echo.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (body.length == 0) {
        body = ("hello from " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    echo.start();
  }

  @AfterAll
  void stop() {
    if (echo != null) {
      echo.stop(0);
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = "pf-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    kubectl.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n");
  }

  @AfterEach
  void stopKubectl() throws InterruptedException {
    for (KubectlProcess process : processes) {
      process.close();
    }
    processes.clear();
  }

  @Test
  void webSocketTunnelCarriesSequentialConcurrentAndLargeRequests() throws Exception {
    Map<String, Long> used = forwardAndExercise("web", Map.of());
    assertThat(used).as("the WebSocket upgrade (GET) was taken, never the SPDY fallback (POST)")
        .containsKey("kubectl get pods/portforward").doesNotContainKey("kubectl create pods/portforward");
  }

  @Test
  void plainSpdyUpgradeCarriesTheSameWhenWebSocketsAreOff() throws Exception {
    Map<String, Long> used = forwardAndExercise("spdy", Map.of("KUBECTL_PORT_FORWARD_WEBSOCKETS", "false"));
    assertThat(used).as("the SPDY upgrade (POST) was taken, no WebSocket (GET)")
        .containsKey("kubectl create pods/portforward").doesNotContainKey("kubectl get pods/portforward");
  }

  @Test
  void aServiceIsForwardedToOneOfItsPodsAtTheTargetPort() throws Exception {
    runningPod("backend", POD_IP, echoPort());
    kubectl.apply("apiVersion: v1\nkind: Service\nmetadata: {name: backend, namespace: " + ns + "}\nspec:\n"
        + "  selector: {app: backend}\n  ports:\n  - {port: 80, targetPort: " + echoPort() + "}\n");
    KubectlProcess forward = portForward(Map.of(), "svc/backend", ":80");
    int local = forwardedPort(forward, echoPort());

    assertThat(get(local, "/via-service").body()).isEqualTo("hello from /via-service");
  }

  @Test
  void nothingListeningAtThePodIsReportedAsTheKubeletWordsIt() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.6"))) {
      closedPort = probe.getLocalPort();
    }
    runningPod("deaf", "127.0.0.6", closedPort);
    String uid = kubectl.ok("get", "pod", "deaf", "-n", ns, "-o", "jsonpath={.metadata.uid}");
    KubectlProcess forward = portForward(Map.of(), "pod/deaf", ":" + closedPort);
    int local = forwardedPort(forward, closedPort);

    assertThatThrownBy(() -> get(local, "/")).isInstanceOf(IOException.class);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(forward.stderr())
        .contains("an error occurred forwarding " + local + " -> " + closedPort + ": error forwarding port "
            + closedPort + " to pod " + uid + ", uid : failed to execute portforward in network namespace")
        // klog prints the error as a quoted value: its own quotes come escaped
        .contains("failed to connect to localhost:" + closedPort + " inside namespace \\\"" + uid + "\\\"")
        .contains("IPv4: dial tcp4 127.0.0.6:" + closedPort + ": connect: connection refused"));
    // kubectl 1.32 closes the connection after an error on the error stream, and so ends: "lost connection to pod"
    await().atMost(Duration.ofSeconds(20)).until(() -> !forward.isAlive());
    assertThat(forward.exitCode()).isEqualTo(1);
    assertThat(forward.stderr()).contains("error: lost connection to pod");
  }

  @Test
  void aPendingPodIsRefusedByKubectlItself() throws Exception {
    kubectl.apply(pod("waiting", 8080));
    KubectlProcess forward = portForward(Map.of(), "pod/waiting", ":8080");
    await().atMost(Duration.ofSeconds(30)).until(() -> !forward.isAlive());
    assertThat(forward.exitCode()).isEqualTo(1);
    assertThat(forward.stderr())
        .contains("error: unable to forward port because pod is not running. Current status=Pending");
  }

  @Test
  void aMissingPodIsNotFound() throws Exception {
    KubectlProcess forward = portForward(Map.of(), "pod/nope", ":8080");
    await().atMost(Duration.ofSeconds(30)).until(() -> !forward.isAlive());
    assertThat(forward.stderr()).contains("Error from server (NotFound): pods \"nope\" not found");
  }

  @Test
  void aHalfCloseReachesThePodAndItsAnswerStillComesBack() throws Exception {
    try (ServerSocket pod = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.7"))) {
      pod.setSoTimeout(20_000);
      runningPod("raw", "127.0.0.7", pod.getLocalPort());
      KubectlProcess forward = portForward(Map.of("KUBECTL_PORT_FORWARD_WEBSOCKETS", "false"), "pod/raw",
          ":" + pod.getLocalPort());
      int local = forwardedPort(forward, pod.getLocalPort());
      CompletableFuture<String> podSaw = CompletableFuture.supplyAsync(() -> {
        try (Socket accepted = pod.accept()) {
          accepted.setSoTimeout(20_000);
          // readAllBytes returns only at end of stream: the client's half-close must have come through
          String got = new String(accepted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          accepted.getOutputStream().write(("got " + got).getBytes(StandardCharsets.UTF_8));
          return got;
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket client = new Socket("127.0.0.1", local)) {
        client.setSoTimeout(20_000);
        client.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
        client.shutdownOutput();
        assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("got ping");
      }
      assertThat(podSaw.get(20, TimeUnit.SECONDS)).isEqualTo("ping");
    }
  }

  @Test
  void whenKubectlGoesThePodSideConnectionsClose() throws Exception {
    try (ServerSocket pod = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.7"))) {
      pod.setSoTimeout(20_000);
      runningPod("dropped", "127.0.0.7", pod.getLocalPort());
      KubectlProcess forward = portForward(Map.of(), "pod/dropped", ":" + pod.getLocalPort());
      int local = forwardedPort(forward, pod.getLocalPort());
      try (Socket client = new Socket("127.0.0.1", local); Socket accepted = acceptWhile(pod, client)) {
        accepted.setSoTimeout(20_000);
        assertThat(accepted.getInputStream().read()).isEqualTo('x');
        forward.close();
        assertThat(accepted.getInputStream().read()).as("the pod side sees the end of its connection").isEqualTo(-1);
      }
    }
  }

  @Test
  void whenTheApiServerGoesKubectlLosesItsConnectionToThePod() throws Exception {
    SandboxCluster other = SandboxCluster.start(0);
    boolean stopped = false;
    try {
      Path otherConfig = other.writeKubeconfig(Files.createTempDirectory("sandbox").resolve("kubeconfig"));
      Kubectl otherKubectl = new Kubectl(otherConfig);
      otherKubectl.apply(pod("short", echoPort()).replace("namespace: " + ns, "namespace: default"));
      otherKubectl.ok("patch", "pod", "short", "--subresource=status", "--type=merge", "-p",
          "{\"status\":{\"phase\":\"Running\",\"podIP\":\"" + POD_IP + "\"}}");
      KubectlProcess forward = KubectlProcess.start(otherConfig, Map.of(), "port-forward", "pod/short",
          ":" + echoPort());
      processes.add(forward);
      int local = forwardedPort(forward, echoPort());
      assertThat(get(local, "/before").body()).isEqualTo("hello from /before");

      other.close();
      stopped = true;
      await().atMost(Duration.ofSeconds(20)).until(() -> !forward.isAlive());
      assertThat(forward.exitCode()).isEqualTo(1);
      assertThat(forward.stderr()).contains("lost connection to pod");
    } finally {
      if (!stopped) {
        other.close();
      }
    }
  }

  @Test
  void requestsThatCannotBeUpgradedAreRefusedAsTheRealServerDoes() throws Exception {
    runningPod("plain", POD_IP, echoPort());
    kubectl.apply("apiVersion: v1\nkind: Pod\nmetadata: {name: nowhere, namespace: " + ns + "}\nspec:\n"
        + "  containers: [{name: app, image: sandbox.local/app}]\n");
    String path = "/api/v1/namespaces/" + ns + "/pods/";

    assertThat(raw("POST", path + "plain/portforward", "")).startsWith("HTTP/1.1 400 ")
        .contains("\"message\":\"Upgrade request required\"").contains("\"reason\":\"BadRequest\"");
    String spdy = "Connection: Upgrade\r\nUpgrade: SPDY/3.1\r\n";
    assertThat(raw("POST", path + "plain/portforward", spdy)).startsWith("HTTP/1.1 400 ")
        .endsWith("\r\n\r\nunable to upgrade: header X-Stream-Protocol-Version does not exist in request with 3 "
            + "headers\n");
    assertThat(raw("POST", path + "plain/portforward", spdy + "X-Stream-Protocol-Version: v4.channel.k8s.io\r\n"))
        .startsWith("HTTP/1.1 403 ").containsIgnoringCase("X-Accepted-Stream-Protocol-Versions: portforward.k8s.io")
        .endsWith("unable to upgrade: unable to negotiate protocol: client supports [v4.channel.k8s.io], server "
            + "accepts [portforward.k8s.io]\n");
    String portForward = spdy + "X-Stream-Protocol-Version: portforward.k8s.io\r\n";
    assertThat(raw("POST", path + "nowhere/portforward", portForward)).startsWith("HTTP/1.1 400 ")
        .contains("\"message\":\"pod nowhere does not have a host assigned\"");
    assertThat(raw("POST", path + "gone/portforward", portForward)).startsWith("HTTP/1.1 404 ")
        .contains("\"message\":\"pods \\\"gone\\\" not found\"");
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * One HTTP/1.1 request written by hand (the JDK client will not send {@code Connection} or {@code Upgrade}); the
   * answer's head and its {@code Content-Length} body.
   */
  private String raw(String method, String path, String headers) throws IOException {
    URI server = URI.create(cluster.url());
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + server.getAuthority()
          + "\r\nContent-Length: 0\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
      byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
      return head + new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Forwards to a running echo pod, runs {@link #exercise} through it, and returns the requests it took. */
  private Map<String, Long> forwardAndExercise(String pod, Map<String, String> environment) throws Exception {
    runningPod(pod, POD_IP, echoPort());
    Map<String, Long> before = cluster.requests().snapshot();
    KubectlProcess forward = portForward(environment, "pod/" + pod, ":" + echoPort());
    exercise(forwardedPort(forward, echoPort()));
    assertThat(forward.isAlive()).as(forward.output()).isTrue();
    return RequestCounts.since(before, cluster.requests().snapshot());
  }

  /** Accepts the connection {@code client} opens through kubectl, after sending one byte so that it is opened. */
  private static Socket acceptWhile(ServerSocket pod, Socket client) throws IOException {
    client.getOutputStream().write('x');
    client.getOutputStream().flush();
    return pod.accept();
  }

  /** Sequential requests, concurrent ones on separate connections, and a 1 MiB body each way, twice at once. */
  private void exercise(int local) throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response = get(local, "/seq/" + i);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello from /seq/" + i);
    }
    List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      concurrent.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local + "/par/" + i))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < 8; i++) {
      assertThat(concurrent.get(i).get().body()).isEqualTo("hello from /par/" + i);
    }
    byte[] first = randomBytes(1 << 20, 1);
    byte[] second = randomBytes(1 << 20, 2);
    CompletableFuture<HttpResponse<byte[]>> one = post(local, first);
    CompletableFuture<HttpResponse<byte[]>> two = post(local, second);
    assertThat(one.get().body()).isEqualTo(first);
    assertThat(two.get().body()).isEqualTo(second);
  }

  private HttpResponse<String> get(int local, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<byte[]>> post(int local, byte[] body) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local + "/upload"))
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private int echoPort() {
    return echo.getAddress().getPort();
  }

  private KubectlProcess portForward(Map<String, String> environment, String target, String ports)
      throws IOException {
    KubectlProcess process = KubectlProcess.start(kubeconfig, environment, "port-forward", "-n", ns, target, ports);
    processes.add(process);
    return process;
  }

  private static int forwardedPort(KubectlProcess forward, int remote) {
    await().atMost(Duration.ofSeconds(30)).until(() -> FORWARDING.matcher(forward.stdout()).find()
        || !forward.isAlive());
    Matcher matcher = FORWARDING.matcher(forward.stdout());
    assertThat(matcher.find()).as(forward.output()).isTrue();
    assertThat(Integer.parseInt(matcher.group(2))).isEqualTo(remote);
    return Integer.parseInt(matcher.group(1));
  }

  private String pod(String name, int port) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: " + ns + ", labels: {app: " + name
        + "}}\nspec:\n  nodeName: sandbox-node-1\n  containers:\n  - name: app\n    image: sandbox.local/echo\n"
        + "    ports:\n    - {containerPort: " + port + "}\n";
  }

  /** A pod as a kubelet reports it once it runs: Running, Ready, with a pod IP. */
  private void runningPod(String name, String ip, int port) {
    kubectl.apply(pod(name, port));
    kubectl.ok("patch", "pod", name, "-n", ns, "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"phase\":\"Running\",\"podIP\":\"" + ip + "\",\"podIPs\":[{\"ip\":\"" + ip + "\"}],"
            + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],\"containerStatuses\":[{\"name\":\"app\","
            + "\"ready\":true,\"restartCount\":0,\"image\":\"sandbox.local/echo\",\"imageID\":\"\","
            + "\"state\":{\"running\":{\"startedAt\":\"2026-01-01T00:00:00Z\"}}}]}}");
  }
}
