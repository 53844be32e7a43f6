package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/metrics.md tells the truth about the operator: the packaged operator, booted against the sandbox and made to
 * serve a model, surge it for an incident and reject a retrain run, exports every metric the "Operator" section of
 * docs/metrics.md lists, with the type it says, and no {@code shield_} metric that section does not list. Metrics
 * that only a rare event makes appear are in {@link #EXEMPT}, each with why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsInventoryIT {

  private static final String NS = "inventory";
  private static final Path DOC = OperatorOnSandbox.ROOT.resolve("docs/metrics.md");
  /**
   * Documented operator metrics this test cannot make appear, and why. Each is a counter Micrometer registers on
   * its first increment; their names are JOSDK's constants (MicrometerMetricsV2), exported as the siblings are.
   */
  static final Map<String, String> EXEMPT = Map.of(
      "reconciliations_failure_total", "counted only when a reconciler throws; bad specs are reported in status "
          + "instead, and nothing the sandbox does makes a reconciler throw on purpose",
      "reconciliations_retries_total", "counted only when a failed reconciliation is retried (see above)");
  /** The sample suffixes Micrometer adds to a histogram's or summary's name. */
  private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

  private SandboxCluster cluster;
  private KubernetesClient client;
  private PackagedOperator operator;

  @BeforeAll
  void start() throws IOException {
    assertThat(PackagedOperator.packaged()).as("the packaged operator %s (mvn package builds it)",
        PackagedOperator.JAR).isTrue();
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.fast());
    cluster.installCrds(OperatorOnSandbox.ROOT.resolve("helm/shield-operator/crds"));
    client = cluster.client();
    operator = PackagedOperator.start(cluster.writeKubeconfig(Files.createTempDirectory("inventory")
        .resolve("kubeconfig")));
  }

  @AfterAll
  void stop() {
    if (operator != null) {
      operator.close();
    }
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyOperatorMetricIsDocumentedAndEveryDocumentedOneIsExported() throws IOException {
    exerciseEveryController();

    Map<String, String> documented = documented(DOC, "Operator");
    assertThat(documented).as("the Operator section of %s", DOC).containsKeys("shield_model_condition",
        "shield_incidents_active", "shield_retrain_runs_total", "reconciliations_started_total");
    String body = operator.get("/q/metrics").body();
    // kept for whoever updates docs/metrics.md after a failure here
    Files.writeString(Files.createDirectories(Path.of("target")).resolve("operator-metrics.prom"), body);
    Exposition exported = Exposition.parse(body);

    Set<String> undocumented = new TreeSet<>();
    for (String family : exported.families()) {
      if (family.startsWith("shield_") && documentedAs(family, documented) == null) {
        undocumented.add(family);
      }
    }
    assertThat(undocumented).as("shield_ metrics the operator exports and %s does not list", DOC).isEmpty();

    Map<String, String> missing = new TreeMap<>();
    documented.forEach((name, type) -> {
      if (EXEMPT.containsKey(name)) {
        return;
      }
      String actual = exported.type(name);
      if (!type.equals(actual)) {
        missing.put(name, type + " documented, " + (actual == null ? "not exported" : actual + " exported"));
      }
    });
    assertThat(missing).as("metrics %s lists for the operator, against what /q/metrics says (families: %s)", DOC,
        exported.types).isEmpty();
    assertThat(documented).as("every exemption is of a documented metric").containsKeys(
        EXEMPT.keySet().toArray(String[]::new));
  }

  /** A model Ready, an incident surging a second model, a retrain run rejected at its gate. */
  private void exerciseEveryController() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    client.resource(Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: surged, namespace: %s}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          variants:
            - name: main
              priorities: [critical, high, normal, low]
              gpu: {count: 1, resource: nvidia.com/gpu, product: NVIDIA-A100-SXM4-80GB}
          placement:
            onPrem: {replicas: 0}
            privateCloud:
              minReplicas: 1
              maxReplicas: 4
              tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
          dataClassification: internal
          autoscaling:
            incidentSurge: {floors: {critical: 2}, cooldown: 1s}
        """.formatted(NS), ShieldModel.class)).create();
    client.resource(Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: threat-intel, namespace: %s}
        spec:
          model: {uri: "s3://models/threat-intel", version: "v7", retrainRef: {name: ti-retrain}}
          variants:
            - {name: full, priorities: [critical, high, normal, low], gpu: {count: 1, resource: nvidia.com/gpu}}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 0}
          dataClassification: confidential
        """.formatted(NS), ShieldModel.class)).create();
    // the validation reports precision 0.85 against a bar of 0.90: the run is rejected at its gate
    client.resource(Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldRetrain
        metadata: {name: ti-retrain, namespace: %s}
        spec:
          modelRef: {name: threat-intel}
          schedule: "0 2 1 1,7 *"
          trainer:
            image: sandbox.local/job
            env: [{name: SANDBOX_TERMINATION_MESSAGE, value: '{"uri": "s3://models/threat-intel/r1"}'}]
            gpu: {count: 1, resource: nvidia.com/gpu}
            datasets:
              - {name: threat-reports, uri: "s3://datasets/threat-reports/2026h2", classification: restricted}
          validation:
            image: sandbox.local/job
            env: [{name: SANDBOX_TERMINATION_MESSAGE, value: '{"precision": 0.85, "recall": 0.9, "samples": 400}'}]
            dataset: {uri: "s3://datasets/incident-holdout/2026h2"}
            thresholds: {precision: 0.90, recall: 0.80}
          promotion: {policy: automatic, rolloutDeadline: 60s}
        """.formatted(NS), ShieldRetrain.class)).create();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readyReason("surged"))
        .isEqualTo("AllReplicasReady"));
    client.resources(ShieldRetrain.class).inNamespace(NS).withName("ti-retrain").edit(retrain -> {
      retrain.getMetadata().setAnnotations(Map.of(ShieldNames.TRIGGER_ANNOTATION, "inventory"));
      return retrain;
    });
    client.resource(Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldIncident
        metadata: {name: inc-inventory, namespace: %s}
        spec:
          severity: critical
          source: {system: test, alertId: "1"}
          summary: the inventory's surge
        """.formatted(NS), ShieldIncident.class)).create();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(operator.sum("shield_incident_floor_latency_seconds_count", "severity=\"critical\""))
          .isEqualTo(1.0);
      assertThat(operator.sum("shield_retrain_runs_total", "outcome=\"" + RunPhase.Rejected + "\""))
          .isEqualTo(1.0);
    });
  }

  private String readyReason(String name) {
    ShieldModel model = client.resources(ShieldModel.class).inNamespace(NS).withName(name).get();
    return model == null || model.getStatus() == null ? null
        : model.getStatus().condition("Ready").map(c -> c.reason()).orElse(null);
  }

  /** The documented name a family of samples belongs to: itself, or a histogram's or summary's name. */
  private static String documentedAs(String family, Map<String, String> documented) {
    if (documented.containsKey(family)) {
      return family;
    }
    for (String suffix : SUFFIXES) {
      if (family.endsWith(suffix)) {
        String base = family.substring(0, family.length() - suffix.length());
        if (documented.containsKey(base)) {
          return base;
        }
      }
    }
    return null;
  }

  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\\s*\\|\\s*(\\w+)\\s*\\|");

  /**
   * The metrics the {@code ## <section>} part of docs/metrics.md lists (up to the next {@code ## }): name (first
   * column, in backticks) to type (second column).
   */
  static Map<String, String> documented(Path doc, String section) throws IOException {
    Map<String, String> metrics = new TreeMap<>();
    boolean inside = false;
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("## ")) {
        inside = line.substring(3).trim().equals(section);
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (inside && row.find()) {
        metrics.put(row.group(1), row.group(2));
      }
    }
    return metrics;
  }

  /**
   * The families of a Prometheus text exposition and their types: the {@code # TYPE} lines, and every sample name,
   * which for a counter ends in {@code _total} and for a histogram in {@code _bucket}, {@code _count}, {@code _sum}.
   */
  record Exposition(Map<String, String> types, Set<String> samples) {

    static Exposition parse(String text) {
      Map<String, String> types = new TreeMap<>();
      Set<String> samples = new TreeSet<>();
      for (String line : text.split("\n")) {
        if (line.startsWith("# TYPE ")) {
          String[] parts = line.split(" ");
          types.put(parts[2], parts[3]);
        } else if (!line.isBlank() && !line.startsWith("#")) {
          int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
          samples.add(line.substring(0, end));
        }
      }
      return new Exposition(types, samples);
    }

    Set<String> families() {
      return samples;
    }

    /**
     * The type of a documented metric, when it has samples: a counter {@code x_total} may be typed as {@code x}
     * (OpenMetrics' naming), a histogram or summary has samples with suffixes only.
     */
    String type(String name) {
      String type = types.get(name);
      if (type == null && name.endsWith("_total")) {
        type = types.get(name.substring(0, name.length() - "_total".length()));
      }
      boolean sampled = samples.contains(name) || SUFFIXES.stream().anyMatch(s -> samples.contains(name + s));
      return sampled ? type : null;
    }
  }
}
