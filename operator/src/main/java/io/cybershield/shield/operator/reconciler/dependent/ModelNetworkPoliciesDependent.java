package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelNetworkPolicies;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.List;

/** NetworkPolicies: model pods accept traffic only from the model's gateway. */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelNetworkPoliciesDependent extends ModelBulkDependent<NetworkPolicy> {

  public ModelNetworkPoliciesDependent() {
    super(NetworkPolicy.class);
  }

  @Override
  protected List<NetworkPolicy> desiredList(ShieldModel model, Context<ShieldModel> context) {
    return List.of(ModelNetworkPolicies.desired(model), ModelGateway.networkPolicy(model));
  }
}
