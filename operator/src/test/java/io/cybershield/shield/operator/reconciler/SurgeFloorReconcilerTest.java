package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.wake.Wake;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SurgeFloorReconcilerTest {

  private static final Map<String, String> OWN_CLOUD_POD = Map.of("shield.cybershield.io/model", "threat-intel",
      "shield.cybershield.io/pool", "private-cloud");

  private static ShieldModel threatIntel() {
    return Serialization.unmarshal("""
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: threat-intel, namespace: soc}
        spec:
          model: {uri: "s3://models/threat-intel", version: "v7"}
          variants:
            - {name: full, gpu: {count: 2, resource: nvidia.com/gpu}}
          dataClassification: confidential
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 8}
        """, ShieldModel.class);
  }

  private static Node node(String name, String pool, int gpus) {
    return new NodeBuilder()
        .withNewMetadata().withName(name).addToLabels("shield.cybershield.io/pool", pool).endMetadata()
        .withNewStatus().addToAllocatable("nvidia.com/gpu", new Quantity(Integer.toString(gpus)))
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
        .build();
  }

  private static Pod pod(String name, String namespace, Map<String, String> labels, String node, String phase,
      int gpus) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("main").withNewResources()
        .addToLimits("nvidia.com/gpu", new Quantity(Integer.toString(gpus))).endResources().endContainer().endSpec()
        .withNewStatus().withPhase(phase).endStatus()
        .build();
  }

  @Test
  void theCloudPoolsFreeGpusPlusWhatTheModelsOwnBoundCloudPodsHold() {
    List<Node> nodes = List.of(node("cloud-1", "private-cloud", 4), node("cloud-2", "private-cloud", 4),
        node("onprem-1", "onprem", 8));
    List<Pod> pods = List.of(
        pod("other-tenant", "research", Map.of(), "cloud-1", "Running", 3),
        pod("threat-intel-full-cloud-a", "soc", OWN_CLOUD_POD, "cloud-2", "Running", 2),
        pod("threat-intel-full-cloud-b", "soc", OWN_CLOUD_POD, null, "Pending", 2),
        pod("threat-intel-full-cloud-c", "soc", OWN_CLOUD_POD, "cloud-2", "Failed", 2),
        pod("threat-intel-full-onprem-a", "soc", Map.of("shield.cybershield.io/model", "threat-intel",
            "shield.cybershield.io/pool", "onprem"), "onprem-1", "Running", 2),
        pod("threat-intel-full-cloud-x", "finance", OWN_CLOUD_POD, "cloud-1", "Running", 1));

    // 8 in the cloud, 3 + 2 + 1 held there; the model's own bound, running cloud pod gives its 2 back: 2 + 2
    assertThat(SurgeFloorReconciler.freeCloudGpus(threatIntel(), GpuCapacity.of(nodes, pods), pods))
        .isEqualTo(Map.of("nvidia.com/gpu", 4L));
  }

  private static HorizontalPodAutoscaler hpa(String name, Integer minReplicas) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName(name).withNamespace("soc").endMetadata()
        .withNewSpec().withMinReplicas(minReplicas).withMaxReplicas(8).endSpec()
        .build();
  }

  @Test
  void theCarriedFloorIsTheLowestOfTheCloudHpas() {
    assertThat(SurgeFloorReconciler.carriedFloor(List.of(hpa("threat-intel-full", 6), hpa("threat-intel-lite", 4),
        hpa("threat-intel-canary", null)))).isEqualTo(4);
  }

  @Test
  void aParkedPoolWithoutHpasCarriesZero() {
    assertThat(SurgeFloorReconciler.carriedFloor(List.of())).isZero();
  }

  @Test
  void theCarriedFloorOfScaledObjectsCountsAParkedPoolsZero() {
    assertThat(SurgeFloorReconciler.carriedScaledObjectFloor(List.of(scaledObject("threat-intel-full-cloud", 3),
        scaledObject("threat-intel-lite-cloud", 5)))).isEqualTo(3);
    assertThat(SurgeFloorReconciler.carriedScaledObjectFloor(List.of(scaledObject("threat-intel-full-cloud", 3),
        scaledObject("threat-intel-lite-cloud", 0)))).isZero();
    assertThat(SurgeFloorReconciler.carriedScaledObjectFloor(List.of())).isZero();
  }

  private static GenericKubernetesResource scaledObject(String name, int minReplicaCount) {
    return new GenericKubernetesResourceBuilder().withApiVersion("keda.sh/v1alpha1").withKind("ScaledObject")
        .withNewMetadata().withName(name).withNamespace("soc").endMetadata()
        .addToAdditionalProperties("spec", Map.of("minReplicaCount", minReplicaCount, "maxReplicaCount", 8))
        .build();
  }

  @Test
  void aWakeFloorRaisesOnlyTheVariantsItHoldsAndNeverLowersASurge() {
    Map<String, Integer> surge = Map.of("full", 3, "lite", 0, "burst", 0);
    Wake wake = new Wake(Map.of("lite", 1, "full", 1), Wake.QUEUED_WORK, "variant lite: 2 requests beyond ...");

    assertThat(SurgeFloorReconciler.floors(surge, wake)).isEqualTo(Map.of("full", 3, "lite", 1, "burst", 0));
  }

  @Test
  void withoutAWakeTheSurgeFloorsStand() {
    Map<String, Integer> surge = Map.of("full", 0);

    assertThat(SurgeFloorReconciler.floors(surge, null)).isEqualTo(Map.of("full", 0));
    assertThat(SurgeFloorReconciler.floors(surge, new Wake(Map.of(), Wake.NO_EXCESS_WORK, "parked")))
        .isEqualTo(Map.of("full", 0));
  }

  @Test
  void aWakeOfAVariantTheSurgeDoesNotNameStillCounts() {
    assertThat(SurgeFloorReconciler.floors(Map.of(), new Wake(Map.of("full", 1), Wake.UNSERVED_WORK, "refused")))
        .isEqualTo(Map.of("full", 1));
  }
}
