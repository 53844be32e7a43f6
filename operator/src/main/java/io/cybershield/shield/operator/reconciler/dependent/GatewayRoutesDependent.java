package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.operator.reconciler.ModelContext;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The gateway's routing ConfigMap (`<model>-gateway-routes`), which the gateway watches. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class GatewayRoutesDependent extends CRUDKubernetesDependentResource<ConfigMap, ShieldModel> {

  public GatewayRoutesDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(ShieldModel model, Context<ShieldModel> context) {
    ConfigMap desired = ModelGateway.routesConfigMap(model, ModelContext.release(context).version());
    desired.getMetadata().setNamespace(model.getMetadata().getNamespace());
    return desired;
  }
}
