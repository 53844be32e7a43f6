package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelDisruptionBudgetsTest {

  @Test
  void onPremDeploymentsWithTwoReplicasGetABudgetParkedCloudPoolsDoNot() {
    List<PodDisruptionBudget> budgets = ModelDisruptionBudgets.desired(ModelFixtures.threatIntel());

    assertThat(budgets).extracting(b -> b.getMetadata().getName()).containsExactly(
        "threat-intel-full-onprem", "threat-intel-lite-onprem");
  }

  @Test
  void budgetAllowsOneDisruptionOfThatDeploymentsPods() {
    ShieldModel model = ModelFixtures.threatIntel();
    PodDisruptionBudget budget = ModelDisruptionBudgets.desired(model).get(0);
    Deployment deployment = ModelServerDeploymentsTest.byName(ModelServerDeployments.desired(model),
        budget.getMetadata().getName());

    assertThat(budget.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(budget.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    assertThat(budget.getSpec().getMinAvailable()).isNull();
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(budget.getSpec().getUnhealthyPodEvictionPolicy()).isEqualTo("AlwaysAllow");
  }

  @Test
  void cloudPoolWithAFloorAndRoomForSeveralGetsABudget() {
    List<PodDisruptionBudget> budgets = ModelDisruptionBudgets.desired(ModelFixtures.threatIntel(), Map.of("lite", 1));

    assertThat(budgets).extracting(b -> b.getMetadata().getName())
        .containsExactly("threat-intel-full-onprem", "threat-intel-lite-onprem", "threat-intel-lite-cloud");
  }

  @Test
  void singleReplicaGetsNoBudget() {
    assertThat(ModelDisruptionBudgets.desired(ModelFixtures.cpuSmall())).isEmpty();
    assertThat(ModelDisruptionBudgets.desired(ModelFixtures.ociCloud())).extracting(b -> b.getMetadata().getName())
        .containsExactly("triage-full-cloud");
  }

  @Test
  void restrictedModelHasOnlyOnPremBudgets() {
    assertThat(ModelDisruptionBudgets.desired(ModelFixtures.restricted(), Map.of("full", 3)))
        .extracting(b -> b.getMetadata().getName()).containsExactly("forensics-full-onprem");
  }
}
