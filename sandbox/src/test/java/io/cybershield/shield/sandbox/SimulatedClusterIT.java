package io.cybershield.shield.sandbox;

import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.cybershield.shield.sandbox.testing.Kubectl.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole sandbox — API server and simulator — driven with the real {@code kubectl}: GPU workloads scheduled by
 * pool and capacity, refusals with the scheduler's reasons, and Jobs whose outcome a client scripts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedClusterIT {

  private SandboxCluster cluster;
  private Kubectl kubectl;
  private String ns;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.fast());
    kubectl = new Kubectl(cluster.writeKubeconfig(Files.createTempDirectory("sim").resolve("kubeconfig")));
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = "s-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    ns = ns.substring(0, Math.min(ns.length(), 60));
    kubectl.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n");
  }

  private String gpuDeployment(String name, int replicas, String pool, String resource, int count) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          replicas: %3$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              nodeSelector: {shield.cybershield.io/pool: %4$s}
              tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
              containers:
              - name: djl
                image: deepjavalibrary/djl-serving:0.36.0-lmi
                resources: {limits: {%5$s: %6$d}}
        """.formatted(name, ns, replicas, pool, resource, count);
  }

  @Test
  void theDefaultInventoryHasBothGpuPools() {
    String nodes = kubectl.ok("get", "nodes", "-L", "shield.cybershield.io/pool", "-o", "name");
    assertThat(nodes).contains("node/onprem-h100-1").contains("node/cloud-a100-1").contains("node/onprem-h100-mig-1");
    assertThat(kubectl.ok("get", "nodes", "-l", "shield.cybershield.io/pool=private-cloud", "-o", "name").lines())
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(kubectl.ok("get", "node", "onprem-h100-1", "-o", "jsonpath={.status.allocatable.nvidia\\.com/gpu}"))
        .isEqualTo("8");
  }

  @Test
  void aGpuDeploymentThatFitsBecomesAvailable() {
    kubectl.apply(gpuDeployment("fits", 2, "onprem", "nvidia.com/gpu", 2));
    kubectl.ok("wait", "--for=condition=Available", "deployment/fits", "-n", ns, "--timeout=30s");
    String nodes = kubectl.ok("get", "pods", "-n", ns, "-l", "app=fits", "-o", "jsonpath={.items[*].spec.nodeName}");
    assertThat(nodes.split(" ")).hasSize(2).allMatch(n -> n.startsWith("onprem-"));
  }

  @Test
  void aMigSliceIsScheduledOnTheMigNode() {
    kubectl.apply(gpuDeployment("lite", 1, "onprem", "nvidia.com/mig-3g.40gb", 1));
    kubectl.ok("wait", "--for=condition=Available", "deployment/lite", "-n", ns, "--timeout=30s");
    assertThat(kubectl.ok("get", "pods", "-n", ns, "-l", "app=lite", "-o", "jsonpath={.items[0].spec.nodeName}"))
        .isEqualTo("onprem-h100-mig-1");
  }

  @Test
  void aGpuAskNoNodeCanMeetStaysPendingWithTheSchedulersReason() {
    kubectl.apply(gpuDeployment("toobig", 1, "private-cloud", "nvidia.com/gpu", 64));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kubectl.ok("get", "pods", "-n", ns,
        "-l", "app=toobig", "-o", "jsonpath={.items[0].status.conditions[?(@.type==\"PodScheduled\")].message}"))
        .contains("Insufficient nvidia.com/gpu").contains("Preemption is not helpful for scheduling"));
    assertThat(kubectl.ok("get", "pods", "-n", ns, "-l", "app=toobig", "-o",
        "jsonpath={.items[0].status.phase}/{.items[0].status.conditions[?(@.type==\"PodScheduled\")].reason}"))
        .isEqualTo("Pending/Unschedulable");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kubectl.ok("describe", "pods", "-n", ns,
        "-l", "app=toobig")).contains("FailedScheduling"));
    assertThat(kubectl.ok("get", "deployment", "toobig", "-n", ns, "-o",
        "jsonpath={.status.conditions[?(@.type==\"Available\")].status}")).isEqualTo("False");
  }

  @Test
  void aNodeAppliedLaterIsUsed() {
    kubectl.apply(gpuDeployment("waits", 1, "burst", "nvidia.com/gpu", 4));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kubectl.ok("get", "pods", "-n", ns, "-l",
        "app=waits", "-o", "jsonpath={.items[0].status.conditions[?(@.type==\"PodScheduled\")].reason}"))
        .isEqualTo("Unschedulable"));
    kubectl.apply("""
        apiVersion: v1
        kind: Node
        metadata:
          name: burst-1
          labels: {shield.cybershield.io/pool: burst, nvidia.com/gpu.product: NVIDIA-L40S}
        status:
          capacity: {cpu: "32", memory: 256Gi, pods: "110", nvidia.com/gpu: "4"}
          allocatable: {cpu: "32", memory: 256Gi, pods: "110", nvidia.com/gpu: "4"}
        """);
    kubectl.ok("wait", "--for=condition=Available", "deployment/waits", "-n", ns, "--timeout=30s");
    assertThat(kubectl.ok("get", "pods", "-n", ns, "-l", "app=waits", "-o", "jsonpath={.items[0].spec.nodeName}"))
        .isEqualTo("burst-1");
    kubectl.ok("delete", "node", "burst-1");
  }

  private String job(String name, String env) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: %s, namespace: %s}
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: run
                image: sandbox.local/job
                env: %s
        """.formatted(name, ns, env);
  }

  @Test
  void aJobEndsAsItsEnvironmentScripts() {
    kubectl.apply(job("ok", "[{name: SANDBOX_DURATION, value: 200ms}, {name: SANDBOX_TERMINATION_MESSAGE, "
        + "value: '{\"precision\":0.93}'}]"));
    kubectl.ok("wait", "--for=condition=Complete", "job/ok", "-n", ns, "--timeout=30s");
    assertThat(kubectl.ok("get", "pods", "-n", ns, "-l", "job-name=ok", "-o",
        "jsonpath={.items[0].status.containerStatuses[0].state.terminated.message}")).isEqualTo("{\"precision\":0.93}");
    assertThat(kubectl.ok("get", "jobs", "-n", ns)).containsPattern("ok\\s+Complete\\s+1");
    // a container the sandbox only simulates printed nothing: its log is there, and empty
    assertThat(kubectl.ok("logs", "job/ok", "-n", ns)).isEmpty();

    kubectl.apply(job("bad", "[{name: SANDBOX_EXIT_CODE, value: \"3\"}, {name: SANDBOX_TERMINATION_MESSAGE, "
        + "value: out of memory}]"));
    kubectl.ok("wait", "--for=condition=Failed", "job/bad", "-n", ns, "--timeout=30s");
    assertThat(kubectl.ok("get", "job", "bad", "-n", ns, "-o",
        "jsonpath={.status.conditions[?(@.type==\"Failed\")].reason}")).isEqualTo("BackoffLimitExceeded");
    assertThat(kubectl.ok("get", "pods", "-n", ns, "-l", "job-name=bad", "-o",
        "jsonpath={.items[0].status.phase}/{.items[0].status.containerStatuses[0].state.terminated.exitCode}/"
            + "{.items[0].status.containerStatuses[0].state.terminated.message}")).isEqualTo("Failed/3/out of memory");
  }

  @Test
  void deletingADeploymentCollectsItsReplicaSetsAndPods() {
    kubectl.apply(gpuDeployment("collected", 1, "onprem", "nvidia.com/gpu", 1));
    kubectl.ok("wait", "--for=condition=Available", "deployment/collected", "-n", ns, "--timeout=30s");
    kubectl.ok("delete", "deployment", "collected", "-n", ns);
    Result left = kubectl.run("get", "replicasets,pods", "-n", ns, "-o", "name");
    assertThat(left.stdout()).isEmpty();
  }

  @Test
  void anHpaHoldsItsTargetWithinItsBoundsAsTheRealControllerDoes() {
    kubectl.apply(gpuDeployment("autoscaled", 1, "private-cloud", "nvidia.com/gpu", 1));
    String hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: autoscaled, namespace: %s}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: autoscaled}
          minReplicas: %d
          maxReplicas: 8
          metrics:
          - type: Pods
            pods:
              metric: {name: shield_inflight_requests}
              target: {type: AverageValue, averageValue: "8"}
        """;
    kubectl.apply(hpa.formatted(ns, 3));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kubectl.ok("get", "deployment",
        "autoscaled", "-n", ns, "-o", "jsonpath={.spec.replicas}/{.status.readyReplicas}")).isEqualTo("3/3"));
    kubectl.apply(hpa.formatted(ns, 5));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kubectl.ok("get", "deployment",
        "autoscaled", "-n", ns, "-o", "jsonpath={.spec.replicas}")).isEqualTo("5"));
    assertThat(kubectl.ok("get", "events", "-n", ns, "--field-selector", "reason=SuccessfulRescale", "-o",
        "jsonpath={.items[*].message}")).contains("New size: 5; reason: Current number of replicas below "
            + "Spec.MinReplicas");
    // without metrics nothing scales down by itself, as in a cluster whose metrics API is missing
    kubectl.apply(hpa.formatted(ns, 3));
    assertThat(kubectl.ok("get", "hpa", "autoscaled", "-n", ns, "-o",
        "jsonpath={.status.conditions[?(@.type==\"ScalingActive\")].status}")).isEqualTo("False");
    assertThat(kubectl.ok("get", "deployment", "autoscaled", "-n", ns, "-o", "jsonpath={.spec.replicas}"))
        .isEqualTo("5");
  }
}
