package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object the builders make is named by {@link ShieldNames}, labelled as the model's, and unowned. */
class ShieldNamesUsageTest {

  private static final Map<String, Integer> FLOORS = Map.of("full", 2, "lite", 2);

  @Test
  void everyNameComesFromShieldNames() {
    ShieldModel model = ModelFixtures.threatIntel();
    String m = "threat-intel";
    Set<String> expected = new HashSet<>();
    for (String variant : List.of("full", "lite")) {
      for (Pool pool : Pool.values()) {
        expected.add("Deployment/" + ShieldNames.deployment(m, variant, pool));
        expected.add("PodDisruptionBudget/" + ShieldNames.podDisruptionBudget(m, variant, pool));
      }
      expected.add("Service/" + ShieldNames.service(m, variant));
      expected.add("HorizontalPodAutoscaler/" + ShieldNames.horizontalPodAutoscaler(m, variant));
    }
    expected.add("NetworkPolicy/" + ShieldNames.modelNetworkPolicy(m));
    expected.add("ServiceAccount/" + ShieldNames.modelServiceAccount(m));
    expected.add("ServiceMonitor/" + ShieldNames.serviceMonitor(m));

    assertThat(all(model)).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyObjectIsInTheModelsNamespaceLabelledAndUnowned() {
    for (HasMetadata object : all(ModelFixtures.threatIntel())) {
      assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isEqualTo("default");
      assertThat(object.getMetadata().getOwnerReferences()).as(object.getKind()).isNullOrEmpty();
      assertThat(object.getMetadata().getLabels()).as(object.getKind())
          .containsAllEntriesOf(ShieldNames.modelLabels("threat-intel", ShieldNames.COMPONENT_MODEL_SERVER))
          .containsEntry(ShieldNames.APP_INSTANCE_LABEL, "threat-intel")
          .doesNotContainKey("team");
      assertThat(object.getMetadata().getName()).as(object.getKind()).hasSizeLessThanOrEqualTo(63);
    }
  }

  @Test
  void restrictedModelHasNoCloudObjectAtAll() {
    ShieldModel model = ModelFixtures.restricted();

    assertThat(all(model, Map.of("full", 4)))
        .allSatisfy(o -> {
          assertThat(o.getMetadata().getName()).doesNotEndWith("-" + Pool.PRIVATE_CLOUD.nameSuffix());
          assertThat(o.getMetadata().getLabels()).doesNotContainEntry(ShieldNames.POOL_LABEL,
              ShieldNames.POOL_PRIVATE_CLOUD);
        })
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactlyInAnyOrder("Deployment/forensics-full-onprem", "PodDisruptionBudget/forensics-full-onprem",
            "Service/forensics-full", "NetworkPolicy/forensics-model", "ServiceAccount/forensics-model",
            "ServiceMonitor/forensics");
  }

  private static List<HasMetadata> all(ShieldModel model) {
    return all(model, FLOORS);
  }

  private static List<HasMetadata> all(ShieldModel model, Map<String, Integer> floors) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(ModelServerDeployments.desired(model, floors));
    objects.addAll(ModelServices.desired(model));
    objects.addAll(ModelAutoscalers.desired(model, floors));
    objects.addAll(ModelDisruptionBudgets.desired(model, floors));
    objects.add(ModelNetworkPolicies.desired(model));
    objects.add(ModelServiceAccounts.desired(model));
    objects.add(ModelServiceMonitors.desired(model));
    return objects;
  }
}
