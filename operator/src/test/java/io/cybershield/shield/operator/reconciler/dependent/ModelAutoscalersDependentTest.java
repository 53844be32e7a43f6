package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelAutoscalersDependentTest {

  private static HorizontalPodAutoscaler hpa(int minReplicas) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName("threat-intel-full").withNamespace("soc").endMetadata()
        .withNewSpec().withMinReplicas(minReplicas).withMaxReplicas(8)
        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
        .withName("threat-intel-full-cloud").endScaleTargetRef()
        .endSpec()
        .build();
  }

  @Test
  void anHpaWhoseFloorMovedIsWrittenWithoutTheFullComparison() {
    ShieldModel model = new ShieldModel();
    model.setMetadata(new ObjectMetaBuilder().withName("threat-intel").withNamespace("soc").build());
    HorizontalPodAutoscaler desired = hpa(6);

    // no Context: the moved floor decides before anything the full comparison would read from it
    Matcher.Result<HorizontalPodAutoscaler> result = new ModelAutoscalersDependent().match(hpa(0), desired, model,
        null);

    assertThat(result.matched()).isFalse();
    assertThat(result.computedDesired()).containsSame(desired);
  }
}
