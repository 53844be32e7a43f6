package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.Container;
import io.cybershield.shield.operator.reconciler.ShieldModelReconciler;
import io.cybershield.shield.operator.reconciler.SurgeFloorReconciler;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ShieldModel operator against the sandbox: objects appear with the names DESIGN.md fixes, status tells the
 * truth (Ready, Progressing during a rollout, CapacityAvailable with the shortfall), a removed variant's objects go,
 * and deleting the model collects everything it owned. Every shipped example becomes Ready.
 */
class ShieldModelOperatorIT extends OperatorTestSupport {

  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  @Override
  protected String namespacePrefix() {
    return "op-";
  }

  private String twoVariantModel(String name, String version, int cloudMin, int fullGpus) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: %1$s, namespace: %2$s, labels: {team: soc}}
        spec:
          model: {uri: "s3://models/%1$s", version: "%3$s", baseModel: EleutherAI/gpt-neox-20b}
          runtime: {tensorParallelDegree: 2, dtype: fp16, maxModelLen: 8192, options: {max_rolling_batch_size: "64"}}
          variants:
            - {name: full, priorities: [critical, high, normal], gpu: {count: %5$d, resource: nvidia.com/gpu}}
            - {name: lite, uri: "s3://models/%1$s-lite", priorities: [low], quantize: awq, tensorParallelDegree: 1,
               gpu: {count: 1, resource: nvidia.com/mig-3g.40gb}}
          placement:
            onPrem: {replicas: 2}
            privateCloud: {minReplicas: %4$d, maxReplicas: 4,
                           tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}
          dataClassification: confidential
          autoscaling:
            target: {metric: inflight-requests, averageValue: 8}
        """.formatted(name, ns, version, cloudMin, fullGpus);
  }

  private ShieldModel model(String name) {
    return sandbox.client.resources(ShieldModel.class).inNamespace(ns).withName(name).get();
  }

  private Condition condition(String name, String type) {
    ShieldModel m = model(name);
    if (m == null || m.getStatus() == null || m.getStatus().conditions() == null) {
      return null;
    }
    return m.getStatus().conditions().stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
  }

  private void awaitCondition(String name, String type, String status) {
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      Condition c = condition(name, type);
      assertThat(c).as("%s condition of %s", type, name).isNotNull();
      assertThat(statusOf(c)).as(c.reason() + ": " + c.message()).isEqualTo(status);
    });
  }

  /** The condition's status as the API writes it: True, False or Unknown. */
  private static String statusOf(Condition c) {
    return Serialization.asJson(c.status()).replace("\"", "");
  }

  private Deployment deployment(String name) {
    return sandbox.client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  @Test
  void everyModelGetsItsGatewayAndItsRoutesFollowTheSpec() throws Exception {
    sandbox.kubectl.apply(twoVariantModel("gw", "v7", 0, 2));
    awaitCondition("gw", "Ready", "True");

    Deployment gateway = deployment("gw-gateway");
    assertThat(gateway.getSpec().getReplicas()).isEqualTo(2);
    assertThat(gateway.getStatus().getAvailableReplicas()).isEqualTo(2);
    assertThat(sandbox.client.services().inNamespace(ns).withName("gw-gateway").get().getSpec().getPorts())
        .singleElement().satisfies(port -> assertThat(port.getPort()).isEqualTo(8080));
    assertThat(sandbox.client.serviceAccounts().inNamespace(ns).withName("gw-gateway").get()).isNotNull();
    assertThat(sandbox.client.rbac().roles().inNamespace(ns).withName("gw-gateway").get()).isNotNull();
    assertThat(sandbox.client.rbac().roleBindings().inNamespace(ns).withName("gw-gateway").get()).isNotNull();
    // the gateway may create TokenReviews: its ServiceAccount is a subject of the shared auth-delegator binding
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      var delegation = sandbox.client.rbac().clusterRoleBindings().withName("shield-gateways-auth-delegator").get();
      assertThat(delegation).isNotNull();
      assertThat(delegation.getRoleRef().getName()).isEqualTo("system:auth-delegator");
      assertThat(delegation.getSubjects()).anySatisfy(subject -> {
        assertThat(subject.getName()).isEqualTo("gw-gateway");
        assertThat(subject.getNamespace()).isEqualTo(ns);
      });
    });
    assertThat(sandbox.client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("gw-gateway").get())
        .isNotNull();
    assertThat(sandbox.client.network().v1().networkPolicies().inNamespace(ns).withName("gw-gateway").get())
        .isNotNull();
    ShieldModel model = model("gw");
    assertThat(model.getStatus().gateway().service()).isEqualTo("gw-gateway");
    assertThat(model.getStatus().gateway().url()).isEqualTo("http://gw-gateway." + ns + ".svc:8080");
    assertThat(routes("gw").variants()).extracting(v -> v.name()).containsExactly("full", "lite");

    // a variant removed from the spec leaves the routes without restarting anything
    sandbox.kubectl.ok("patch", "-n", ns, "shieldmodel", "gw", "--type=json", "-p",
        "[{\"op\": \"remove\", \"path\": \"/spec/variants/1\"}, {\"op\": \"replace\", \"path\": "
            + "\"/spec/variants/0/priorities\", \"value\": [\"critical\", \"high\", \"normal\", \"low\"]}]");
    await().atMost(READY_WITHIN).untilAsserted(() -> assertThat(routes("gw").variants())
        .extracting(v -> v.name()).containsExactly("full"));
    assertThat(deployment("gw-gateway").getMetadata().getUid()).isEqualTo(gateway.getMetadata().getUid());
  }

  private io.cybershield.shield.api.routing.GatewayRoutes routes(String model) throws IOException {
    var configMap = sandbox.client.configMaps().inNamespace(ns).withName(model + "-gateway-routes").get();
    return new com.fasterxml.jackson.databind.ObjectMapper().readValue(configMap.getData()
        .get(io.cybershield.shield.api.routing.GatewayRoutes.KEY), io.cybershield.shield.api.routing.GatewayRoutes.class);
  }

  @Test
  void aTwoVariantTwoPoolModelBecomesReadyWithEveryObjectDesignNames() {
    sandbox.kubectl.apply(twoVariantModel("threat-intel", "v7", 1, 2));
    awaitCondition("threat-intel", "Ready", "True");
    for (String variant : List.of("full", "lite")) {
      for (String pool : List.of("onprem", "cloud")) {
        assertThat(deployment("threat-intel-" + variant + "-" + pool)).as(variant + "/" + pool).isNotNull();
      }
      assertThat(sandbox.client.services().inNamespace(ns).withName("threat-intel-" + variant).get().getSpec()
          .getClusterIP()).as("the Service keeps the cluster IP the server gave it").isNotBlank();
      assertThat(sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
          .withName(ShieldNames.horizontalPodAutoscaler("threat-intel", variant)).get()).isNotNull();
    }
    assertThat(sandbox.client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems()).isNotEmpty();
    assertThat(sandbox.client.network().v1().networkPolicies().inNamespace(ns)
        .withName(ShieldNames.modelNetworkPolicy("threat-intel")).get()).isNotNull();
    assertThat(sandbox.client.serviceAccounts().inNamespace(ns)
        .withName(ShieldNames.modelServiceAccount("threat-intel")).get()).isNotNull();

    Deployment full = deployment("threat-intel-full-onprem");
    Container server = full.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(server.getResources().getLimits().get("nvidia.com/gpu").getAmount()).isEqualTo("2");
    assertThat(server.getStartupProbe().getHttpGet().getPath()).isEqualTo("/ping");
    assertThat(server.getReadinessProbe()).isNotNull();
    assertThat(server.getLivenessProbe()).isNotNull();
    assertThat(server.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(server.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
    assertThat(full.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();

    ShieldModel ready = model("threat-intel");
    assertThat(ready.getStatus().observedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(ready.getStatus().servedVersion()).isEqualTo("v7");
    assertThat(sandbox.kubectl.ok("get", "shieldmodel", "threat-intel", "-n", ns)).contains("True").contains("v7");
    assertThat(sandbox.metrics.get("shield_model_condition").tags("namespace", ns, "model", "threat-intel",
        "condition", "Ready", "status", "True").gauge().value()).isEqualTo(1.0);
    assertThat(sandbox.metrics.get("shield_model_condition").tags("namespace", ns, "model", "threat-intel",
        "condition", "Ready", "status", "False").gauge().value()).isEqualTo(0.0);
    assertThat(sandbox.metrics.get("shield_model_replicas_ready").tags("namespace", ns, "model", "threat-intel",
        "variant", "full", "pool", "onprem").gauge().value()).isEqualTo(2.0);
    assertThat(sandbox.metrics.get("shield_model_replicas_desired").tags("namespace", ns, "model", "threat-intel",
        "variant", "lite", "pool", "private-cloud").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void aNewVersionRollsOutAndIsServedOnceDone() {
    sandbox.kubectl.apply(twoVariantModel("rolling", "v1", 0, 1));
    awaitCondition("rolling", "Ready", "True");
    String before = deployment("rolling-full-onprem").getSpec().getTemplate().getMetadata().getAnnotations()
        .toString();
    sandbox.kubectl.apply(twoVariantModel("rolling", "v2", 0, 1));
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      ShieldModel m = model("rolling");
      assertThat(m.getStatus().servedVersion()).isEqualTo("v2");
      assertThat(m.getStatus().observedGeneration()).isEqualTo(m.getMetadata().getGeneration());
      assertThat(statusOf(condition("rolling", "Ready"))).isEqualTo("True");
      assertThat(statusOf(condition("rolling", "Progressing"))).isEqualTo("False");
    });
    assertThat(deployment("rolling-full-onprem").getSpec().getTemplate().getMetadata().getAnnotations().toString())
        .isNotEqualTo(before);
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      List<Event> events = sandbox.client.v1().events().inNamespace(ns).list().getItems().stream()
          .filter(e -> "rolling".equals(e.getInvolvedObject().getName())
              && "ShieldModel".equals(e.getInvolvedObject().getKind())).toList();
      assertThat(events).as("the rollout of v2 started and completed, each told once")
          .filteredOn(e -> "RollingOut".equals(e.getReason()) && e.getMessage().contains("version v2"))
          .singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("Normal");
            assertThat(e.getMessage()).startsWith("Progressing=True: rolling out version v2: ");
          });
      assertThat(events).filteredOn(e -> "RolloutComplete".equals(e.getReason())
          && e.getMessage().contains("version v2")).singleElement()
          .satisfies(e -> assertThat(e.getMessage()).startsWith("Progressing=False: version v2 is rolled out"));
    });
  }

  @Test
  void aRemovedVariantsObjectsGo() {
    String yaml = twoVariantModel("shrinking", "v1", 1, 1);
    sandbox.kubectl.apply(yaml);
    awaitCondition("shrinking", "Ready", "True");
    String onlyFull = yaml.replaceAll("(?s)    - \\{name: lite.*?\\}\\}\n", "");
    assertThat(onlyFull).doesNotContain("name: lite");
    sandbox.kubectl.apply(onlyFull);
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      assertThat(deployment("shrinking-lite-onprem")).isNull();
      assertThat(deployment("shrinking-lite-cloud")).isNull();
      assertThat(sandbox.client.services().inNamespace(ns).withName("shrinking-lite").get()).isNull();
      assertThat(sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
          .withName(ShieldNames.horizontalPodAutoscaler("shrinking", "lite")).get()).isNull();
    });
    assertThat(deployment("shrinking-full-onprem")).isNotNull();
  }

  @Test
  void aModelAskingForMoreGpusThanThePoolHasReportsTheShortfall() {
    sandbox.kubectl.apply(twoVariantModel("greedy", "v1", 0, 12));
    awaitCondition("greedy", "CapacityAvailable", "False");
    Condition capacity = condition("greedy", "CapacityAvailable");
    assertThat(capacity.message()).contains("onprem").contains("nvidia.com/gpu");
    assertThat(capacity.reason()).isEqualTo("InsufficientGpu");
    awaitCondition("greedy", "Ready", "False");
  }

  @Test
  void deletingTheModelRemovesEverythingItOwned() {
    sandbox.kubectl.apply(twoVariantModel("doomed", "v1", 1, 1));
    awaitCondition("doomed", "Ready", "True");
    assertThat(sandbox.client.resources(ShieldModel.class).inNamespace(ns).withName("doomed").get().getMetadata()
        .getFinalizers()).as("deletion needs no operator: no finalizer, the garbage collector does it").isEmpty();
    assertThat(sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).list().getItems())
        .isNotEmpty().allSatisfy(hpa -> assertThat(hpa.getMetadata().getOwnerReferences()).singleElement()
            .satisfies(owner -> assertThat(owner.getName()).isEqualTo("doomed")));
    sandbox.kubectl.ok("delete", "shieldmodel", "doomed", "-n", ns, "--timeout=20s");
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      assertThat(sandbox.client.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
      assertThat(sandbox.client.services().inNamespace(ns).list().getItems()).isEmpty();
      assertThat(sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).list().getItems())
          .isEmpty();
      assertThat(sandbox.client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems()).isEmpty();
      assertThat(sandbox.client.network().v1().networkPolicies().inNamespace(ns).list().getItems()).isEmpty();
      assertThat(sandbox.client.pods().inNamespace(ns).list().getItems()).isEmpty();
    });
  }

  @Test
  void everyShippedExampleBecomesReady() throws IOException {
    Path examples = OperatorOnSandbox.ROOT.resolve("docs/examples");
    try {
      sandbox.kubectl.ok("apply", "-f", examples.toString());
      everyExampleIsReady(examples);
    } finally {
      // the examples live in their own namespace: free its GPUs for the tests after this one
      sandbox.kubectl.ok("delete", "namespace", "soc", "--ignore-not-found", "--timeout=30s");
    }
  }

  private void everyExampleIsReady(Path examples) throws IOException {
    List<GenericKubernetesResource> shipped;
    try (Stream<Path> files = Files.list(examples)) {
      shipped = files.filter(f -> f.toString().endsWith(".yaml")).map(f -> {
        try {
          return Serialization.unmarshal(Files.readString(f), GenericKubernetesResource.class);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).filter(o -> "ShieldModel".equals(o.getKind())).toList();
    }
    assertThat(shipped).hasSizeGreaterThanOrEqualTo(3);
    for (GenericKubernetesResource example : shipped) {
      sandbox.kubectl.ok("wait", "--for=condition=Ready", "shieldmodel/" + example.getMetadata().getName(),
          "-n", example.getMetadata().getNamespace(), "--timeout=30s");
    }
    assertThat(sandbox.client.apps().deployments().inNamespace("soc").withName("forensics-full-cloud").get())
        .as("restricted data never gets a private-cloud Deployment").isNull();
  }

  @Test
  void aNodeHeartbeatReconcilesNoModelAndACapacityChangeOnlyTheModelsWhosePoolSelectsTheNode() {
    sandbox.kubectl.apply("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: steady, namespace: %s}
        spec:
          model: {uri: "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", version: "1.0"}
          runtime: {image: "deepjavalibrary/djl-serving:0.36.0-cpu"}
          variants:
            - {name: cpu, priorities: [critical, high, normal, low]}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 0}
          dataClassification: internal
        """.formatted(ns));
    awaitCondition("steady", "Ready", "True");
    // the model is settled: its Deployment reports all it will, its pods only change in ways no model reconciles
    double models = started(ShieldModelReconciler.NAME);
    double floors = started(SurgeFloorReconciler.NAME);

    // heartbeats of every on-prem node, the pool the model runs in: only the time in their conditions changes
    for (Node node : sandbox.client.nodes().withLabel(ShieldNames.POOL_LABEL, "onprem").list().getItems()) {
      sandbox.client.nodes().withName(node.getMetadata().getName()).editStatus(n -> new NodeBuilder(n)
          .editStatus().withConditions(n.getStatus().getConditions().stream().map(c -> new NodeConditionBuilder(c)
              .withLastHeartbeatTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString())
              .build()).toList()).endStatus().build());
    }
    // then a change that counts, on one of them: the informers deliver in order, so once it is reconciled the
    // heartbeats before it have been seen
    label("onprem-h100-1", "r7");
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      assertThat(started(ShieldModelReconciler.NAME)).as("model reconciles").isGreaterThanOrEqualTo(models + 1);
      assertThat(started(SurgeFloorReconciler.NAME)).as("floor reconciles").isGreaterThanOrEqualTo(floors + 1);
    });
    // a node of a pool the model has no Deployment in, then again one of its own pool
    label("cloud-a100-1", "c3");
    label("onprem-h100-1", "r8");
    await().atMost(READY_WITHIN).untilAsserted(() -> {
      assertThat(started(ShieldModelReconciler.NAME)).as("model reconciles").isGreaterThanOrEqualTo(models + 2);
      assertThat(started(SurgeFloorReconciler.NAME)).as("floor reconciles").isGreaterThanOrEqualTo(floors + 2);
    });
    // on a loaded machine one late event of the model's own settling (its Deployments' last status) can land in the
    // window; a heartbeat reconciling would add one per on-prem node, far more than that one
    long onPremNodes = sandbox.client.nodes().withLabel(ShieldNames.POOL_LABEL, "onprem").list().getItems().size();
    assertThat(onPremNodes).isGreaterThanOrEqualTo(2);
    assertThat(started(ShieldModelReconciler.NAME) - models)
        .as("model reconciles: the two changes of an on-prem node, no heartbeat").isBetween(2.0, 3.0);
    assertThat(started(SurgeFloorReconciler.NAME) - floors)
        .as("floor reconciles: the two changes of an on-prem node only, no heartbeat, no cloud node").isEqualTo(2.0);
  }

  private void label(String node, String rack) {
    sandbox.client.nodes().withName(node).edit(n -> new NodeBuilder(n).editMetadata()
        .addToLabels("example.com/rack", rack).endMetadata().build());
  }

  private double started(String controller) {
    var counter = sandbox.metrics.find("reconciliations.started.total").tag("controller.name", controller)
        .counter();
    return counter == null ? 0 : counter.count();
  }
}
