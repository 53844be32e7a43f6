package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels and metadata shared by the model-server resources of a ShieldModel. */
public final class ModelMetadata {

  private ModelMetadata() {
  }

  /** Labels of every model-server resource of the model: Shield's model and component labels plus the standard ones. */
  public static Map<String, String> modelServerLabels(ShieldModel model) {
    String name = model.getMetadata().getName();
    Map<String, String> labels = ShieldNames.modelLabels(name, ShieldNames.COMPONENT_MODEL_SERVER);
    labels.put(ShieldNames.APP_NAME_LABEL, ShieldNames.APP_MODEL_SERVER);
    labels.put(ShieldNames.APP_INSTANCE_LABEL, name);
    return labels;
  }

  /** {@link #modelServerLabels} plus the variant: the labels of a variant's Service. */
  public static Map<String, String> variantLabels(ShieldModel model, String variant) {
    Map<String, String> labels = modelServerLabels(model);
    labels.putAll(ShieldNames.variantSelector(model.getMetadata().getName(), variant));
    return labels;
  }

  /** {@link #variantLabels} plus the pool: the labels of a variant's resources in one pool (HPA, PDB). */
  public static Map<String, String> poolLabels(ShieldModel model, String variant, Pool pool) {
    Map<String, String> labels = variantLabels(model, variant);
    labels.putAll(ShieldNames.modelPodSelector(model.getMetadata().getName(), variant, pool));
    return labels;
  }

  /**
   * {@link #poolLabels} plus the served model version: the labels of a model-server Deployment and of its pods. They
   * include the Deployment's selector ({@link ShieldNames#modelPodSelector}); the version is never part of a selector.
   */
  public static Map<String, String> workloadLabels(ShieldModel model, String variant, Pool pool) {
    Map<String, String> labels = poolLabels(model, variant, pool);
    String version = model.getSpec().model().version();
    if (version != null && !version.isEmpty()) {
      labels.put(ShieldNames.APP_VERSION_LABEL, version);
    }
    return labels;
  }

  /** Selector of all model-server pods of the model, every variant in both pools. */
  public static Map<String, String> modelServerSelector(ShieldModel model) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(ShieldNames.MODEL_LABEL, model.getMetadata().getName());
    selector.put(ShieldNames.COMPONENT_LABEL, ShieldNames.COMPONENT_MODEL_SERVER);
    return selector;
  }

  /** New metadata in the model's namespace with a copy of the labels. */
  public static ObjectMeta objectMeta(ShieldModel model, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(model.getMetadata().getNamespace())
        .withLabels(new LinkedHashMap<>(labels))
        .build();
  }
}
