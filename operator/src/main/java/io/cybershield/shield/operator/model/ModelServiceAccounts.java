package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The ServiceAccount of the model pods: an identity with no token and no rights, as the pods never call the API. */
public final class ModelServiceAccounts {

  private ModelServiceAccounts() {
  }

  /** The ServiceAccount {@code <model>-model}. */
  public static ServiceAccount desired(ShieldModel model) {
    return new ServiceAccountBuilder()
        .withMetadata(ModelMetadata.objectMeta(model,
            ShieldNames.modelServiceAccount(model.getMetadata().getName()), ModelMetadata.modelServerLabels(model)))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
