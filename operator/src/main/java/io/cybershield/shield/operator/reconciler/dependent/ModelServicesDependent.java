package io.cybershield.shield.operator.reconciler.dependent;

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
    return ModelServices.desired(model);
  }
}
