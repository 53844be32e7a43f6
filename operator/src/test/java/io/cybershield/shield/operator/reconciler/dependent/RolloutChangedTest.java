package io.cybershield.shield.operator.reconciler.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutChangedTest {

  private final ModelDeploymentsDependent.RolloutChanged filter = new ModelDeploymentsDependent.RolloutChanged();

  /** A Deployment its controller has fully rolled out: generation 3 observed, 2 of 2 replicas available. */
  private static Deployment rolledOut() {
    return new DeploymentBuilder()
        .withNewMetadata().withName("threat-intel-full-onprem").withNamespace("soc").withGeneration(3L)
        .addToAnnotations("deployment.kubernetes.io/revision", "3").endMetadata()
        .withNewSpec().withReplicas(2).endSpec()
        .withNewStatus().withObservedGeneration(3L).withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2)
        .withAvailableReplicas(2)
        .addNewCondition().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable")
        .withMessage("Deployment has minimum availability.").withLastUpdateTime("2026-11-27T10:02:00Z")
        .withLastTransitionTime("2026-11-27T10:02:00Z").endCondition()
        .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable")
        .withMessage("ReplicaSet \"threat-intel-full-onprem-6b7c\" has successfully progressed.")
        .withLastUpdateTime("2026-11-27T10:02:00Z").withLastTransitionTime("2026-11-27T10:00:00Z").endCondition()
        .endStatus()
        .build();
  }

  private boolean accepts(UnaryOperator<DeploymentBuilder> change) {
    return filter.accept(change.apply(new DeploymentBuilder(rolledOut())).build(), rolledOut());
  }

  @Test
  void theDeploymentControllersConditionBookkeepingIsNoChange() {
    assertThat(accepts(d -> d.editStatus()
        .editMatchingCondition(c -> "Progressing".equals(c.getType())).withReason("ReplicaSetUpdated")
        .withMessage("ReplicaSet \"threat-intel-full-onprem-6b7c\" is progressing.")
        .withLastUpdateTime("2026-11-27T10:05:00Z").endCondition()
        .editMatchingCondition(c -> "Available".equals(c.getType())).withLastUpdateTime("2026-11-27T10:05:00Z")
        .withLastTransitionTime("2026-11-27T10:05:00Z").endCondition()
        .endStatus())).isFalse();
  }

  @Test
  void anAnnotationIsNoChange() {
    assertThat(accepts(d -> d.editMetadata().addToAnnotations("deployment.kubernetes.io/revision", "4")
        .endMetadata())).isFalse();
  }

  @Test
  void aNewGeneration() {
    assertThat(accepts(d -> d.editMetadata().withGeneration(4L).endMetadata())).isTrue();
  }

  @Test
  void specReplicas() {
    assertThat(accepts(d -> d.editSpec().withReplicas(3).endSpec())).isTrue();
  }

  @Test
  void theObservedGeneration() {
    assertThat(accepts(d -> d.editStatus().withObservedGeneration(2L).endStatus())).isTrue();
  }

  @Test
  void replicas() {
    assertThat(accepts(d -> d.editStatus().withReplicas(3).endStatus())).isTrue();
  }

  @Test
  void updatedReplicas() {
    assertThat(accepts(d -> d.editStatus().withUpdatedReplicas(1).endStatus())).isTrue();
  }

  @Test
  void readyReplicas() {
    assertThat(accepts(d -> d.editStatus().withReadyReplicas(1).endStatus())).isTrue();
  }

  @Test
  void availableReplicas() {
    assertThat(accepts(d -> d.editStatus().withAvailableReplicas(1).endStatus())).isTrue();
  }

  @Test
  void aRolloutGivingUp() {
    assertThat(accepts(d -> d.editStatus()
        .editMatchingCondition(c -> "Progressing".equals(c.getType())).withStatus("False")
        .withReason("ProgressDeadlineExceeded")
        .withMessage("ReplicaSet \"threat-intel-full-onprem-6b7c\" has timed out progressing.")
        .withLastTransitionTime("2026-11-27T10:12:00Z").endCondition()
        .endStatus())).isTrue();
  }
}
