package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.operator.retrain.RetrainJobs;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The ServiceAccount a ShieldRetrain's Jobs run as (no token mounted, no permissions). */
@KubernetesDependent(informer = @Informer(labelSelector = ShieldNames.RETRAIN_LABEL))
public class TrainerServiceAccountDependent extends CRUDKubernetesDependentResource<ServiceAccount, ShieldRetrain> {

  public TrainerServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected ServiceAccount desired(ShieldRetrain retrain, Context<ShieldRetrain> context) {
    return RetrainJobs.serviceAccount(retrain);
  }
}
