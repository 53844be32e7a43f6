package io.cybershield.shield.operator.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelScaledObjectsTest {

  private static final ModelScaledObjects.Settings SETTINGS =
      new ModelScaledObjects.Settings("http://prometheus.monitoring.svc:9090");

  @Test
  void everyPrivateCloudDeploymentGetsOneParkedOnesIncludedWithTheirFloorAndCeiling() {
    List<GenericKubernetesResource> scaledObjects = ModelScaledObjects.desired(ModelFixtures.threatIntel(),
        Map.of("full", 3), SETTINGS);

    assertThat(scaledObjects).extracting(so -> so.getMetadata().getName())
        .containsExactly("threat-intel-full-cloud", "threat-intel-lite-cloud");
    GenericKubernetesResource full = scaledObjects.get(0);
    assertThat(full.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
    assertThat(full.getKind()).isEqualTo("ScaledObject");
    assertThat(full.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "shield-operator")
        .containsEntry("shield.cybershield.io/variant", "full")
        .containsEntry("shield.cybershield.io/pool", "private-cloud");
    assertThat(spec(full).get("scaleTargetRef"))
        .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "threat-intel-full-cloud"));
    assertThat(spec(full)).containsEntry("minReplicaCount", 3).containsEntry("maxReplicaCount", 8);
    assertThat(ModelScaledObjects.floor(full)).isEqualTo(3);
    // the lite variant's pool stays at zero, and KEDA wakes it
    assertThat(ModelScaledObjects.floor(scaledObjects.get(1))).isZero();
    assertThat(spec(scaledObjects.get(1))).containsEntry("maxReplicaCount", 8);
  }

  @Test
  void theLoadTriggerIsTheGatewaysInFlightRequestsToTheCloudPodsWithThePerPodTarget() {
    GenericKubernetesResource full = ModelScaledObjects.desired(ModelFixtures.threatIntel(), Map.of(), SETTINGS)
        .get(0);

    Map<String, Object> load = trigger(full, "load");
    assertThat(load).containsEntry("type", "prometheus").containsEntry("metricType", "AverageValue");
    assertThat(metadata(load)).containsEntry("serverAddress", "http://prometheus.monitoring.svc:9090")
        .containsEntry("query", "sum(shield_gateway_inflight_requests{namespace=\"default\",model=\"threat-intel\","
            + "variant=\"full\",pool=\"private-cloud\"})")
        .containsEntry("threshold", "8")
        .containsEntry("activationThreshold", "0");
  }

  @Test
  void theWakeTriggerIsWorkBeyondCapacityAndUnservedWorkWithThePodConcurrency() {
    GenericKubernetesResource lite = ModelScaledObjects.desired(ModelFixtures.threatIntel(), Map.of(), SETTINGS)
        .get(1);

    Map<String, Object> wake = trigger(lite, "wake");
    String selector = "{namespace=\"default\",model=\"threat-intel\",variant=\"lite\"}";
    assertThat(metadata(wake))
        .containsEntry("query", "(sum(clamp_min(sum by (pool) (shield_gateway_inflight_requests" + selector
            + ") - max by (pool) (shield_gateway_capacity_requests" + selector + "), 0)) or vector(0))"
            + " + (sum(increase(shield_gateway_unserved_requests_total" + selector + "[2m])) or vector(0))")
        // spec.autoscaling.target is 8 in-flight requests per pod: the routing document's pod concurrency
        .containsEntry("threshold", "8")
        .containsEntry("activationThreshold", "0");
  }

  @Test
  void aModelScaledOnGpuUtilisationReadsTheDcgmGaugeOfItsCloudPods() {
    GenericKubernetesResource full = ModelScaledObjects.desired(ModelFixtures.ociCloud(), Map.of(), SETTINGS).get(0);

    assertThat(metadata(trigger(full, "load")))
        .containsEntry("query", "sum(DCGM_FI_DEV_GPU_UTIL{namespace=\"soc\",pod=~\"triage-full-cloud-.*\"})")
        .containsEntry("threshold", "70");
    // no in-flight target: the pods take DJL Serving's default batch
    assertThat(metadata(trigger(full, "wake"))).containsEntry("threshold", "256");
  }

  @Test
  void theBehaviourIsTheHpasFastUpSlowDown() {
    GenericKubernetesResource full = ModelScaledObjects.desired(ModelFixtures.threatIntel(), Map.of(), SETTINGS)
        .get(0);

    assertThat(spec(full)).containsEntry("cooldownPeriod", 300);
    assertThat(spec(full).get("advanced").toString())
        .contains("stabilizationWindowSeconds=0", "stabilizationWindowSeconds=300", "selectPolicy=Max",
            "selectPolicy=Min");
  }

  @Test
  void aModelWithoutPrivateCloudPoolHasNone() {
    assertThat(ModelScaledObjects.desired(ModelFixtures.restricted(), Map.of(), SETTINGS)).isEmpty();
  }

  @Test
  void whereKedaScalesNoCloudDeploymentHasAReplicaCountParkedOrNot() {
    List<Deployment> deployments = ModelServerDeployments.desired(ModelFixtures.threatIntel(), Map.of(), true);

    assertThat(deployments).filteredOn(d -> d.getMetadata().getName().endsWith("-cloud"))
        .hasSize(2).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isNull());
    assertThat(deployments).filteredOn(d -> d.getMetadata().getName().endsWith("-onprem"))
        .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    // without KEDA a parked pool keeps its 0
    assertThat(ModelServerDeployments.desired(ModelFixtures.threatIntel(), Map.of(), false))
        .filteredOn(d -> d.getMetadata().getName().endsWith("-cloud"))
        .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isZero());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource scaledObject) {
    return (Map<String, Object>) scaledObject.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> trigger(GenericKubernetesResource scaledObject, String name) {
    return ((List<Map<String, Object>>) spec(scaledObject).get("triggers")).stream()
        .filter(t -> name.equals(t.get("name"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> trigger) {
    return (Map<String, Object>) trigger.get("metadata");
  }
}
