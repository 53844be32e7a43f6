package io.cybershield.shield.e2e;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a user checks on {@code bin/shield-sandbox}, end to end: the packaged operator deploys a model's DJL Serving
 * pods (served by stand-ins on their pod IPs) and its gateway (the packaged gateway, run as each gateway pod's
 * process); through {@code kubectl port-forward svc/<model>-gateway} a request reaches a model pod and comes back
 * with the variant and pool that served it — {@code low} work on the lite variant, restricted work on premises,
 * chat streamed as server-sent events ending in {@code data: [DONE]}, a malformed body refused with the error shape;
 * every call authenticated with a token of {@code kubectl create token} (the gateway asks the API server with a
 * TokenReview): 401 without one, 403 for a service account without a role; and {@code kubectl logs} shows what the
 * pods printed, the audit lines among them, none holding a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayOnSandboxIT {

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
      metadata: {name: threat-intel, namespace: soc, labels: {team: soc}}
      spec:
        model: {uri: "s3://models/threat-intel", version: "v7"}
        runtime: {image: "deepjavalibrary/djl-serving:0.36.0-lmi", dtype: fp16, maxModelLen: 8192}
        variants:
          - {name: full, priorities: [critical, high, normal], gpu: {count: 1, resource: nvidia.com/gpu}}
          - {name: lite, uri: "s3://models/threat-intel-lite", priorities: [low], quantize: awq,
             gpu: {count: 1, resource: nvidia.com/mig-3g.40gb}}
        placement:
          onPrem: {replicas: 1}
          privateCloud: {minReplicas: 1, maxReplicas: 2,
                         tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}
        dataClassification: confidential
        access:
          roles:
            - {name: analyst, apis: [generate, chat, guard], subjects: [{kind: ServiceAccount, name: analyst}]}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: analyst, namespace: soc}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: intruder, namespace: soc}
      """;

  private SandboxCluster cluster;
  private Kubectl kubectl;
  private Process operator;
  private Process forward;
  private final List<String> forwardOutput = new CopyOnWriteArrayList<>();
  private int localPort;
  private String analyst;
  private String intruder;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() throws Exception {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    boolean packaged = Files.isRegularFile(OPERATOR_JAR) && Files.isRegularFile(GATEWAY_JAR);
    if (!packaged && System.getenv("CI") != null) {
      fail("the packaged operator and gateway are missing (" + OPERATOR_JAR + ", " + GATEWAY_JAR
          + "): the e2e module runs after both are packaged");
    }
    assumeTrue(packaged, "the operator and the gateway are not packaged: mvn package them first");
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.defaults(),
        RuntimeConfig.standard(GATEWAY_JAR));
    cluster.installCrds(CRDS);
    Path dir = Files.createTempDirectory("gateway-e2e");
    Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    kubectl = new Kubectl(kubeconfig, 120);
    operator = startOperator(kubeconfig, dir.resolve("operator.log"));
    kubectl.apply(MODEL);
    Kubectl.Result ready = kubectl.run("wait", "--for=condition=Ready", "shieldmodel/threat-intel", "-n", "soc",
        "--timeout=240s");
    assertThat(ready.ok()).as("the model became Ready: %s\n%s\noperator log:\n%s", ready,
        kubectl.run("describe", "shieldmodel", "threat-intel", "-n", "soc").output(),
        Files.readString(dir.resolve("operator.log"))).isTrue();
    analyst = kubectl.ok("create", "token", "analyst", "-n", "soc").strip();
    intruder = kubectl.ok("create", "token", "intruder", "-n", "soc", "--duration", "15m").strip();
    ProcessBuilder portForward = new ProcessBuilder("kubectl", "port-forward", "svc/threat-intel-gateway", ":8080",
        "-n", "soc").redirectErrorStream(true);
    portForward.environment().put("KUBECONFIG", kubeconfig.toString());
    forward = portForward.start();
    localPort = awaitForwarding(forward);
  }

  @AfterAll
  void stop() {
    if (forward != null) {
      forward.destroy();
    }
    if (operator != null) {
      operator.destroy();
      try {
        if (!operator.waitFor(20, TimeUnit.SECONDS)) {
          operator.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aTokenOfKubectlCreateTokenIsServedInItsRoleAndOnlyThere() throws Exception {
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/v1/generate"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"who am I\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).path("error").path("code").asText()).isEqualTo("Unauthenticated");
    HttpResponse<String> forbidden = post("/v1/generate", "{\"prompt\": \"who am I\"}", intruder);
    assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
    assertThat(JSON.readTree(forbidden.body()).path("error").path("message").asText())
        .isEqualTo("You may not call the generate API of this model.");
    HttpResponse<String> whoami = http.send(HttpRequest.newBuilder(uri("/v1/whoami"))
        .header("Authorization", "Bearer " + analyst).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(whoami.statusCode()).as(whoami.body()).isEqualTo(200);
    JsonNode me = JSON.readTree(whoami.body());
    assertThat(me.path("user").asText()).isEqualTo("system:serviceaccount:soc:analyst");
    assertThat(me.path("authenticator").asText()).isEqualTo("kubernetes");
    assertThat(me.path("roles").toString()).isEqualTo("[\"analyst\"]");
    HttpResponse<String> served = post("/v1/generate", "{\"prompt\": \"who am I\", \"maxTokens\": 2}");
    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
    // the gateway's audit lines: one per request, the principal named, the token never
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      StringBuilder log = new StringBuilder();
      for (String pod : kubectl.ok("get", "pods", "-n", "soc", "-o", "name").lines()
          .filter(name -> name.contains("threat-intel-gateway-")).toList()) {
        log.append(kubectl.run("logs", pod, "-n", "soc").output());
      }
      assertThat(log.toString()).contains("\"principal\":\"system:serviceaccount:soc:analyst\"")
          .contains("\"status\":403")
          .doesNotContain(analyst).doesNotContain(intruder);
    });
  }

  @Test
  void generateSaysWhichVariantAndPoolServedIt() throws Exception {
    HttpResponse<String> normal = post("/v1/generate", "{\"prompt\": \"Summarise the alert\", \"maxTokens\": 8}");
    assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(normal.body());
    assertThat(body.path("variant").asText()).isEqualTo("full");
    assertThat(body.path("pool").asText()).isIn("onprem", "private-cloud");
    assertThat(body.path("text").asText()).isNotEmpty();
  }

  @Test
  void lowPriorityWorkGoesToTheLiteVariant() throws Exception {
    HttpResponse<String> low = post("/v1/generate", "{\"prompt\": \"Enrich these IPs\", \"priority\": \"low\"}");
    assertThat(low.statusCode()).as(low.body()).isEqualTo(200);
    assertThat(JSON.readTree(low.body()).path("variant").asText()).isEqualTo("lite");
  }

  @Test
  void restrictedWorkIsServedOnPremisesOnly() throws Exception {
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> restricted = post("/v1/generate",
          "{\"prompt\": \"Read this HR case\", \"classification\": \"restricted\"}");
      assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(200);
      assertThat(JSON.readTree(restricted.body()).path("pool").asText()).isEqualTo("onprem");
    }
  }

  @Test
  void chatStreamsServerSentEventsEndingInDone() throws Exception {
    HttpResponse<String> chat = http.send(HttpRequest.newBuilder(uri("/v1/chat/completions"))
        .header("Content-Type", "application/json").header("X-Shield-Priority", "high")
        .header("Authorization", "Bearer " + analyst)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"threat-intel\", \"stream\": true, "
            + "\"messages\": [{\"role\": \"user\", \"content\": \"Which tactic is T1059?\"}]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    assertThat(chat.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(chat.headers().firstValue("X-Shield-Variant")).hasValue("full");
    List<String> data = chat.body().lines().filter(l -> l.startsWith("data: ")).toList();
    assertThat(data).hasSizeGreaterThan(1);
    assertThat(data.get(data.size() - 1)).isEqualTo("data: [DONE]");
    assertThat(JSON.readTree(data.get(0).substring(6)).path("object").asText()).isEqualTo("chat.completion.chunk");
  }

  @Test
  void aMalformedBodyIsRefusedWithTheErrorShape() throws Exception {
    HttpResponse<String> bad = post("/v1/generate", "{\"prompt\": ");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(bad.body()).path("error");
    assertThat(error.path("code").asText()).isNotEmpty();
    assertThat(error.path("message").asText()).isNotEmpty();
  }

  @Test
  void podsShowTheirLoopbackAddressesAndEndpointSlicesListTheReadyOnes() {
    String pods = kubectl.ok("get", "pods", "-n", "soc", "-o", "wide");
    assertThat(pods.lines().findFirst().orElseThrow().split("\\s+")).as("the columns of a real server's pod table")
        .startsWith("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE");
    assertThat(pods).containsPattern("threat-intel-gateway-\\S+\\s+1/1\\s+Running")
        .containsPattern("127\\.244\\.\\d+\\.\\d+");
    String slices = kubectl.ok("get", "endpointslices", "-n", "soc", "-l",
        "kubernetes.io/service-name=threat-intel-gateway", "-o", "jsonpath={.items[*].endpoints[*].addresses[0]}");
    assertThat(slices).matches("127\\.244\\.\\d+\\.\\d+");
  }

  @Test
  void kubectlLogsShowsWhatThePodsPrinted() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(kubectl.run("logs", "deploy/threat-intel-gateway", "-n", "soc").output())
          .containsIgnoringCase("listening on");
      assertThat(kubectl.run("logs", "deploy/threat-intel-full-onprem", "-n", "soc").output())
          .containsIgnoringCase("stand-in");
    });
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, body, analyst);
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + localPort + path);
  }

  private static Process startOperator(Path kubeconfig, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-jar", OPERATOR_JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
    // one gateway replica is enough here, and each one is a JVM on this machine
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
