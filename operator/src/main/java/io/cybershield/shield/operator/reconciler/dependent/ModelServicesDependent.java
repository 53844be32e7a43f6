package io.cybershield.shield.operator.reconciler.dependent;

import java.util.ArrayList;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelServices;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.List;

/** One Service per variant, spanning both pools. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelServicesDependent extends ModelBulkDependent<Service> {

  public ModelServicesDependent() {
    super(Service.class);
  }

  @Override
  protected List<Service> desiredList(ShieldModel model, Context<ShieldModel> context) {
    List<Service> services = new ArrayList<>(ModelServices.desired(model));
    services.add(ModelGateway.service(model));
    return services;
  }
}
