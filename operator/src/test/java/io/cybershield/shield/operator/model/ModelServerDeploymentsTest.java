package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.ModelEdits;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelServerDeploymentsTest {

  @Test
  void twoVariantModelGetsOneDeploymentPerVariantAndPool() {
    List<Deployment> deployments = ModelServerDeployments.desired(ModelFixtures.threatIntel());

    assertThat(deployments).extracting(d -> d.getMetadata().getName())
        .containsExactly("threat-intel-full-onprem", "threat-intel-full-cloud", "threat-intel-lite-onprem",
            "threat-intel-lite-cloud");
    assertThat(deployments).allSatisfy(d -> {
      assertThat(d.getMetadata().getNamespace()).isEqualTo("default");
      assertThat(d.getMetadata().getOwnerReferences()).isNullOrEmpty();
    });
  }

  @Test
  void onPremRunsItsFixedReplicasAndParkedCloudPoolRunsZero() {
    List<Deployment> deployments = ModelServerDeployments.desired(ModelFixtures.threatIntel());

    assertThat(byName(deployments, "threat-intel-full-onprem").getSpec().getReplicas()).isEqualTo(2);
    assertThat(byName(deployments, "threat-intel-full-cloud").getSpec().getReplicas()).isZero();
    assertThat(byName(deployments, "threat-intel-lite-cloud").getSpec().getReplicas()).isZero();
  }

  @Test
  void cloudPoolWithFloorLeavesReplicasToTheAutoscaler() {
    List<Deployment> deployments = ModelServerDeployments.desired(ModelFixtures.ociCloud());

    assertThat(byName(deployments, "triage-full-onprem").getSpec().getReplicas()).isEqualTo(1);
    assertThat(byName(deployments, "triage-full-cloud").getSpec().getReplicas()).isNull();
  }

  @Test
  void autoscaledDeploymentDoesNotClaimReplicasWhenApplied() {
    Deployment cloud = byName(ModelServerDeployments.desired(ModelFixtures.ociCloud()), "triage-full-cloud");
    Deployment onPrem = byName(ModelServerDeployments.desired(ModelFixtures.ociCloud()), "triage-full-onprem");

    assertThat(Serialization.asJson(cloud.getSpec())).doesNotContain("\"replicas\"");
    assertThat(Serialization.asJson(onPrem.getSpec())).contains("\"replicas\":1");
    // Empty lists (tolerations, pull secrets) must not be sent: server-side apply would claim them.
    assertThat(Serialization.asJson(onPrem)).doesNotContain("[]").doesNotContain(":null");
  }

  @Test
  void raisedFloorWakesOnlyTheVariantItNames() {
    List<Deployment> deployments = ModelServerDeployments.desired(ModelFixtures.threatIntel(), Map.of("full", 6));

    assertThat(byName(deployments, "threat-intel-full-cloud").getSpec().getReplicas()).isNull();
    assertThat(byName(deployments, "threat-intel-lite-cloud").getSpec().getReplicas()).isZero();
  }

  @Test
  void floorOfZeroParksAPoolWhoseMinimumIsAboveZero() {
    List<Deployment> deployments = ModelServerDeployments.desired(ModelFixtures.ociCloud(), Map.of("full", 0));

    assertThat(byName(deployments, "triage-full-cloud").getSpec().getReplicas()).isZero();
  }

  @Test
  void restrictedModelHasNoCloudDeploymentEvenWhenPlacementAsksForOne() {
    ShieldModel model = ModelFixtures.restricted();
    ModelEdits.editSpec(model, spec -> spec.editPlacement()
        .withNewPrivateCloud().withMinReplicas(2).withMaxReplicas(4).endPrivateCloud()
        .endPlacement());

    List<Deployment> deployments = ModelServerDeployments.desired(model, Map.of("full", 4));

    assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactly("forensics-full-onprem");
    assertThat(deployments.get(0).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void sameCloudPoolIsDeployedOnceTheModelIsNotRestricted() {
    ShieldModel model = ModelFixtures.restricted();
    ModelEdits.editSpec(model, spec -> spec.editPlacement()
        .withNewPrivateCloud().withMaxReplicas(4).endPrivateCloud()
        .endPlacement()
        .withDataClassification(DataClassification.CONFIDENTIAL));

    assertThat(ModelServerDeployments.desired(model)).extracting(d -> d.getMetadata().getName())
        .containsExactly("forensics-full-onprem", "forensics-full-cloud");
  }

  @Test
  void emptyPoolsGetNoDeployment() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editSpec(model, spec -> spec.editPlacement().editOnPrem().withReplicas(0).endOnPrem().endPlacement());
    ModelEdits.editSpec(model, spec -> spec.editPlacement().editPrivateCloud()
        .withMaxReplicas(0).endPrivateCloud().endPlacement());

    assertThat(ModelServerDeployments.desired(model, Map.of("full", 3))).isEmpty();
  }

  @Test
  void onlyCloudWhenThereIsNoOnPremPool() {
    ShieldModel model = ModelFixtures.ociCloud();
    ModelEdits.editSpec(model, spec -> spec.editPlacement().withOnPrem(null).endPlacement());

    assertThat(ModelServerDeployments.desired(model)).extracting(d -> d.getMetadata().getName())
        .containsExactly("triage-full-cloud");
  }

  @Test
  void onPremReplicasDefaultToOne() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editSpec(model, spec -> spec.editPlacement().editOnPrem().withReplicas(null).endOnPrem().endPlacement());

    assertThat(byName(ModelServerDeployments.desired(model), "threat-intel-full-onprem").getSpec().getReplicas())
        .isEqualTo(1);
  }

  @Test
  void selectorIsThePodSelectorAndTheTemplateCarriesItWithTheStandardLabels() {
    Deployment deployment = byName(ModelServerDeployments.desired(ModelFixtures.threatIntel()),
        "threat-intel-lite-cloud");

    // no version in the selector: a Deployment's selector is immutable, and a new version is a rollout
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
        "shield.cybershield.io/model", "threat-intel",
        "shield.cybershield.io/variant", "lite",
        "shield.cybershield.io/component", "model-server",
        "shield.cybershield.io/pool", "private-cloud"));
    assertThat(deployment.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();

    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels).isEqualTo(Map.of(
        "shield.cybershield.io/model", "threat-intel",
        "shield.cybershield.io/variant", "lite",
        "shield.cybershield.io/component", "model-server",
        "shield.cybershield.io/pool", "private-cloud",
        "app.kubernetes.io/name", "djl-serving",
        "app.kubernetes.io/instance", "threat-intel",
        "app.kubernetes.io/version", "v7",
        "app.kubernetes.io/managed-by", "shield-operator",
        "app.kubernetes.io/part-of", "shield"));
    assertThat(deployment.getMetadata().getLabels()).isEqualTo(podLabels);
  }

  @Test
  void versionChangeKeepsTheSelector() {
    ShieldModel model = ModelFixtures.threatIntel();
    Deployment before = ModelServerDeployments.desired(model).get(0);
    ModelEdits.editSpec(model, spec -> spec.editModel().withVersion("v8").endModel());
    Deployment after = ModelServerDeployments.desired(model).get(0);

    assertThat(after.getSpec().getSelector()).isEqualTo(before.getSpec().getSelector());
  }

  @Test
  void rolloutNeverSurgesAndOutlastsTheStartupBudget() {
    Deployment deployment = ModelServerDeployments.desired(ModelFixtures.threatIntel()).get(0);

    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(0));
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
        .isEqualTo(new IntOrString(1));
    // the 1800s startup budget (180 probes 10s apart) plus 10 minutes
    assertThat(deployment.getSpec().getProgressDeadlineSeconds()).isEqualTo(2400);
    assertThat(deployment.getSpec().getRevisionHistoryLimit()).isEqualTo(3);
  }

  @Test
  void everyCallReturnsNewEqualObjects() {
    ShieldModel model = ModelFixtures.threatIntel();
    List<Deployment> first = ModelServerDeployments.desired(model);
    List<Deployment> second = ModelServerDeployments.desired(model);

    assertThat(second).isEqualTo(first);
    assertThat(second.get(0)).isNotSameAs(first.get(0));
    first.get(0).getSpec().getTemplate().getMetadata().getLabels().put("mutated", "yes");
    assertThat(ModelServerDeployments.desired(model).get(0).getSpec().getTemplate().getMetadata().getLabels())
        .doesNotContainKey("mutated");
  }

  @Test
  void theModelIsNotModified() {
    ShieldModel model = ModelFixtures.threatIntel();
    String before = Serialization.asJson(model);
    ModelServerDeployments.desired(model, Map.of("full", 3));

    assertThat(Serialization.asJson(model)).isEqualTo(before);
  }

  static Deployment byName(List<Deployment> deployments, String name) {
    return deployments.stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name));
  }
}
