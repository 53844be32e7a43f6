package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelServiceMonitors;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * A ServiceMonitor for the model's DJL Serving metrics. Active only where the Prometheus Operator's CRD exists
 * (the workflow's activation condition), so clusters without it are not asked for a kind they do not serve.
 */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelServiceMonitorDependent extends CRUDKubernetesDependentResource<ServiceMonitor, ShieldModel> {

  public ModelServiceMonitorDependent() {
    super(ServiceMonitor.class);
  }

  @Override
  protected ServiceMonitor desired(ShieldModel model, Context<ShieldModel> context) {
    GenericKubernetesResource built = ModelServiceMonitors.desired(model);
    ServiceMonitor monitor = Serialization.unmarshal(Serialization.asJson(built), ServiceMonitor.class);
    monitor.getMetadata().setNamespace(model.getMetadata().getNamespace());
    return monitor;
  }
}
