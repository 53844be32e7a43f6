package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator as it ships — the packaged Quarkus application, its CDI wiring, its configuration, both ShieldModel
 * controllers and the incident controller — booted as its own process against the sandbox with a kubeconfig, as on
 * a real cluster: a model becomes Ready, an incident raises its floor, and health and metrics answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedOperatorIT {

  private static final String NS = "shipped";

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
    operator = PackagedOperator.start(cluster.writeKubeconfig(Files.createTempDirectory("shipped")
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
  void theShippedOperatorServesAModelAndSurgesItForAnIncident() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    client.resource(Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: shipped, namespace: %s, labels: {team: soc}}
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
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readyReason())
        .isEqualTo("AllReplicasReady"));
    String hpa = ShieldNames.horizontalPodAutoscaler("shipped", "main");
    assertThat(client.resources(HorizontalPodAutoscaler.class).inNamespace(NS).withName(hpa).get().getSpec()
        .getMinReplicas()).isEqualTo(1);

    client.resource(Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldIncident
        metadata: {name: inc-shipped, namespace: %s}
        spec:
          severity: critical
          source: {system: test, alertId: "1"}
          summary: the shipped operator's surge
        """.formatted(NS), ShieldIncident.class)).create();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.resources(HorizontalPodAutoscaler.class).inNamespace(NS).withName(hpa).get().getSpec()
          .getMinReplicas()).isEqualTo(2);
      ShieldModel model = client.resources(ShieldModel.class).inNamespace(NS).withName("shipped").get();
      assertThat(model.getStatus().condition("Surging")).hasValueSatisfying(c -> {
        assertThat(c.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(c.reason()).isEqualTo("IncidentActive");
      });
      assertThat(model.getStatus().surge().floor()).isEqualTo(2);
      assertThat(operator.sum("shield_incidents_active")).isEqualTo(1.0);
      assertThat(operator.sum("shield_incident_floor_latency_seconds_count", "severity=\"critical\""))
          .isEqualTo(1.0);
    });
    assertThat(operator.sum("reconciliations_started_total", "controller_name=\"shieldmodel-floors\""))
        .isGreaterThanOrEqualTo(2.0);
    assertThat(operator.get("/q/health/ready").body()).contains("\"status\": \"UP\"");

    // deleting an active incident ends it: the gauge drops, and after the one-second cooldown so does the floor
    client.resources(ShieldIncident.class).inNamespace(NS).withName("inc-shipped").delete();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(operator.sum("shield_incidents_active")).isEqualTo(0.0);
      assertThat(client.resources(HorizontalPodAutoscaler.class).inNamespace(NS).withName(hpa).get().getSpec()
          .getMinReplicas()).isEqualTo(1);
    });
  }

  /**
   * The sandbox admits every request, so only the RBAC the build generates from the controllers' {@code @RBACRule}s
   * and informers shows whether the operator may read what it watches on a real cluster.
   */
  @Test
  void theShippedRbacLetsTheModelControllerReadTheShieldRetrainsModelsFollow() throws IOException {
    Path manifests = OperatorOnSandbox.ROOT.resolve("operator/target/kubernetes/kubernetes.yml");
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(manifests)) {
      objects = client.load(in).items();
    }
    ClusterRole role = objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
        .filter(r -> "shieldmodel-cluster-role".equals(r.getMetadata().getName())).findFirst().orElseThrow();
    List<PolicyRule> retrains = role.getRules().stream()
        .filter(rule -> rule.getApiGroups().contains("shield.cybershield.io")
            && rule.getResources().contains("shieldretrains")).toList();
    assertThat(retrains).as("the rules of %s on shieldretrains", manifests).singleElement()
        .satisfies(rule -> assertThat(rule.getVerbs()).as("read only: promotion never writes a model or a retrain")
            .containsExactlyInAnyOrder("get", "list", "watch"));
  }

  @Test
  void theShippedRbacLetsTheRetrainControllerMakeJobsButNeverChangeThem() throws IOException {
    Path manifests = OperatorOnSandbox.ROOT.resolve("operator/target/kubernetes/kubernetes.yml");
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(manifests)) {
      objects = client.load(in).items();
    }
    ClusterRole role = objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
        .filter(r -> "shieldretrain-cluster-role".equals(r.getMetadata().getName())).findFirst().orElseThrow();
    assertThat(role.getRules()).allSatisfy(rule -> {
      assertThat(rule.getVerbs()).doesNotContain("*");
      assertThat(rule.getResources()).doesNotContain("*");
    });
    assertThat(verbs(role, "batch", "jobs")).containsExactlyInAnyOrder("get", "list", "watch", "create", "delete");
    assertThat(verbs(role, "", "configmaps")).containsExactlyInAnyOrder("get", "create", "delete");
    assertThat(verbs(role, "shield.cybershield.io", "shieldmodels")).containsExactlyInAnyOrder("get", "list",
        "watch");
    assertThat(verbs(role, "", "pods")).containsExactlyInAnyOrder("get", "list", "watch");
  }

  /**
   * KEDA's ScaledObjects are the floor controller's alone, as the HPAs are; both controllers may read only the two
   * optional CRDs whose presence they check, by name.
   */
  @Test
  void theShippedRbacLetsOnlyTheFloorControllerWriteScaledObjects() throws IOException {
    Path manifests = OperatorOnSandbox.ROOT.resolve("operator/target/kubernetes/kubernetes.yml");
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(manifests)) {
      objects = client.load(in).items();
    }
    ClusterRole floors = clusterRole(objects, "shieldmodel-floors-cluster-role");
    ClusterRole models = clusterRole(objects, "shieldmodel-cluster-role");
    assertThat(verbs(floors, "keda.sh", "scaledobjects")).containsExactlyInAnyOrder("get", "list", "watch", "create",
        "patch", "update", "delete");
    assertThat(verbs(models, "keda.sh", "scaledobjects")).isEmpty();
    assertThat(floors.getRules()).filteredOn(rule -> rule.getResources().contains("customresourcedefinitions"))
        .singleElement().satisfies(rule -> {
          assertThat(rule.getVerbs()).containsExactly("get");
          assertThat(rule.getResourceNames()).containsExactly("scaledobjects.keda.sh");
        });
    assertThat(models.getRules()).filteredOn(rule -> rule.getResources().contains("customresourcedefinitions"))
        .singleElement().satisfies(rule -> {
          assertThat(rule.getVerbs()).containsExactly("get");
          assertThat(rule.getResourceNames()).containsExactlyInAnyOrder("scaledobjects.keda.sh",
              "servicemonitors.monitoring.coreos.com", "certificates.cert-manager.io");
        });
  }

  /**
   * The wake controller reads pods (the gateways' IPs) and KEDA's CRD by name, and writes nothing outside what the
   * SDK generates for every controller on its own primary (ShieldModels).
   */
  @Test
  void theShippedRbacLetsTheWakeControllerOnlyRead() throws IOException {
    Path manifests = OperatorOnSandbox.ROOT.resolve("operator/target/kubernetes/kubernetes.yml");
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(manifests)) {
      objects = client.load(in).items();
    }
    ClusterRole wake = clusterRole(objects, "shieldmodel-wake-cluster-role");
    assertThat(wake.getRules()).filteredOn(rule -> !rule.getApiGroups().contains("shield.cybershield.io"))
        .allSatisfy(rule -> assertThat(rule.getVerbs()).isSubsetOf("get", "list", "watch"));
    assertThat(verbs(wake, "", "pods")).containsExactlyInAnyOrder("get", "list", "watch");
    assertThat(verbs(wake, "autoscaling", "horizontalpodautoscalers")).isEmpty();
    assertThat(wake.getRules()).filteredOn(rule -> rule.getResources().contains("customresourcedefinitions"))
        .singleElement().satisfies(rule -> {
          assertThat(rule.getVerbs()).containsExactly("get");
          assertThat(rule.getResourceNames()).containsExactly("scaledobjects.keda.sh");
        });
  }

  /**
   * RBAC lets the operator create a gateway's Role only if it holds every permission the Role grants (no
   * escalation): the shipped ClusterRoles of the model controller cover each rule of the gateway's Role, the
   * SIEM webhook's ShieldIncident verbs among them.
   */
  @Test
  void theShippedRbacHoldsEverythingTheGatewaysRoleGrants() throws IOException {
    Path manifests = OperatorOnSandbox.ROOT.resolve("operator/target/kubernetes/kubernetes.yml");
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(manifests)) {
      objects = client.load(in).items();
    }
    ClusterRole models = clusterRole(objects, "shieldmodel-cluster-role");
    ShieldModel threatIntel = new ShieldModel();
    threatIntel.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("threat-intel")
        .withNamespace(NS).build());
    var gatewayRole = io.cybershield.shield.operator.model.ModelGateway.role(threatIntel);
    for (PolicyRule granted : gatewayRole.getRules()) {
      for (String group : granted.getApiGroups()) {
        for (String resource : granted.getResources()) {
          assertThat(verbs(models, group, resource)).as("what the operator holds on %s/%s", group, resource)
              .containsAll(granted.getVerbs());
        }
      }
    }
    assertThat(verbs(models, "shield.cybershield.io", "shieldincidents")).as("only what it grants")
        .containsExactlyInAnyOrder("get", "create", "patch");
  }

  private static ClusterRole clusterRole(List<HasMetadata> objects, String name) {
    return objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
        .filter(r -> name.equals(r.getMetadata().getName())).findFirst().orElseThrow();
  }

  private static List<String> verbs(ClusterRole role, String group, String resource) {
    return role.getRules().stream().filter(rule -> rule.getApiGroups().contains(group)
        && rule.getResources().contains(resource)).flatMap(rule -> rule.getVerbs().stream()).distinct().toList();
  }

  private String readyReason() {
    ShieldModel model = client.resources(ShieldModel.class).inNamespace(NS).withName("shipped").get();
    return model == null || model.getStatus() == null ? null
        : model.getStatus().condition("Ready").map(c -> c.reason()).orElse(null);
  }
}
