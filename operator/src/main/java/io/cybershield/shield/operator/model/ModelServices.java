package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One ClusterIP Service {@code <model>-<variant>} per variant, over its pods in both pools; the gateway picks the pool
 * by pod labels where the data classification requires it.
 */
public final class ModelServices {

  private ModelServices() {
  }

  /** The Services of the model's variants. */
  public static List<Service> desired(ShieldModel model) {
    String modelName = model.getMetadata().getName();
    List<Service> services = new ArrayList<>();
    for (Variant variant : model.getSpec().variants()) {
      services.add(new ServiceBuilder()
          .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.service(modelName, variant.name()),
              ModelMetadata.variantLabels(model, variant.name())))
          .withNewSpec()
          .withType("ClusterIP")
          .withSelector(new LinkedHashMap<>(ShieldNames.variantSelector(modelName, variant.name())))
          .addNewPort()
          .withName(ModelServerPodTemplates.HTTP_PORT_NAME)
          .withPort(ModelServerPodTemplates.HTTP_PORT)
          .withTargetPort(new IntOrString(ModelServerPodTemplates.HTTP_PORT_NAME))
          .withProtocol("TCP")
          .withAppProtocol("http")
          .endPort()
          .endSpec()
          .build());
    }
    return services;
  }
}
