package io.cybershield.shield.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterInformersTest {

  /** A private-cloud GPU node as its kubelet last reported it. */
  private static Node cloudNode() {
    return new NodeBuilder()
        .withNewMetadata().withName("cloud-a100-1").withResourceVersion("1041")
        .addToLabels("kubernetes.io/hostname", "cloud-a100-1")
        .addToLabels("shield.cybershield.io/pool", "private-cloud")
        .addToLabels("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB")
        .endMetadata()
        .withNewSpec().addNewTaint().withKey("nvidia.com/gpu").withValue("present").withEffect("NoSchedule")
        .endTaint().endSpec()
        .withNewStatus()
        .addToAllocatable("cpu", new Quantity("95"))
        .addToAllocatable("nvidia.com/gpu", new Quantity("4"))
        .addNewCondition().withType("MemoryPressure").withStatus("False").withReason("KubeletHasSufficientMemory")
        .withLastHeartbeatTime("2026-11-27T10:00:00Z").withLastTransitionTime("2026-11-20T08:00:00Z").endCondition()
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withMessage("kubelet is posting ready status")
        .withLastHeartbeatTime("2026-11-27T10:00:00Z").withLastTransitionTime("2026-11-20T08:00:00Z").endCondition()
        .addNewImage().withNames("docker.io/deepjavalibrary/djl-serving:0.36.0-lmi").withSizeBytes(9_400_000_000L)
        .endImage()
        .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10250).endKubeletEndpoint().endDaemonEndpoints()
        .endStatus()
        .build();
  }

  @Nested
  class CapacityChanged {

    @Test
    void aStatusHeartbeatChangesNothingTheCapacityCheckReads() {
      Node heartbeat = new NodeBuilder(cloudNode())
          .editMetadata().withResourceVersion("1042").endMetadata()
          .editStatus()
          .editMatchingCondition(c -> "Ready".equals(c.getType())).withLastHeartbeatTime("2026-11-27T10:00:40Z")
          .endCondition()
          .editMatchingCondition(c -> "MemoryPressure".equals(c.getType()))
          .withLastHeartbeatTime("2026-11-27T10:00:40Z").endCondition()
          .addNewImage().withNames("docker.io/library/busybox:1.36").withSizeBytes(4_300_000L).endImage()
          .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10255).endKubeletEndpoint().endDaemonEndpoints()
          .endStatus()
          .build();

      assertThat(ClusterInformers.capacityChanged(cloudNode(), heartbeat)).isFalse();
    }

    @Test
    void allocatableGpus() {
      Node fewer = new NodeBuilder(cloudNode()).editStatus().addToAllocatable("nvidia.com/gpu", new Quantity("3"))
          .endStatus().build();

      assertThat(ClusterInformers.capacityChanged(cloudNode(), fewer)).isTrue();
    }

    @Test
    void aLabel() {
      Node relabelled = new NodeBuilder(cloudNode()).editMetadata()
          .addToLabels("shield.cybershield.io/pool", "onprem").endMetadata().build();

      assertThat(ClusterInformers.capacityChanged(cloudNode(), relabelled)).isTrue();
    }

    @Test
    void aTaint() {
      Node tainted = new NodeBuilder(cloudNode()).editSpec().addNewTaint().withKey("maintenance")
          .withEffect("NoSchedule").endTaint().endSpec().build();

      assertThat(ClusterInformers.capacityChanged(cloudNode(), tainted)).isTrue();
    }

    @Test
    void cordoning() {
      Node cordoned = new NodeBuilder(cloudNode()).editSpec().withUnschedulable(true).endSpec().build();

      assertThat(ClusterInformers.capacityChanged(cloudNode(), cordoned)).isTrue();
      assertThat(ClusterInformers.capacityChanged(cordoned, cloudNode())).isTrue();
    }

    @Test
    void readiness() {
      Node notReady = new NodeBuilder(cloudNode()).editStatus()
          .editMatchingCondition(c -> "Ready".equals(c.getType())).withStatus("False").withReason("KubeletNotReady")
          .withLastTransitionTime("2026-11-27T10:00:40Z").endCondition()
          .endStatus().build();

      assertThat(ClusterInformers.capacityChanged(cloudNode(), notReady)).isTrue();
    }
  }

  @Nested
  class PoolSelects {

    private final Node onPremNode = node(Map.of("shield.cybershield.io/pool", "onprem", "gpu-tier", "h100"));
    private final Node cloudNode = node(Map.of("shield.cybershield.io/pool", "private-cloud"));

    @Test
    void theDefaultPoolLabelSelectsTheNodesOfEachDeployedPool() {
      ShieldModel model = model("confidential", "onPrem: {replicas: 2}",
          "privateCloud: {minReplicas: 0, maxReplicas: 8}");

      assertThat(ClusterInformers.poolSelects(model, onPremNode)).isTrue();
      assertThat(ClusterInformers.poolSelects(model, cloudNode)).isTrue();
      assertThat(ClusterInformers.poolSelects(model, node(Map.of("kubernetes.io/hostname", "cpu-1")))).isFalse();
    }

    @Test
    void anExplicitNodeSelectorReplacesThePoolLabel() {
      ShieldModel model = model("confidential", "onPrem: {replicas: 2, nodeSelector: {gpu-tier: h100}}");

      assertThat(ClusterInformers.poolSelects(model, onPremNode)).isTrue();
      assertThat(ClusterInformers.poolSelects(model,
          node(Map.of("shield.cybershield.io/pool", "onprem", "gpu-tier", "a100")))).isFalse();
    }

    @Test
    void aRestrictedModelHasNoPrivateCloudPoolEvenIfItsPlacementNamesOne() {
      ShieldModel model = model("restricted", "onPrem: {replicas: 1}",
          "privateCloud: {minReplicas: 0, maxReplicas: 8}");

      assertThat(ClusterInformers.poolSelects(model, onPremNode)).isTrue();
      assertThat(ClusterInformers.poolSelects(model, cloudNode)).isFalse();
    }

    @Test
    void aNodeNoPoolOfTheModelSelects() {
      ShieldModel onPremOnly = model("confidential", "onPrem: {replicas: 2}");

      assertThat(ClusterInformers.poolSelects(onPremOnly, cloudNode)).isFalse();
    }

    private static Node node(Map<String, String> labels) {
      return new NodeBuilder().withNewMetadata().withName("node").withLabels(labels).endMetadata().build();
    }

    private static ShieldModel model(String dataClassification, String... pools) {
      return Serialization.unmarshal("""
          apiVersion: shield.cybershield.io/v1alpha1
          kind: ShieldModel
          metadata: {name: threat-intel, namespace: soc}
          spec:
            model: {uri: "s3://models/threat-intel", version: "v7"}
            variants:
              - {name: full, gpu: {count: 2, resource: nvidia.com/gpu}}
            dataClassification: %s
            placement:
              %s
          """.formatted(dataClassification, String.join("\n    ", pools)), ShieldModel.class);
    }
  }

  @Nested
  class Unschedulable {

    private static PodBuilder pending() {
      return new PodBuilder()
          .withNewMetadata().withName("threat-intel-full-cloud-7d9f-a").withNamespace("soc").endMetadata()
          .withNewSpec().endSpec()
          .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
          .withReason("Unschedulable").withMessage("0/9 nodes are available: 4 Insufficient nvidia.com/gpu.")
          .endCondition().endStatus();
    }

    @Test
    void aPodTheSchedulerCouldNotPlaceGivesItsReasonAndMessage() {
      assertThat(ClusterInformers.unschedulable(pending().build()))
          .isEqualTo("Unschedulable: 0/9 nodes are available: 4 Insufficient nvidia.com/gpu.");
    }

    @Test
    void aBoundPodIsNot() {
      assertThat(ClusterInformers.unschedulable(pending().editSpec().withNodeName("cloud-a100-1").endSpec().build()))
          .isNull();
    }

    @Test
    void anEndedPodIsNot() {
      assertThat(ClusterInformers.unschedulable(pending().editStatus().withPhase("Failed").endStatus().build()))
          .isNull();
      assertThat(ClusterInformers.unschedulable(pending().editStatus().withPhase("Succeeded").endStatus().build()))
          .isNull();
    }

    @Test
    void aPodBeingDeletedIsNot() {
      assertThat(ClusterInformers.unschedulable(pending().editMetadata()
          .withDeletionTimestamp("2026-11-27T10:01:00Z").endMetadata().build())).isNull();
    }

    @Test
    void aPodTheSchedulerHasNotLookedAtYetIsNot() {
      assertThat(ClusterInformers.unschedulable(pending().withNewStatus().withPhase("Pending").endStatus().build()))
          .isNull();
    }
  }

  @Nested
  class Reduced {

    /** A model pod as the API server holds it: everything the cache does not need included. */
    private static Pod fullPod() {
      return new PodBuilder()
          .withNewMetadata().withName("threat-intel-full-cloud-7d9f-a").withNamespace("soc")
          .withUid("6f1c2d0e-0b7a-4d3e-9a55-1f2e3d4c5b6a").withResourceVersion("52017")
          .withGeneration(1L).withCreationTimestamp("2026-11-27T10:00:05Z")
          .withDeletionTimestamp("2026-11-27T10:30:00Z").withDeletionGracePeriodSeconds(30L)
          .addToLabels("shield.cybershield.io/model", "threat-intel")
          .addToLabels("shield.cybershield.io/pool", "private-cloud")
          .addToAnnotations("kubectl.kubernetes.io/restartedAt", "2026-11-27T09:59:00Z")
          .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
          .withName("threat-intel-full-cloud-7d9f").withUid("0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f").endOwnerReference()
          .addNewManagedField().withManager("kube-controller-manager").withOperation("Update")
          .withApiVersion("v1").withTime("2026-11-27T10:00:05Z").endManagedField()
          .endMetadata()
          .withNewSpec()
          .withNodeName("cloud-a100-1")
          .addNewInitContainer().withName("gpu-exporter").withImage("nvcr.io/nvidia/dcgm-exporter:3.3")
          .withRestartPolicy("Always")
          .withNewResources().addToLimits("nvidia.com/gpu", new Quantity("1")).endResources()
          .endInitContainer()
          .addNewInitContainer().withName("fetch-weights").withImage("registry.example/shield/fetch:1")
          .addNewEnv().withName("WEIGHTS_URI").withValue("s3://models/threat-intel").endEnv()
          .withNewResources().addToLimits("nvidia.com/gpu", new Quantity("3")).endResources()
          .endInitContainer()
          .addNewContainer().withName("djl-serving").withImage("deepjavalibrary/djl-serving:0.36.0-lmi")
          .addNewEnv().withName("OPTION_TENSOR_PARALLEL_DEGREE").withValue("2").endEnv()
          .addNewVolumeMount().withName("weights").withMountPath("/opt/ml/model").endVolumeMount()
          .withNewResources().addToRequests("cpu", new Quantity("8"))
          .addToLimits("nvidia.com/gpu", new Quantity("2")).endResources()
          .endContainer()
          .addNewVolume().withName("weights").withNewEmptyDir().endEmptyDir().endVolume()
          .addToOverhead("cpu", new Quantity("250m"))
          .withServiceAccountName("threat-intel-model")
          .endSpec()
          .withNewStatus().withPhase("Running").withPodIP("10.42.3.17").withStartTime("2026-11-27T10:00:06Z")
          .addNewCondition().withType("PodScheduled").withStatus("True")
          .withLastTransitionTime("2026-11-27T10:00:05Z").endCondition()
          .addNewCondition().withType("Ready").withStatus("True")
          .withLastTransitionTime("2026-11-27T10:02:10Z").endCondition()
          .addNewContainerStatus().withName("djl-serving").withReady(true).withRestartCount(0)
          .withImage("deepjavalibrary/djl-serving:0.36.0-lmi").endContainerStatus()
          .endStatus()
          .build();
    }

    @Test
    void keepsExactlyWhatTheCapacityCheckAndTheStatusRead() throws Exception {
      String expected = """
          {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {
              "name": "threat-intel-full-cloud-7d9f-a",
              "namespace": "soc",
              "uid": "6f1c2d0e-0b7a-4d3e-9a55-1f2e3d4c5b6a",
              "resourceVersion": "52017",
              "deletionTimestamp": "2026-11-27T10:30:00Z",
              "labels": {
                "shield.cybershield.io/model": "threat-intel",
                "shield.cybershield.io/pool": "private-cloud"
              }
            },
            "spec": {
              "nodeName": "cloud-a100-1",
              "initContainers": [
                {"name": "gpu-exporter", "restartPolicy": "Always",
                 "resources": {"limits": {"nvidia.com/gpu": "1"}}},
                {"name": "fetch-weights", "resources": {"limits": {"nvidia.com/gpu": "3"}}}
              ],
              "containers": [
                {"name": "djl-serving", "resources": {"limits": {"nvidia.com/gpu": "2"}, "requests": {"cpu": "8"}}}
              ],
              "overhead": {"cpu": "250m"}
            },
            "status": {
              "phase": "Running",
              "conditions": [
                {"type": "PodScheduled", "status": "True", "lastTransitionTime": "2026-11-27T10:00:05Z"},
                {"type": "Ready", "status": "True", "lastTransitionTime": "2026-11-27T10:02:10Z"}
              ]
            }
          }
          """;
      ObjectMapper json = new ObjectMapper();

      Pod reduced = ClusterInformers.reduced(fullPod());

      assertThat(json.readTree(Serialization.asJson(reduced))).isEqualTo(json.readTree(expected));
    }

    @Test
    void dropsEnvironmentImagesVolumesManagedFieldsAndContainerStatuses() {
      Pod reduced = ClusterInformers.reduced(fullPod());

      assertThat(reduced.getSpec().getContainers().get(0).getEnv()).isEmpty();
      assertThat(reduced.getSpec().getContainers().get(0).getImage()).isNull();
      assertThat(reduced.getSpec().getContainers().get(0).getVolumeMounts()).isEmpty();
      assertThat(reduced.getSpec().getInitContainers().get(1).getEnv()).isEmpty();
      assertThat(reduced.getSpec().getVolumes()).isEmpty();
      assertThat(reduced.getMetadata().getManagedFields()).isEmpty();
      assertThat(reduced.getMetadata().getOwnerReferences()).isEmpty();
      assertThat(reduced.getStatus().getContainerStatuses()).isEmpty();
    }

    @Test
    void theCopyHoldsTheGpusThePodHolds() {
      // the sidecar's GPU is held next to the app containers' and through the second init container's run: 1 + 3
      Map<String, Long> expected = Map.of("nvidia.com/gpu", 4L);

      assertThat(GpuCapacity.podGpuRequests(fullPod())).isEqualTo(expected);
      assertThat(GpuCapacity.podGpuRequests(ClusterInformers.reduced(fullPod()))).isEqualTo(expected);
    }
  }
}
