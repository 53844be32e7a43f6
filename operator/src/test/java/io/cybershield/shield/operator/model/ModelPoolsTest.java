package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.ModelEdits;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelPoolsTest {

  @Test
  void floorComesFromTheMapElseMinReplicasAndStaysWithinBounds() {
    ShieldModel model = ModelFixtures.ociCloud();

    assertThat(ModelPools.privateCloudFloor(model, "full", Map.of())).isEqualTo(2);
    assertThat(ModelPools.privateCloudFloor(model, "full", null)).isEqualTo(2);
    assertThat(ModelPools.privateCloudFloor(model, "full", Map.of("full", 5))).isEqualTo(5);
    assertThat(ModelPools.privateCloudFloor(model, "full", Map.of("full", 99))).isEqualTo(6);
    assertThat(ModelPools.privateCloudFloor(model, "full", Map.of("full", -3))).isZero();
    assertThat(ModelPools.privateCloudFloor(model, "full", Map.of("other", 5))).isEqualTo(2);
  }

  @Test
  void nullFloorInTheMapFallsBackToMinReplicas() {
    Map<String, Integer> floors = new HashMap<>();
    floors.put("full", null);

    assertThat(ModelPools.privateCloudFloor(ModelFixtures.ociCloud(), "full", floors)).isEqualTo(2);
  }

  @Test
  void restrictedOrAbsentCloudPoolHasNoFloorAndIsNotDeployed() {
    assertThat(ModelPools.privateCloudFloor(ModelFixtures.restricted(), "full", Map.of("full", 3))).isZero();
    assertThat(ModelPools.deployedPools(ModelFixtures.restricted())).containsExactly(Pool.ONPREM);
    assertThat(ModelPools.deployedPools(ModelFixtures.cpuSmall())).containsExactly(Pool.ONPREM);
    assertThat(ModelPools.deployedPools(ModelFixtures.threatIntel())).containsExactly(Pool.ONPREM, Pool.PRIVATE_CLOUD);
  }

  @Test
  void migVariantsDefaultToOneShardButKeepAnExplicitDegree() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editVariant(model, "lite", variant -> variant.editGpu().withCount(2).endGpu());
    assertThat(ServedVariant.of(model, ModelFixtures.variant(model, "lite")).tensorParallelDegree()).isEqualTo(1);

    ModelEdits.editVariant(model, "lite", variant -> variant.withTensorParallelDegree(2));
    assertThat(ServedVariant.of(model, ModelFixtures.variant(model, "lite")).tensorParallelDegree()).isEqualTo(2);
  }

  @Test
  void workloadLabelsOmitAMissingVersion() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editSpec(model, spec -> spec.editModel().withVersion(null).endModel());

    assertThat(ModelMetadata.workloadLabels(model, "full", Pool.ONPREM))
        .doesNotContainKey("app.kubernetes.io/version");
  }
}
