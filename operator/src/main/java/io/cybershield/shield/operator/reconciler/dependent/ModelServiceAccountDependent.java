package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.operator.model.ModelServiceAccounts;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.List;

/**
 * The ServiceAccounts of a model: the model pods' own (no token mounted, no permissions) and the gateway's (bound to
 * the gateway Role).
 */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelServiceAccountDependent extends ModelBulkDependent<ServiceAccount> {

  public ModelServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected List<ServiceAccount> desiredList(ShieldModel model, Context<ShieldModel> context) {
    return List.of(ModelServiceAccounts.desired(model), ModelGateway.serviceAccount(model));
  }
}
