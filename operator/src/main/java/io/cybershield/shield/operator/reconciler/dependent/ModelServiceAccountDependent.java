package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelServiceAccounts;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The model pods' own ServiceAccount (no token mounted, no permissions). */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelServiceAccountDependent extends CRUDKubernetesDependentResource<ServiceAccount, ShieldModel> {

  public ModelServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected ServiceAccount desired(ShieldModel model, Context<ShieldModel> context) {
    ServiceAccount account = ModelServiceAccounts.desired(model);
    account.getMetadata().setNamespace(model.getMetadata().getNamespace());
    return account;
  }
}
