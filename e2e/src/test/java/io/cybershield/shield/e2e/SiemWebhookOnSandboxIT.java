package io.cybershield.shield.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.runtime.RuntimeConfig;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.fabric8.kubernetes.api.model.SecretBuilder;
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
 * What the checker does on {@code bin/shield-sandbox}, end to end, with the packaged operator and gateway: a
 * model with {@code spec.access.siemWebhook} (its Secret mounted into the gateway by the operator), and through
 * {@code kubectl port-forward svc/<model>-gateway} a Splunk-shaped alert posted to the token-in-path webhook, as
 * Splunk's webhook action posts it. The alert raises a ShieldIncident ({@code created: true}), the model's
 * private-cloud floor rises to the critical surge (the cloud HPA's minReplicas and the model's status), a redelivery
 * answers {@code created: false}, and a resolving alert ends the incident ({@code spec.resolved}, phase Resolved),
 * after which the floor returns. The webhook secret never shows in {@code kubectl logs}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiemWebhookOnSandboxIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path CRDS = ROOT.resolve("helm/shield-operator/crds");
  private static final Path OPERATOR_JAR = ROOT.resolve("operator/target/quarkus-app/quarkus-run.jar");
  private static final Path GATEWAY_JAR = ROOT.resolve("inference-runtime/target/quarkus-app/quarkus-run.jar");
  private static final Pattern FORWARDING = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) ->");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  /**
   * The webhook secret of this test; listed in inference-runtime/src/test/resources/security/siem-webhook-secrets.txt
   * so that the build's log scan fails if any log holds it.
   */
  private static final String SECRET = "shield-test-siem-e2e-Hk3mW8qZ5tR1yB7c";

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
        variants:
          - {name: full, priorities: [critical, high, normal, low], gpu: {count: 1, resource: nvidia.com/gpu}}
        placement:
          onPrem: {replicas: 1}
          privateCloud: {minReplicas: 1, maxReplicas: 2,
                         tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}
        dataClassification: confidential
        autoscaling:
          incidentSurge: {floors: {critical: 2, high: 2}, cooldown: 5s}
        access:
          siemWebhook: {secretName: siem-webhook}
      """;

  private static final String SPLUNK_ALERT = """
      {"sid": "scheduler__admin__search__RMD5e2e_at_1733280000_7", "search_name": "Ransomware file renames",
       "app": "search", "owner": "admin", "results_link": "https://splunk.example:8000/app/search/@go?sid=e2e",
       "result": {"alert_id": "ransomware-fin-fs-01", "host": "fin-fs-01", "count": "4211"%s}}""";

  private SandboxCluster cluster;
  private Kubectl kubectl;
  private Process operator;
  private Process forward;
  private final List<String> forwardOutput = new CopyOnWriteArrayList<>();
  private int localPort;
  private Path dir;
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
    dir = Files.createTempDirectory("siem-e2e");
    Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    kubectl = new Kubectl(kubeconfig, 120);
    operator = startOperator(kubeconfig, dir.resolve("operator.log"));
    kubectl.apply(MODEL);
    // as kubectl create secret generic siem-webhook --from-literal=token=... would; through the client, so that no
    // command line or output of this test holds the secret
    cluster.client().secrets().inNamespace("soc").resource(new SecretBuilder().withNewMetadata()
        .withName("siem-webhook").withNamespace("soc").endMetadata().addToStringData("token", SECRET).build())
        .create();
    Kubectl.Result ready = kubectl.run("wait", "--for=condition=Ready", "shieldmodel/threat-intel", "-n", "soc",
        "--timeout=240s");
    assertThat(ready.ok()).as("the model became Ready: %s\n%s\noperator log:\n%s", ready,
        kubectl.run("describe", "shieldmodel", "threat-intel", "-n", "soc").output(),
        Files.readString(dir.resolve("operator.log"))).isTrue();
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
  void aSplunkAlertThroughTheHookRaisesAnIncidentThatSurgesTheModelUntilItsResolvingAlertEndsIt() throws Exception {
    await().atMost(PATIENCE).until(() -> cloudFloor() == 1);
    String firing = SPLUNK_ALERT.formatted(", \"urgency\": \"critical\"");

    HttpResponse<String> created = hook(firing, "");
    assertThat(created.statusCode()).as("the first delivery").isEqualTo(201);
    JsonNode answer = JSON.readTree(created.body());
    assertThat(answer.path("incident").asText()).isEqualTo("soc/inc-splunk-ransomware-fin-fs-01");
    assertThat(answer.path("created").asBoolean()).isTrue();
    assertThat(kubectl.ok("get", "shieldincident", "inc-splunk-ransomware-fin-fs-01", "-n", "soc", "-o",
        "jsonpath={.spec.severity} {.spec.source.system} {.spec.source.alertId}"))
        .isEqualTo("critical splunk ransomware-fin-fs-01");

    // the model's private-cloud floor rises to the critical surge
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(cloudFloor()).isEqualTo(2);
      assertThat(kubectl.ok("get", "shieldincident", "inc-splunk-ransomware-fin-fs-01", "-n", "soc", "-o",
          "jsonpath={.status.phase}")).isEqualTo("Active");
      assertThat(kubectl.ok("get", "shieldmodel", "threat-intel", "-n", "soc", "-o",
          "jsonpath={.status.conditions[?(@.type==\"Surging\")].status}")).isEqualTo("True");
    });

    HttpResponse<String> redelivered = hook(firing, "");
    assertThat(redelivered.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(redelivered.body()).path("created").asBoolean()).as("a redelivery").isFalse();

    HttpResponse<String> wrong = hook(firing, "x");
    assertThat(wrong.statusCode()).as("a wrong secret in the path").isEqualTo(401);

    HttpResponse<String> resolved = hook(SPLUNK_ALERT.formatted(", \"shield_action\": \"resolve\""), "");
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(resolved.body()).path("resolved").asBoolean()).isTrue();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(kubectl.ok("get", "shieldincident",
        "inc-splunk-ransomware-fin-fs-01", "-n", "soc", "-o", "jsonpath={.spec.resolved} {.status.phase}"))
        .isEqualTo("true Resolved"));
    // after the five-second cooldown the floor returns
    await().atMost(PATIENCE).until(() -> cloudFloor() == 1);

    // the gateway's audit lines name the webhook's principal and never its secret
    await().atMost(PATIENCE).untilAsserted(() -> {
      String logs = gatewayLogs();
      assertThat(logs).contains("\"path\":\"/v1/siem/alerts/hook/***\"")
          .contains("\"principal\":\"siem-webhook:siem-webhook\"")
          .contains("\"outcome\":\"resolved\"");
      assertThat(logs.contains(SECRET)).as("the secret in the gateway's logs").isFalse();
    });
  }

  private HttpResponse<String> hook(String body, String suffix) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort + "/v1/siem/alerts/hook/"
            + SECRET + suffix)).header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int cloudFloor() {
    Kubectl.Result hpa = kubectl.run("get", "hpa", "threat-intel-full-cloud", "-n", "soc", "-o",
        "jsonpath={.spec.minReplicas}");
    return hpa.ok() && !hpa.output().isBlank() ? Integer.parseInt(hpa.output().strip()) : -1;
  }

  private String gatewayLogs() {
    StringBuilder log = new StringBuilder();
    for (String pod : kubectl.ok("get", "pods", "-n", "soc", "-o", "name").lines()
        .filter(name -> name.contains("threat-intel-gateway-")).toList()) {
      log.append(kubectl.run("logs", pod, "-n", "soc").output());
    }
    return log.toString();
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
