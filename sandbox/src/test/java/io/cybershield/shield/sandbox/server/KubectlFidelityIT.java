package io.cybershield.shield.sandbox.server;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.cybershield.shield.sandbox.testing.Kubectl.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real {@code kubectl} against the sandbox: what a person sees must be what a real API server makes it show.
 * Each test works in its own namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlFidelityIT {

  private SandboxCluster cluster;
  private Kubectl kubectl;
  private String ns;

  @BeforeAll
  void startCluster() throws Exception {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    cluster = SandboxCluster.start(0);
    Path kubeconfig = cluster.writeKubeconfig(Files.createTempDirectory("sandbox").resolve("kubeconfig"));
    kubectl = new Kubectl(kubeconfig);
    kubectl.ok("apply", "-f", Path.of("src/test/resources/crds/gadgets.example.com.yaml").toString());
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = "t-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    if (ns.length() > 60) {
      ns = ns.substring(0, 60);
    }
    kubectl.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n");
  }

  private String gadget(String name, String spec) {
    return "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: " + name + ", namespace: " + ns
        + "}\nspec: " + spec + "\n";
  }

  @Test
  void discoveryAndVersionLetKubectlWork() {
    assertThat(kubectl.ok("version")).contains("Server Version: v1.32");
    String resources = kubectl.ok("api-resources");
    assertThat(resources).contains("deployments").contains("gadgets").contains("horizontalpodautoscalers")
        .contains("customresourcedefinitions");
    assertThat(kubectl.ok("api-versions")).contains("example.com/v1").contains("apps/v1");
  }

  @Test
  void getPrintsTheCrdsPrinterColumnsAndCategory() {
    kubectl.apply(gadget("g1", "{size: 3, mode: strict}"));
    String table = kubectl.ok("get", "gadgets", "-n", ns);
    assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("NAME", "SIZE", "MODE", "READY", "AGE");
    assertThat(table).containsPattern("g1\\s+3\\s+strict\\s+\\d+s");
    assertThat(kubectl.ok("get", "gizmos", "-n", ns, "-o", "name")).contains("gadget.example.com/g1");
    assertThat(kubectl.ok("get", "gd", "g1", "-n", ns, "-o", "jsonpath={.spec.size}")).isEqualTo("3");
  }

  @Test
  void reapplyingWithoutAFieldRemovesIt() {
    kubectl.apply(gadget("g2", "{size: 3, color: red}"));
    assertThat(kubectl.ok("get", "gadget", "g2", "-n", ns, "-o", "jsonpath={.spec.color}")).isEqualTo("red");
    assertThat(kubectl.apply(gadget("g2", "{size: 4}"))).contains("gadget.example.com/g2 configured");
    assertThat(kubectl.ok("get", "gadget", "g2", "-n", ns, "-o", "jsonpath={.spec.color}|{.spec.size}"))
        .isEqualTo("|4");
    assertThat(kubectl.apply(gadget("g2", "{size: 4}"))).contains("gadget.example.com/g2 unchanged");
  }

  @Test
  void generationMovesWithSpecNotWithStatusOrLabels() {
    kubectl.apply(gadget("g3", "{size: 1}"));
    assertThat(kubectl.ok("get", "gadget", "g3", "-n", ns, "-o", "jsonpath={.metadata.generation}")).isEqualTo("1");
    kubectl.ok("patch", "gadget", "g3", "-n", ns, "--type=merge", "--subresource=status",
        "-p", "{\"status\":{\"observedGeneration\":1}}");
    kubectl.ok("label", "gadget", "g3", "-n", ns, "tier=gold");
    assertThat(kubectl.ok("get", "gadget", "g3", "-n", ns, "-o", "jsonpath={.metadata.generation}")).isEqualTo("1");
    kubectl.ok("patch", "gadget", "g3", "-n", ns, "--type=merge", "-p", "{\"spec\":{\"size\":2}}");
    assertThat(kubectl.ok("get", "gadget", "g3", "-n", ns,
        "-o", "jsonpath={.metadata.generation}/{.status.observedGeneration}")).isEqualTo("2/1");
    // a status written through the main resource is ignored, as with any status subresource
    kubectl.ok("patch", "gadget", "g3", "-n", ns, "--type=merge", "-p", "{\"status\":{\"observedGeneration\":9}}");
    assertThat(kubectl.ok("get", "gadget", "g3", "-n", ns, "-o", "jsonpath={.status.observedGeneration}"))
        .isEqualTo("1");
  }

  @Test
  void staleUpdateIsAConflict() throws Exception {
    kubectl.apply(gadget("g4", "{size: 1}"));
    String stale = kubectl.ok("get", "gadget", "g4", "-n", ns, "-o", "yaml");
    kubectl.ok("patch", "gadget", "g4", "-n", ns, "--type=merge", "-p", "{\"spec\":{\"size\":2}}");
    Path file = Files.createTempFile("stale", ".yaml");
    Files.writeString(file, stale.replace("size: 1", "size: 5"));
    Result replace = kubectl.run("replace", "-f", file.toString());
    assertThat(replace.exitCode()).isNotZero();
    assertThat(replace.stderr()).contains("Error from server (Conflict): error when replacing")
        .contains("Operation cannot be fulfilled on gadgets.example.com \"g4\": the object has been modified; "
            + "please apply your changes to the latest version and try again");
  }

  @Test
  void createOfAnExistingObjectIsAlreadyExists() {
    String yaml = gadget("g5", "{size: 1}");
    kubectl.runWithInput(yaml, "create", "-f", "-");
    Result again = kubectl.runWithInput(yaml, "create", "-f", "-");
    assertThat(again.stderr()).contains("Error from server (AlreadyExists)")
        .contains("gadgets.example.com \"g5\" already exists");
  }

  @Test
  void missingObjectIsNotFound() {
    Result get = kubectl.run("get", "gadget", "nope", "-n", ns);
    assertThat(get.exitCode()).isNotZero();
    assertThat(get.stderr()).contains("Error from server (NotFound): gadgets.example.com \"nope\" not found");
  }

  @Test
  void deletingAnOwnerCollectsItsDependents() {
    kubectl.apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: owner, namespace: " + ns + "}\n");
    String uid = kubectl.ok("get", "configmap", "owner", "-n", ns, "-o", "jsonpath={.metadata.uid}");
    for (String name : new String[] { "child-a", "child-b" }) {
      kubectl.apply("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + ns
          + "\n  ownerReferences:\n  - {apiVersion: v1, kind: ConfigMap, name: owner, uid: " + uid
          + ", controller: true, blockOwnerDeletion: true}\n");
    }
    kubectl.apply(gadget("grandchild", "{size: 1}").replace("metadata: {name: grandchild, namespace: " + ns + "}",
        "metadata:\n  name: grandchild\n  namespace: " + ns + "\n  ownerReferences:\n  - {apiVersion: v1, "
            + "kind: ConfigMap, name: child-a, uid: "
            + kubectl.ok("get", "configmap", "child-a", "-n", ns, "-o", "jsonpath={.metadata.uid}") + "}"));
    kubectl.ok("delete", "configmap", "owner", "-n", ns);
    assertThat(kubectl.ok("get", "configmaps,gadgets", "-n", ns, "-o", "name")).doesNotContain("child-a")
        .doesNotContain("child-b").doesNotContain("grandchild");
  }

  @Test
  void orphanDeletionKeepsDependentsWithoutTheOwnerReference() {
    kubectl.apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: parent, namespace: " + ns + "}\n");
    String uid = kubectl.ok("get", "configmap", "parent", "-n", ns, "-o", "jsonpath={.metadata.uid}");
    kubectl.apply("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n  namespace: " + ns
        + "\n  ownerReferences:\n  - {apiVersion: v1, kind: ConfigMap, name: parent, uid: " + uid + "}\n");
    kubectl.ok("delete", "configmap", "parent", "-n", ns, "--cascade=orphan");
    assertThat(kubectl.run("get", "configmap", "parent", "-n", ns).exitCode()).isNotZero();
    assertThat(kubectl.ok("get", "configmap", "kept", "-n", ns, "-o", "jsonpath={.metadata.ownerReferences}"))
        .isEmpty();
  }

  @Test
  void finalizersHoldDeletionUntilRemoved() {
    kubectl.apply(gadget("held", "{size: 1}").replace("metadata: {name: held, namespace: " + ns + "}",
        "metadata: {name: held, namespace: " + ns + ", finalizers: [example.com/cleanup]}"));
    kubectl.ok("delete", "gadget", "held", "-n", ns, "--wait=false");
    assertThat(kubectl.ok("get", "gadget", "held", "-n", ns, "-o", "jsonpath={.metadata.deletionTimestamp}"))
        .isNotEmpty();
    Result addFinalizer = kubectl.run("patch", "gadget", "held", "-n", ns, "--type=json",
        "-p", "[{\"op\":\"add\",\"path\":\"/metadata/finalizers/-\",\"value\":\"example.com/other\"}]");
    assertThat(addFinalizer.stderr()).contains("no new finalizers can be added if the object is being deleted");
    kubectl.ok("patch", "gadget", "held", "-n", ns, "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}");
    assertThat(kubectl.run("get", "gadget", "held", "-n", ns).stderr()).contains("not found");
  }

  @Test
  void waitForConditionReturnsAsSoonAsTheStatusSaysSo() {
    kubectl.apply(gadget("waited", "{size: 1}"));
    CompletableFuture<Result> wait = CompletableFuture.supplyAsync(() -> kubectl.run("wait",
        "--for=condition=Ready", "gadget/waited", "-n", ns, "--timeout=20s"));
    // kubectl wait needs observedGeneration to have caught up, as on a real server
    kubectl.ok("patch", "gadget", "waited", "-n", ns, "--type=merge", "--subresource=status", "-p",
        "{\"status\":{\"observedGeneration\":1,\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\","
            + "\"observedGeneration\":1}]}}");
    await().atMost(Duration.ofSeconds(10)).until(wait::isDone);
    Result result = wait.join();
    assertThat(result.stdout()).contains("gadget.example.com/waited condition met");
  }

  @Test
  void deleteWaitsUntilTheObjectIsGone() {
    kubectl.apply(gadget("gone", "{size: 1}"));
    assertThat(kubectl.ok("delete", "gadget", "gone", "-n", ns, "--timeout=10s"))
        .contains("gadget.example.com \"gone\" deleted");
  }

  @Test
  void protobufBodiesAreReadAndAnsweredInJson() {
    // client-go 1.32's typed clients post protobuf; the sandbox reads those kubectl sends (KubectlCreateProtobufIT)
    assertThat(kubectl.ok("create", "namespace", ns + "-pb")).isEqualTo("namespace/" + ns + "-pb created\n");
    assertThat(kubectl.ok("get", "namespace", ns + "-pb", "-o", "jsonpath={.status.phase}")).isEqualTo("Active");
  }

  @Test
  void strategicMergePatchOfACustomResourceIsRefusedAsOnARealServer() {
    kubectl.apply(gadget("smp", "{size: 1}"));
    Result patch = kubectl.run("patch", "gadget", "smp", "-n", ns, "-p", "{\"spec\":{\"size\":2}}");
    assertThat(patch.exitCode()).isNotZero();
    assertThat(patch.stderr()).contains("application/strategic-merge-patch+json is not supported");
  }

  @Test
  void strategicMergePatchOfABuiltInMergesListsByKey() {
    kubectl.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %s}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: a, image: nginx:1.27}
              - {name: b, image: busybox:1.36}
        """.formatted(ns));
    kubectl.ok("patch", "deployment", "web", "-n", ns, "-p",
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"busybox:1.37\"}]}}}}");
    assertThat(kubectl.ok("get", "deployment", "web", "-n", ns, "-o",
        "jsonpath={.spec.template.spec.containers[*].image}")).isEqualTo("nginx:1.27 busybox:1.37");
    assertThat(kubectl.ok("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}")).isEqualTo("1");
  }

  @Test
  void scaleSubresourceChangesReplicas() {
    kubectl.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: scaled, namespace: %s}
        spec:
          selector: {matchLabels: {app: scaled}}
          template:
            metadata: {labels: {app: scaled}}
            spec: {containers: [{name: a, image: nginx:1.27}]}
        """.formatted(ns));
    assertThat(kubectl.ok("scale", "deployment", "scaled", "-n", ns, "--replicas=3")).contains("scaled");
    assertThat(kubectl.ok("get", "deployment", "scaled", "-n", ns, "-o", "jsonpath={.spec.replicas}"))
        .isEqualTo("3");
  }

  @Test
  void objectsInAMissingNamespaceAreRefused() {
    Result result = kubectl.runWithInput(gadget("lost", "{size: 1}").replace("namespace: " + ns, "namespace: nowhere"),
        "apply", "-f", "-");
    assertThat(result.stderr()).contains("namespaces \"nowhere\" not found");
  }

  @Test
  void deletingANamespaceDeletesItsContents() {
    kubectl.apply(gadget("inside", "{size: 1}"));
    kubectl.ok("delete", "namespace", ns, "--timeout=10s");
    assertThat(kubectl.run("get", "gadget", "inside", "-n", ns).stderr()).contains("not found");
    kubectl.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n");
    assertThat(kubectl.ok("get", "gadgets", "-n", ns, "-o", "name")).isEmpty();
  }

  @Test
  void explainShowsTheSchemaDescriptions() {
    assertThat(kubectl.ok("explain", "gadget.spec.size")).contains("How big the gadget is.");
  }

  @Test
  void describeWorks() {
    kubectl.apply(gadget("described", "{size: 7}"));
    assertThat(kubectl.ok("describe", "gadget", "described", "-n", ns)).contains("Name:         described")
        .contains("Size:  7");
  }

  @Test
  void schemaViolationsAreRefusedWithTheApiServersMessages() {
    Result tooBig = kubectl.runWithInput(gadget("big", "{size: 99}"), "apply", "-f", "-");
    assertThat(tooBig.exitCode()).isNotZero();
    assertThat(tooBig.stderr()).contains("The Gadget \"big\" is invalid: spec.size: Invalid value: 99: "
        + "spec.size in body should be less than or equal to 10");
    Result badMode = kubectl.runWithInput(gadget("mode", "{size: 1, mode: fast}"), "apply", "-f", "-");
    assertThat(badMode.stderr())
        .contains("spec.mode: Unsupported value: \"fast\": supported values: \"safe\", \"strict\"");
    Result both = kubectl.runWithInput(gadget("both", "{size: 99, mode: fast}"), "apply", "-f", "-");
    assertThat(both.stderr()).contains("The Gadget \"both\" is invalid: \n* ");
    assertThat(kubectl.run("get", "gadget", "big", "-n", ns).stderr()).contains("not found");
  }

  @Test
  void celRulesAreEvaluatedWithTheirMessages() {
    Result result = kubectl.runWithInput(gadget("cel", "{size: 2, minSize: 5}"), "apply", "-f", "-");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr())
        .contains("The Gadget \"cel\" is invalid: spec: Invalid value: \"object\": minSize must not exceed size");
  }

  @Test
  void duplicateKeysInAMapListAreRefused() {
    Result result = kubectl.runWithInput(gadget("dup", "{size: 1, parts: [{name: a}, {name: a}]}"),
        "apply", "-f", "-");
    assertThat(result.stderr()).contains("spec.parts[1]: Duplicate value: map[string]interface {}{\"name\":\"a\"}");
  }

  @Test
  void defaultsAreAppliedOnCreate() {
    kubectl.apply(gadget("defaulted", "{size: 1}"));
    assertThat(kubectl.ok("get", "gadget", "defaulted", "-n", ns, "-o", "jsonpath={.spec.mode}")).isEqualTo("safe");
  }

  @Test
  void unknownFieldsFollowTheFieldValidationDirective() {
    Result strict = kubectl.runWithInput(gadget("strict", "{size: 1, flavour: mint}"), "apply", "-f", "-");
    assertThat(strict.exitCode()).isNotZero();
    assertThat(strict.stderr()).contains("unknown field \"spec.flavour\"");
    Result warn = kubectl.runWithInput(gadget("warned", "{size: 1, flavour: mint}"), "apply", "--validate=warn",
        "-f", "-");
    assertThat(warn.exitCode()).as(warn.toString()).isZero();
    assertThat(warn.stderr()).contains("Warning: unknown field \"spec.flavour\"");
    assertThat(kubectl.ok("get", "gadget", "warned", "-n", ns, "-o", "jsonpath={.spec}")).doesNotContain("flavour");
  }

  @Test
  void unknownMetadataFieldsArePrunedForEveryKind() {
    String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: " + ns
        + ", whatever: x}\ndata: {a: b}\n";
    Result strict = kubectl.runWithInput(configMap, "apply", "-f", "-");
    assertThat(strict.exitCode()).isNotZero();
    assertThat(strict.stderr()).contains("unknown field \"metadata.whatever\"");
    Result warn = kubectl.runWithInput(configMap, "apply", "--validate=warn", "-f", "-");
    assertThat(warn.exitCode()).as(warn.toString()).isZero();
    assertThat(warn.stderr()).contains("Warning: unknown field \"metadata.whatever\"");
    // (the last-applied-configuration annotation keeps what was sent, as on a real server)
    assertThat(kubectl.ok("get", "configmap", "cm", "-n", ns, "-o", "jsonpath={.metadata.whatever}")).isEmpty();
    Result gadget = kubectl.runWithInput(gadget("meta", "{size: 1}").replace("namespace: " + ns + "}",
        "namespace: " + ns + ", whatever: x}"), "apply", "--validate=warn", "-f", "-");
    assertThat(gadget.stderr()).contains("Warning: unknown field \"metadata.whatever\"");
    assertThat(kubectl.ok("get", "gadget", "meta", "-n", ns, "-o", "jsonpath={.metadata.whatever}")).isEmpty();
  }

  @Test
  void aCrdWithABrokenCelRuleIsRefused() {
    String crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: brokens.example.com}
        spec:
          group: example.com
          names: {plural: brokens, singular: broken, kind: Broken}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - rule: "self.size >"
        """;
    Result result = kubectl.runWithInput(crd, "apply", "-f", "-");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("The CustomResourceDefinition \"brokens.example.com\" is invalid")
        .contains("x-kubernetes-validations[0].rule");
  }

  @Test
  void serverSideApplyRemovesWhatTheApplierNoLongerSends() {
    assertThat(kubectl.apply(gadget("ssa", "{size: 3, color: red}"), "--server-side"))
        .contains("gadget.example.com/ssa serverside-applied");
    kubectl.apply(gadget("ssa", "{size: 3}"), "--server-side");
    assertThat(kubectl.ok("get", "gadget", "ssa", "-n", ns, "-o", "jsonpath={.spec.color}|{.spec.size}"))
        .isEqualTo("|3");
    String managed = kubectl.ok("get", "gadget", "ssa", "-n", ns, "--show-managed-fields", "-o",
        "jsonpath={.metadata.managedFields[0].manager}/{.metadata.managedFields[0].operation}");
    assertThat(managed).isEqualTo("kubectl/Apply");
  }

  @Test
  void serverSideApplyReportsConflictsWithAnotherManager() {
    kubectl.apply(gadget("owned", "{size: 3}"));
    Result conflict = kubectl.runWithInput(gadget("owned", "{size: 4}"), "apply", "--server-side", "-f", "-");
    assertThat(conflict.exitCode()).isNotZero();
    assertThat(conflict.stderr()).contains("Apply failed with 1 conflict: conflict with "
        + "\"kubectl-client-side-apply\" using example.com/v1: .spec.size");
    Result forced = kubectl.runWithInput(gadget("owned", "{size: 4}"), "apply", "--server-side",
        "--force-conflicts", "-f", "-");
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(kubectl.ok("get", "gadget", "owned", "-n", ns, "-o", "jsonpath={.spec.size}")).isEqualTo("4");
  }

  @Test
  void replicasSetByAnotherManagerSurviveAnApplyThatLeavesThemOut() {
    String deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: hpa-target, namespace: %s}
        spec:
          selector: {matchLabels: {app: hpa-target}}
          template:
            metadata: {labels: {app: hpa-target}}
            spec: {containers: [{name: model, image: deepjavalibrary/djl-serving:0.36.0-lmi}]}
        """.formatted(ns);
    kubectl.apply(deployment, "--server-side", "--field-manager=shield-operator");
    kubectl.ok("scale", "deployment", "hpa-target", "-n", ns, "--replicas=5");
    kubectl.apply(deployment.replace("0.36.0-lmi", "0.36.0-cpu"), "--server-side",
        "--field-manager=shield-operator");
    assertThat(kubectl.ok("get", "deployment", "hpa-target", "-n", ns, "-o",
        "jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].image}")).isEqualTo("5/deepjavalibrary/"
            + "djl-serving:0.36.0-cpu");
  }

  @Test
  void serverSideApplyOfAnUndeclaredFieldFailsAsUpstreamDoes() {
    Result result = kubectl.runWithInput(gadget("undeclared", "{size: 1, flavour: mint}"), "apply",
        "--server-side", "-f", "-");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains(".spec.flavour: field not declared in schema");
  }

  @Test
  void defaultsTheServerAddsSurviveRepeatedServerSideApplies() {
    String service = """
        apiVersion: v1
        kind: Service
        metadata: {name: model, namespace: %s}
        spec:
          selector: {app: model}
          ports: [{name: http, port: 8080, targetPort: http}]
        """.formatted(ns);
    kubectl.apply(service, "--server-side", "--field-manager=shield-operator");
    String clusterIp = kubectl.ok("get", "service", "model", "-n", ns, "-o", "jsonpath={.spec.clusterIP}");
    assertThat(clusterIp).startsWith("10.96.");
    kubectl.apply(service.replace("port: 8080", "port: 8081"), "--server-side", "--field-manager=shield-operator");
    assertThat(kubectl.ok("get", "service", "model", "-n", ns, "-o", "jsonpath={.spec.clusterIP}/{.spec.ports[0].port}"))
        .isEqualTo(clusterIp + "/8081");
  }
}
