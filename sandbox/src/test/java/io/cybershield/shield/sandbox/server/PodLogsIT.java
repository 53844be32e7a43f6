package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.cybershield.shield.sandbox.testing.Kubectl.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kubectl logs} against the sandbox with a {@link FakeContainerLogs} behind the pods: plain, {@code --tail},
 * {@code -f} while the container prints and until it exits, {@code deploy/x}, and every refusal worded as the real
 * API server (container choice) and kubelet (container state) word them. Where kubectl 1.32 decides on the client
 * (it defaults to a pod's first container), the server's own answer is checked over plain HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodLogsIT {

  private final FakeContainerLogs logs = new FakeContainerLogs();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<KubectlProcess> processes = new ArrayList<>();
  private SandboxCluster cluster;
  private Path kubeconfig;
  private Kubectl kubectl;
  private String ns;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    cluster = SandboxCluster.start(0).containerLogs(logs);
    kubeconfig = cluster.writeKubeconfig(Files.createTempDirectory("sandbox").resolve("kubeconfig"));
    kubectl = new Kubectl(kubeconfig);
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = "logs-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    if (ns.length() > 60) {
      ns = ns.substring(0, 60);
    }
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
  void logsAndTailPrintWhatTheContainerPrinted() {
    runningPod("app", "app");
    logs.log(ns, "app", "app").print("one", "two", "three");

    assertThat(kubectl.ok("logs", "pod/app", "-n", ns)).isEqualTo("one\ntwo\nthree\n");
    assertThat(kubectl.ok("logs", "app", "-n", ns, "--tail=2")).isEqualTo("two\nthree\n");
    assertThat(kubectl.ok("logs", "app", "-n", ns, "--tail=0")).isEmpty();
    assertThat(kubectl.ok("logs", "app", "-n", ns, "--limit-bytes=6")).isEqualTo("one\ntw");
  }

  @Test
  void followPassesOnNewLinesUntilTheContainerEnds() throws Exception {
    runningPod("chatty", "app");
    FakeContainerLogs.Log log = logs.log(ns, "chatty", "app").print("booted");
    KubectlProcess follow = start("logs", "-f", "pod/chatty", "-n", ns, "--tail=1");
    await().atMost(Duration.ofSeconds(20)).until(() -> follow.stdout().equals("booted\n"));
    await().atMost(Duration.ofSeconds(5)).until(() -> log.followers() == 1);

    log.print("request 1", "request 2");
    await().atMost(Duration.ofSeconds(10)).until(() -> follow.stdout().equals("booted\nrequest 1\nrequest 2\n"));
    assertThat(follow.isAlive()).isTrue();

    log.exit();
    await().atMost(Duration.ofSeconds(10)).until(() -> !follow.isAlive());
    assertThat(follow.exitCode()).as(follow.output()).isZero();
  }

  @Test
  void aFollowerThatLeavesIsUnsubscribed() throws Exception {
    runningPod("left", "app");
    FakeContainerLogs.Log log = logs.log(ns, "left", "app").print("hello");
    KubectlProcess follow = start("logs", "-f", "left", "-n", ns);
    await().atMost(Duration.ofSeconds(20)).until(() -> log.followers() == 1);
    follow.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> log.followers() == 0);
  }

  @Test
  void aDeploymentsLogsAreItsPodsAsKubectlFindsIt() {
    kubectl.apply("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: " + ns + "}\nspec:\n"
        + "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n"
        + "      containers: [{name: app, image: sandbox.local/web}]\n");
    runningPod("web-7d4f8c9b6-abcde", "app");
    logs.log(ns, "web-7d4f8c9b6-abcde", "app").print("served /");

    assertThat(kubectl.ok("logs", "deploy/web", "-n", ns)).isEqualTo("served /\n");
  }

  @Test
  void kubectlPicksTheFirstOfSeveralContainersAndChecksNamesItself() {
    multiContainerPod("multi");
    logs.log(ns, "multi", "app").print("from app");
    logs.log(ns, "multi", "sidecar").print("from sidecar");

    Result defaulted = kubectl.run("logs", "multi", "-n", ns);
    assertThat(defaulted.stdout()).isEqualTo("from app\n");
    assertThat(defaulted.stderr()).contains("Defaulted container \"app\" out of: app, sidecar, init (init)");
    assertThat(kubectl.ok("logs", "multi", "-n", ns, "-c", "sidecar")).isEqualTo("from sidecar\n");
    Result wrong = kubectl.run("logs", "multi", "-n", ns, "-c", "nope");
    assertThat(wrong.exitCode()).isNotZero();
    assertThat(wrong.stderr()).contains("error: container nope is not valid for pod multi");
  }

  @Test
  void theServerRefusesAnUnnamedOrUnknownContainerAsTheRegistryDoes() throws Exception {
    multiContainerPod("multi");

    JsonNode unnamed = status("/api/v1/namespaces/" + ns + "/pods/multi/log", 400);
    assertThat(unnamed.path("reason").asText()).isEqualTo("BadRequest");
    assertThat(unnamed.path("message").asText()).isEqualTo("a container name must be specified for pod multi, "
        + "choose one of: [app sidecar] or one of the init containers: [init]");
    assertThat(status("/api/v1/namespaces/" + ns + "/pods/multi/log?container=nope", 400).path("message").asText())
        .isEqualTo("container nope is not valid for pod multi");
    JsonNode missing = status("/api/v1/namespaces/" + ns + "/pods/gone/log", 404);
    assertThat(missing.path("message").asText()).isEqualTo("pods \"gone\" not found");
    assertThat(missing.path("reason").asText()).isEqualTo("NotFound");

    // kubectl's resource builder rewords the NotFound it got, as it does against a real cluster
    assertThat(kubectl.run("logs", "gone", "-n", ns).stderr())
        .contains("error: error from server (NotFound): pods \"gone\" not found in namespace \"" + ns + "\"");
  }

  @Test
  void containersThatHaveNotStartedAreRefusedAsTheKubeletWordsIt() {
    pod("creating", "app");
    writeStatus("creating", "Pending", "{\"waiting\":{\"reason\":\"ContainerCreating\"}}", "");
    Result creating = kubectl.run("logs", "creating", "-n", ns);
    assertThat(creating.exitCode()).isNotZero();
    assertThat(creating.stderr()).contains("Error from server (BadRequest): container \"app\" in pod \"creating\" "
        + "is waiting to start: ContainerCreating");

    pod("initializing", "app");
    writeStatus("initializing", "Pending", "{\"waiting\":{\"reason\":\"PodInitializing\"}}", "");
    assertThat(kubectl.run("logs", "initializing", "-n", ns).stderr()).contains("Error from server (BadRequest): "
        + "container \"app\" in pod \"initializing\" is waiting to start: PodInitializing");

    pod("pulling", "app");
    writeStatus("pulling", "Pending", "{\"waiting\":{\"reason\":\"ImagePullBackOff\"}}", "");
    assertThat(kubectl.run("logs", "pulling", "-n", ns).stderr()).contains("Error from server (BadRequest): "
        + "container \"app\" in pod \"pulling\" is waiting to start: trying and failing to pull image");
  }

  @Test
  void previousNeedsAContainerThatTerminatedBefore() {
    runningPod("fresh", "app");
    Result previous = kubectl.run("logs", "fresh", "-n", ns, "--previous");
    assertThat(previous.exitCode()).isNotZero();
    assertThat(previous.stderr()).contains("Error from server (BadRequest): previous terminated container \"app\" "
        + "in pod \"fresh\" not found");

    pod("restarted", "app");
    writeStatus("restarted", "Running", "{\"running\":{\"startedAt\":\"2026-01-01T00:01:00Z\"}}",
        ",\"lastState\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\",\"containerID\":\"containerd://abc\","
            + "\"startedAt\":\"2026-01-01T00:00:00Z\",\"finishedAt\":\"2026-01-01T00:00:30Z\"}}");
    logs.log(ns, "restarted", "app").print("this run");
    assertThat(kubectl.ok("logs", "restarted", "-n", ns, "--previous")).isEmpty();
    assertThat(kubectl.ok("logs", "restarted", "-n", ns)).isEqualTo("this run\n");
  }

  @Test
  void aPodOnNoNodeHasAnEmptyLog() throws Exception {
    kubectl.apply("apiVersion: v1\nkind: Pod\nmetadata: {name: unscheduled, namespace: " + ns + "}\nspec:\n"
        + "  containers: [{name: app, image: sandbox.local/app}]\n");
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create(cluster.url() + "/api/v1/namespaces/" + ns + "/pods/unscheduled/log")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    assertThat(response.body()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private JsonNode status(String path, int code) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode status = json.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("code").asInt()).isEqualTo(code);
    return status;
  }

  private KubectlProcess start(String... args) throws Exception {
    KubectlProcess process = KubectlProcess.start(kubeconfig, Map.of(), args);
    processes.add(process);
    return process;
  }

  private void pod(String name, String container) {
    kubectl.apply("apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: " + ns
        + ", labels: {app: " + name.split("-")[0] + "}}\nspec:\n  nodeName: sandbox-node-1\n  containers:\n"
        + "  - {name: " + container + ", image: sandbox.local/app}\n");
  }

  private void runningPod(String name, String container) {
    pod(name, container);
    writeStatus(name, "Running", "{\"running\":{\"startedAt\":\"2026-01-01T00:00:00Z\"}}", "");
  }

  private void multiContainerPod(String name) {
    kubectl.apply("apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: " + ns + "}\nspec:\n"
        + "  nodeName: sandbox-node-1\n  initContainers: [{name: init, image: sandbox.local/init}]\n"
        + "  containers: [{name: app, image: sandbox.local/app}, {name: sidecar, image: sandbox.local/sidecar}]\n");
    kubectl.ok("patch", "pod", name, "-n", ns, "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"phase\":\"Running\",\"containerStatuses\":[" + containerStatus("app",
            "{\"running\":{\"startedAt\":\"2026-01-01T00:00:00Z\"}}", "") + "," + containerStatus("sidecar",
            "{\"running\":{\"startedAt\":\"2026-01-01T00:00:00Z\"}}", "") + "]}}");
  }

  private void writeStatus(String pod, String phase, String state, String extra) {
    kubectl.ok("patch", "pod", pod, "-n", ns, "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"phase\":\"" + phase + "\",\"containerStatuses\":[" + containerStatus("app", state, extra)
            + "]}}");
  }

  private static String containerStatus(String name, String state, String extra) {
    return "{\"name\":\"" + name + "\",\"ready\":false,\"restartCount\":0,\"image\":\"sandbox.local/app\","
        + "\"imageID\":\"\",\"state\":" + state + extra + "}";
  }
}
