package io.cybershield.shield.api.crd;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Sets the description of a class's schema. Used on the custom resource classes, whose schema is the root of the
 * CRD and so has no property to carry a {@code @JsonPropertyDescription}: {@code kubectl explain shieldmodel}
 * shows it.
 */
public class SchemaDescription implements SchemaCustomizer.Customizer {

  @Override
  public JSONSchemaProps apply(JSONSchemaProps props, String input, KubernetesSerialization serialization) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("SchemaDescription needs the description as input");
    }
    props.setDescription(input.strip());
    return props;
  }
}
