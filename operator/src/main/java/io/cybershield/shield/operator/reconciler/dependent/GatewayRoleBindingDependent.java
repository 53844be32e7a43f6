package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelGateway;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Binds the gateway Role to the gateway ServiceAccount. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class GatewayRoleBindingDependent extends CRUDKubernetesDependentResource<RoleBinding, ShieldModel> {

  public GatewayRoleBindingDependent() {
    super(RoleBinding.class);
  }

  @Override
  protected RoleBinding desired(ShieldModel model, Context<ShieldModel> context) {
    RoleBinding desired = ModelGateway.roleBinding(model);
    desired.getMetadata().setNamespace(model.getMetadata().getNamespace());
    return desired;
  }
}
