package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.common.LocalReference;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelSpecBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.ModelSource;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainSpec;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatusBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.status.Release;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainPhase;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShieldModelReconcilerTest {

  private static HorizontalPodAutoscaler hpa(String name, Map<String, String> labels, Integer minReplicas) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName(name).withNamespace("soc").withLabels(labels).endMetadata()
        .withNewSpec().withMinReplicas(minReplicas).withMaxReplicas(8).endSpec()
        .build();
  }

  private static final List<HorizontalPodAutoscaler> CARRYING_TWO_AND_THREE = List.of(
      hpa("threat-intel-full-cloud", Map.of("shield.cybershield.io/model", "threat-intel",
          "shield.cybershield.io/variant", "full"), 2),
      hpa("threat-intel-lite-cloud", Map.of("shield.cybershield.io/model", "threat-intel",
          "shield.cybershield.io/variant", "lite"), 3),
      // KEDA's HPA of a ScaledObject copies its labels; its floor is KEDA's, at least 1
      hpa("keda-hpa-threat-intel-full-cloud", Map.of("shield.cybershield.io/model", "threat-intel",
          "shield.cybershield.io/variant", "full"), 1),
      hpa("threat-intel-unlabelled", Map.of("shield.cybershield.io/model", "threat-intel"), 5),
      hpa("threat-intel-canary", Map.of("shield.cybershield.io/model", "threat-intel",
          "shield.cybershield.io/variant", "canary"), null));

  @Test
  void theFloorControllersDecisionWinsOverWhatTheHpasCarry() {
    SurgeDecision critical = new SurgeDecision(List.of(new ActiveIncident("inc-4711", Severity.CRITICAL, 6)),
        Severity.CRITICAL, 6, 6, 0, 0, 0, Map.of(), Map.of("full", 6, "lite", 6), null, Optional.empty(),
        "IncidentActive", "critical incident inc-4711 raises the private-cloud floor to 6");

    assertThat(ShieldModelReconciler.floors(Optional.of(critical), CARRYING_TWO_AND_THREE))
        .isEqualTo(Map.of("full", 6, "lite", 6));
  }

  @Test
  void beforeAnyDecisionTheHpasFloorsByTheirVariantLabel() {
    // an HPA without a variant label or without a floor, or not named as the operator names it, says nothing
    assertThat(ShieldModelReconciler.floors(Optional.empty(), CARRYING_TWO_AND_THREE))
        .isEqualTo(Map.of("full", 2, "lite", 3));
    assertThat(ShieldModelReconciler.floors(Optional.empty(), List.of())).isEmpty();
  }

  private static ShieldRetrain retrain(String trains, ShieldRetrainStatus status) {
    ShieldRetrain retrain = new ShieldRetrain();
    retrain.setMetadata(new ObjectMetaBuilder().withName("threat-intel-biannual").withNamespace("soc").build());
    retrain.setSpec(new ShieldRetrainSpec(new LocalReference(trains), "0 2 1 1,7 *", null, null, false, null, null,
        null, 5));
    retrain.setStatus(status);
    return retrain;
  }

  private static ShieldRetrainStatus promoted(String version, Release... releases) {
    return new ShieldRetrainStatusBuilder().withPhase(RetrainPhase.Scheduled).withPromotedVersion(version)
        .withReleases(List.of(releases)).build();
  }

  private static final Release R1 = new Release("r1", "s3://models/threat-intel/r1", 1L, "2026-01-01T02:00:00Z");
  private static final Release R2 = new Release("r2", "s3://models/threat-intel/r2", 2L, "2026-07-01T02:00:00Z");

  @Test
  void onlyAChangeOfWhatTheModelsServeReconcilesThem() {
    ShieldRetrain r1 = retrain("threat-intel", promoted("r1", R1));

    ShieldRetrain heartbeat = retrain("threat-intel", new ShieldRetrainStatusBuilder(r1.getStatus())
        .withPhase(RetrainPhase.Training).withNextScheduleTime("2027-01-01T01:00:00Z")
        .withLastScheduleTime("2026-07-01T00:00:00Z").build());
    assertThat(ShieldModelReconciler.servingChanged(r1, heartbeat)).as("phase and schedule times").isFalse();
    assertThat(ShieldModelReconciler.servingChanged(r1, retrain("threat-intel", promoted("r1", R1, R2))))
        .as("another release, not promoted").isFalse();

    assertThat(ShieldModelReconciler.servingChanged(r1, retrain("threat-intel", promoted("r2", R2, R1))))
        .as("a promotion").isTrue();
    assertThat(ShieldModelReconciler.servingChanged(retrain("threat-intel", promoted("r2", R2, R1)), r1))
        .as("a rollback").isTrue();
    assertThat(ShieldModelReconciler.servingChanged(r1, retrain("threat-intel", promoted("r1",
        new Release("r1", "s3://models/threat-intel/r1-fixed", 1L, null))))).as("the weights of r1").isTrue();
    assertThat(ShieldModelReconciler.servingChanged(r1, retrain("phishing-coach", promoted("r1", R1))))
        .as("spec.modelRef").isTrue();
    assertThat(ShieldModelReconciler.servingChanged(retrain("threat-intel", null), r1))
        .as("the first promotion").isTrue();
  }

  @Test
  void aModelIsIndexedByTheNamespaceAndNameOfTheRetrainItFollows() {
    ShieldModel model = new ShieldModel();
    model.setMetadata(new ObjectMetaBuilder().withName("threat-intel").withNamespace("soc").build());
    model.setSpec(new ShieldModelSpecBuilder().withModel(new ModelSource("s3://models/threat-intel", "v7", null,
        new LocalReference("threat-intel-biannual"))).build());
    assertThat(ShieldModelReconciler.retrainKey(model)).isEqualTo("soc/threat-intel-biannual");

    model.setSpec(new ShieldModelSpecBuilder().withModel(new ModelSource("s3://models/threat-intel", "v7", null,
        null)).build());
    assertThat(ShieldModelReconciler.retrainKey(model)).isNull();
  }
}
