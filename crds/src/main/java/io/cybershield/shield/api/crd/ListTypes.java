package io.cybershield.shield.api.crd;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Arrays;
import java.util.List;

/**
 * Marks list properties of a class as {@code x-kubernetes-list-type: set} or {@code map} (with their keys), which
 * the CRD generator has no annotation for. Used at CRD generation time through
 * {@code @SchemaCustomizer(value = ListTypes.class, input = "variants=map(name); apis=set")}.
 * <p>
 * A map list makes the API server refuse two items with the same key and lets server-side apply merge items by key
 * instead of replacing the whole list.
 */
public class ListTypes implements SchemaCustomizer.Customizer {

  @Override
  public JSONSchemaProps apply(JSONSchemaProps props, String input, KubernetesSerialization serialization) {
    for (String declaration : input.split(";")) {
      String[] nameAndType = declaration.trim().split("=", 2);
      if (nameAndType.length != 2) {
        throw new IllegalArgumentException("expected <property>=set or <property>=map(<key>,...), got " + declaration);
      }
      String property = nameAndType[0].trim();
      String type = nameAndType[1].trim();
      JSONSchemaProps list = props.getProperties() == null ? null : props.getProperties().get(property);
      if (list == null || !"array".equals(list.getType())) {
        throw new IllegalArgumentException("no list property " + property + " to declare as " + type);
      }
      if ("set".equals(type) || "atomic".equals(type)) {
        list.setXKubernetesListType(type);
      } else if (type.startsWith("map(") && type.endsWith(")")) {
        List<String> keys = Arrays.stream(type.substring(4, type.length() - 1).split(","))
            .map(String::trim)
            .toList();
        list.setXKubernetesListType("map");
        list.setXKubernetesListMapKeys(keys);
      } else {
        throw new IllegalArgumentException("unknown list type " + type + " for " + property);
      }
    }
    return props;
  }
}
