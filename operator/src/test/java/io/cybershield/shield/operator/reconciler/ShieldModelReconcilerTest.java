package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.operator.surge.SurgeDecision;
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
      hpa("threat-intel-full", Map.of("shield.cybershield.io/model", "threat-intel",
          "shield.cybershield.io/variant", "full"), 2),
      hpa("threat-intel-lite", Map.of("shield.cybershield.io/model", "threat-intel",
          "shield.cybershield.io/variant", "lite"), 3),
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
    // an HPA without a variant label or without a floor says nothing about a variant
    assertThat(ShieldModelReconciler.floors(Optional.empty(), CARRYING_TWO_AND_THREE))
        .isEqualTo(Map.of("full", 2, "lite", 3));
    assertThat(ShieldModelReconciler.floors(Optional.empty(), List.of())).isEmpty();
  }
}
