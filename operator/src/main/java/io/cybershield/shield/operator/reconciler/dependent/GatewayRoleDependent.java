package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelGateway;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The gateway's Role: read its routes, its model's pods and EndpointSlices, its ShieldModel. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class GatewayRoleDependent extends CRUDKubernetesDependentResource<Role, ShieldModel> {

  public GatewayRoleDependent() {
    super(Role.class);
  }

  @Override
  protected Role desired(ShieldModel model, Context<ShieldModel> context) {
    Role desired = ModelGateway.role(model);
    desired.getMetadata().setNamespace(model.getMetadata().getNamespace());
    return desired;
  }
}
