package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** List and map types read from a structural OpenAPI v3 schema of a CRD. */
final class CrdListTypes implements ListTypes {
  private final ObjectNode root;

  CrdListTypes(ObjectNode root) {
    this.root = root;
  }

  @Override
  public ListType at(List<String> fieldPath) {
    if (!fieldPath.isEmpty() && fieldPath.get(0).equals("metadata")) {
      return BuiltinListTypes.metadata(fieldPath);
    }
    JsonNode schema = root;
    for (String step : fieldPath) {
      if (schema == null) {
        return null;
      }
      if (step.equals("[]")) {
        schema = schema.get("items");
      } else {
        JsonNode props = schema.get("properties");
        JsonNode next = props == null ? null : props.get(step);
        if (next == null) {
          JsonNode additional = schema.get("additionalProperties");
          next = additional != null && additional.isObject() ? additional : null;
        }
        schema = next;
      }
    }
    if (schema == null) {
      return null;
    }
    String listType = schema.path("x-kubernetes-list-type").asText("");
    switch (listType) {
      case "set":
        return ListType.set();
      case "map": {
        List<String> keys = new ArrayList<>();
        schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
        Map<String, JsonNode> defaults = new HashMap<>();
        JsonNode itemProps = schema.path("items").path("properties");
        for (String k : keys) {
          JsonNode d = itemProps.path(k).get("default");
          if (d != null && !d.isNull()) {
            defaults.put(k, d);
          }
        }
        return new ListType(ListType.Kind.MAP, keys, defaults);
      }
      case "atomic":
        return ListType.atomic();
      default:
        break;
    }
    if ("atomic".equals(schema.path("x-kubernetes-map-type").asText(""))) {
      return ListType.atomic();
    }
    if ("granular".equals(schema.path("x-kubernetes-map-type").asText(""))) {
      return new ListType(ListType.Kind.MAP, List.of());
    }
    if ("array".equals(schema.path("type").asText(""))) {
      return ListType.atomic();
    }
    return null;
  }
}
