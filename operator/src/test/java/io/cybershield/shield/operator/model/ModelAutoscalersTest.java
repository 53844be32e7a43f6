package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.LoadMetric;
import io.cybershield.shield.operator.ModelEdits;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class ModelAutoscalersTest {

  @Test
  void parkedCloudPoolHasNoAutoscaler() {
    assertThat(ModelAutoscalers.desired(ModelFixtures.threatIntel())).isEmpty();
  }

  @Test
  void raisedFloorGetsAnAutoscalerForTheCloudDeployment() {
    List<HorizontalPodAutoscaler> hpas = ModelAutoscalers.desired(ModelFixtures.threatIntel(), Map.of("full", 3));

    assertThat(hpas).singleElement().satisfies(hpa -> {
      assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
      assertThat(hpa.getMetadata().getName()).isEqualTo("threat-intel-full-cloud");
      assertThat(hpa.getMetadata().getNamespace()).isEqualTo("default");
      assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
      assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("threat-intel-full-cloud");
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
    });
  }

  @Test
  void everyHpaTargetsADeploymentWithoutReplicas() {
    Map<String, Integer> floors = Map.of("full", 2, "lite", 1);
    List<Deployment> deployments = ModelServerDeployments.desired(ModelFixtures.threatIntel(), floors);

    for (HorizontalPodAutoscaler hpa : ModelAutoscalers.desired(ModelFixtures.threatIntel(), floors)) {
      Deployment target = ModelServerDeploymentsTest.byName(deployments, hpa.getSpec().getScaleTargetRef().getName());
      assertThat(target.getSpec().getReplicas()).isNull();
    }
    assertThat(ModelAutoscalers.desired(ModelFixtures.threatIntel(), floors)).hasSize(2);
  }

  @Test
  void floorIsCappedAtMaxReplicas() {
    List<HorizontalPodAutoscaler> hpas = ModelAutoscalers.desired(ModelFixtures.threatIntel(), Map.of("lite", 50));

    assertThat(hpas).singleElement().satisfies(hpa -> {
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(8);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
    });
  }

  @Test
  void inflightRequestsIsTheGatewaysExternalMetricForTheCloudPool() {
    MetricSpec metric = ModelAutoscalers.desired(ModelFixtures.threatIntel(), Map.of("full", 1)).get(0)
        .getSpec().getMetrics().get(0);

    assertThat(metric.getType()).isEqualTo("External");
    assertThat(metric.getExternal().getMetric().getName()).isEqualTo("shield_gateway_inflight_requests");
    assertThat(metric.getExternal().getMetric().getSelector().getMatchLabels()).containsOnly(
        entry("model", "threat-intel"), entry("variant", "full"), entry("pool", "private-cloud"));
    assertThat(metric.getExternal().getTarget().getType()).isEqualTo("AverageValue");
    assertThat(metric.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("8"));
  }

  @Test
  void queuedRequestsIsTheGatewaysQueuePerVariant() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editSpec(model, spec -> spec.editAutoscaling().editTarget()
        .withMetric(LoadMetric.QUEUED_REQUESTS).withAverageValue(2)
        .endTarget().endAutoscaling());

    MetricSpec metric = ModelAutoscalers.desired(model, Map.of("lite", 1)).get(0).getSpec().getMetrics().get(0);

    assertThat(metric.getType()).isEqualTo("External");
    assertThat(metric.getExternal().getMetric().getName()).isEqualTo(ShieldNames.GATEWAY_QUEUED_METRIC);
    assertThat(metric.getExternal().getMetric().getSelector().getMatchLabels()).containsOnly(
        entry("model", "threat-intel"), entry("variant", "lite"));
    assertThat(metric.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("2"));
  }

  @Test
  void gpuUtilizationIsAPodsMetric() {
    List<HorizontalPodAutoscaler> hpas = ModelAutoscalers.desired(ModelFixtures.ociCloud());

    assertThat(hpas).singleElement().satisfies(hpa -> {
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
      MetricSpec metric = hpa.getSpec().getMetrics().get(0);
      assertThat(metric.getType()).isEqualTo("Pods");
      assertThat(metric.getPods().getMetric().getName()).isEqualTo("DCGM_FI_DEV_GPU_UTIL");
      assertThat(metric.getPods().getTarget().getType()).isEqualTo("AverageValue");
      assertThat(metric.getPods().getTarget().getAverageValue()).isEqualTo(new Quantity("70"));
    });
  }

  @Test
  void withoutATargetScalesOnInflightRequests() {
    ShieldModel model = ModelFixtures.ociCloud();
    ModelEdits.editSpec(model, spec -> spec.withAutoscaling(null));
    MetricSpec metric = ModelAutoscalers.desired(model).get(0).getSpec().getMetrics().get(0);
    assertThat(metric.getExternal().getMetric().getName()).isEqualTo(ShieldNames.GATEWAY_INFLIGHT_METRIC);
    assertThat(metric.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("8"));

    ShieldModel other = ModelFixtures.ociCloud();
    ModelEdits.editSpec(other, spec -> spec.editAutoscaling().withNewTarget().withAverageValue(4).endTarget()
        .endAutoscaling());
    MetricSpec defaulted = ModelAutoscalers.desired(other).get(0).getSpec().getMetrics().get(0);
    assertThat(defaulted.getExternal().getMetric().getName()).isEqualTo(ShieldNames.GATEWAY_INFLIGHT_METRIC);
    assertThat(defaulted.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("4"));
  }

  @Test
  void scalesUpAtOnceAndDownSlowly() {
    HorizontalPodAutoscaler hpa = ModelAutoscalers.desired(ModelFixtures.ociCloud()).get(0);

    var up = hpa.getSpec().getBehavior().getScaleUp();
    assertThat(up.getStabilizationWindowSeconds()).isZero();
    assertThat(up.getSelectPolicy()).isEqualTo("Max");
    // whichever allows more: 4 pods or doubling, every minute
    assertThat(up.getPolicies()).extracting(HPAScalingPolicy::getType, HPAScalingPolicy::getValue,
            HPAScalingPolicy::getPeriodSeconds)
        .containsExactly(tuple("Pods", 4, 60), tuple("Percent", 100, 60));
    var down = hpa.getSpec().getBehavior().getScaleDown();
    assertThat(down.getStabilizationWindowSeconds()).isEqualTo(300);
    assertThat(down.getPolicies()).singleElement().satisfies(p -> {
      assertThat(p.getType()).isEqualTo("Pods");
      assertThat(p.getValue()).isEqualTo(1);
    });
  }

  @Test
  void restrictedModelNeverGetsAnAutoscaler() {
    ShieldModel model = ModelFixtures.restricted();
    ModelEdits.editSpec(model, spec -> spec.editPlacement()
        .withNewPrivateCloud().withMinReplicas(2).withMaxReplicas(4).endPrivateCloud()
        .endPlacement());

    assertThat(ModelAutoscalers.desired(model)).isEmpty();
    assertThat(ModelAutoscalers.desired(model, Map.of("full", 4))).isEmpty();
  }

  @Test
  void noCloudPoolNoAutoscaler() {
    assertThat(ModelAutoscalers.desired(ModelFixtures.cpuSmall(), Map.of("cpu", 2))).isEmpty();
  }
}
