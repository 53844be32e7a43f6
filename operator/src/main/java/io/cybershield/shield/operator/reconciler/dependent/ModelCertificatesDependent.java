package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelTls;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.List;

/**
 * The cert-manager Certificates of a model whose {@code spec.tls} names an issuer ({@link ModelTls#certificates}):
 * the gateway's, and the model servers' with {@code spec.tls.upstream}. Active only where cert-manager's CRD exists
 * (the workflow's activation condition), so clusters without it are not asked for a kind they do not serve; a model
 * without an issuer wants none, and one whose issuer was removed loses them.
 */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED))
public class ModelCertificatesDependent extends ModelBulkDependent<Certificate> {

  public ModelCertificatesDependent() {
    super(Certificate.class);
  }

  @Override
  protected List<Certificate> desiredList(ShieldModel model, Context<ShieldModel> context) {
    return ModelTls.certificates(model).stream()
        .map(built -> Serialization.unmarshal(Serialization.asJson(built), Certificate.class)).toList();
  }
}
