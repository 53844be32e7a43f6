package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Kubernetes-specific structural-schema operations: pruning, defaulting, list types, embedded resources, metadata. */
final class Structural {
  private Structural() {}

  static final Set<String> ROOT_KEEP = Set.of("apiVersion", "kind", "metadata");

  // ---- schema accessors ----
  static JsonNode props(JsonNode s) {
    JsonNode p = s == null ? null : s.get("properties");
    return p != null && p.isObject() ? p : null;
  }

  static JsonNode items(JsonNode s) {
    JsonNode p = s == null ? null : s.get("items");
    return p != null && p.isObject() ? p : null;
  }

  static JsonNode additionalProperties(JsonNode s) {
    JsonNode p = s == null ? null : s.get("additionalProperties");
    return p != null && p.isObject() ? p : null;
  }

  static boolean flag(JsonNode s, String name) {
    return s != null && s.path(name).asBoolean(false);
  }

  static boolean preserveUnknown(JsonNode s) {
    return flag(s, "x-kubernetes-preserve-unknown-fields");
  }

  static boolean embedded(JsonNode s) {
    return flag(s, "x-kubernetes-embedded-resource");
  }

  static boolean intOrString(JsonNode s) {
    return flag(s, "x-kubernetes-int-or-string");
  }

  static boolean nullable(JsonNode s) {
    return flag(s, "nullable");
  }

  static String type(JsonNode s) {
    return s == null ? "" : s.path("type").asText("");
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  // ---- pruning ----
  /**
   * Drops fields not declared in the schema; collects their paths. Root apiVersion/kind/metadata are kept (the root's
   * metadata is pruned by {@link ObjectMetaPruning} beforehand); an embedded resource's metadata is pruned here.
   */
  static void prune(JsonNode node, JsonNode schema, String path, boolean root, List<String> unknown) {
    if (schema == null || node == null) return;
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      JsonNode props = props(schema);
      JsonNode addl = additionalProperties(schema);
      boolean preserve = preserveUnknown(schema);
      boolean embedded = embedded(schema);
      if (embedded && !root) ObjectMetaPruning.prune(obj, path, unknown);
      Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        String p = child(path, k);
        if ((root || embedded) && ROOT_KEEP.contains(k)) {
          if (!"metadata".equals(k) && props != null && props.has(k)) prune(e.getValue(), props.get(k), p, false, unknown);
          continue;
        }
        if (props != null && props.has(k)) {
          prune(e.getValue(), props.get(k), p, false, unknown);
        } else if (addl != null) {
          prune(e.getValue(), addl, p, false, unknown);
        } else if (!preserve) {
          unknown.add(p);
          it.remove();
        }
      }
    } else if (node.isArray()) {
      JsonNode it = items(schema);
      if (it == null) return;
      for (int i = 0; i < node.size(); i++) prune(node.get(i), it, index(path, i), false, unknown);
    }
  }

  // ---- defaulting ----
  /** Applies {@code default:} values to missing fields (and nulls of non-nullable fields), top-down. */
  static void applyDefaults(JsonNode node, JsonNode schema) {
    if (schema == null || node == null) return;
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      JsonNode props = props(schema);
      if (props != null) {
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode def = e.getValue().get("default");
          if (def == null) continue;
          JsonNode cur = obj.get(e.getKey());
          if (cur == null || (cur.isNull() && !nullable(e.getValue()))) obj.set(e.getKey(), def.deepCopy());
        }
      }
      JsonNode addl = additionalProperties(schema);
      Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode s = props != null && props.has(e.getKey()) ? props.get(e.getKey()) : addl;
        if (s == null) continue;
        if (e.getValue().isNull() && s.has("default") && !nullable(s)) e.setValue(s.get("default").deepCopy());
        applyDefaults(e.getValue(), s);
      }
    } else if (node.isArray()) {
      JsonNode is = items(schema);
      if (is == null) return;
      ArrayNode arr = (ArrayNode) node;
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i).isNull() && is.has("default") && !nullable(is)) arr.set(i, is.get("default").deepCopy());
        applyDefaults(arr.get(i), is);
      }
    }
  }

  /** {@code PruneNonNullableNullsWithoutDefaults}: drops {@code null} object values whose schema is not nullable. */
  static void pruneNulls(JsonNode node, JsonNode schema) {
    if (schema == null || node == null) return;
    if (node.isObject()) {
      JsonNode props = props(schema);
      JsonNode addl = additionalProperties(schema);
      Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode s = props != null && props.has(e.getKey()) ? props.get(e.getKey()) : addl;
        if (s == null) continue;
        if (e.getValue().isNull()) {
          if (!nullable(s) && !s.has("default")) it.remove();
        } else {
          pruneNulls(e.getValue(), s);
        }
      }
    } else if (node.isArray()) {
      JsonNode is = items(schema);
      for (JsonNode n : node) pruneNulls(n, is);
    }
  }

  // ---- list types, embedded resources ----
  /** x-kubernetes-list-type set/map uniqueness ({@code ValidateListSetsAndMaps}) and embedded apiVersion/kind. */
  static void validateStructural(JsonNode node, JsonNode schema, String path, List<FieldError> errs) {
    if (schema == null || node == null || node.isNull()) return;
    if (node.isObject()) {
      if (embedded(schema)) {
        if (node.path("apiVersion").asText("").isEmpty()) errs.add(FieldError.required(child(path, "apiVersion"), "must not be empty"));
        if (node.path("kind").asText("").isEmpty()) errs.add(FieldError.required(child(path, "kind"), "must not be empty"));
      }
      JsonNode props = props(schema);
      JsonNode addl = additionalProperties(schema);
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (path.isEmpty() && "metadata".equals(e.getKey())) continue;
        JsonNode s = props != null && props.has(e.getKey()) ? props.get(e.getKey()) : addl;
        validateStructural(e.getValue(), s, child(path, e.getKey()), errs);
      }
    } else if (node.isArray()) {
      String lt = schema.path("x-kubernetes-list-type").asText("");
      if ("set".equals(lt)) {
        Map<JsonNode, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
          if (seen.putIfAbsent(node.get(i), i) != null) errs.add(FieldError.duplicate(index(path, i), node.get(i)));
        }
      } else if ("map".equals(lt)) {
        List<String> keys = new ArrayList<>();
        schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
        Map<JsonNode, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
          JsonNode item = node.get(i);
          if (!item.isObject()) continue;
          ObjectNode keyMap = JsonNodeFactory.instance.objectNode();
          TreeMap<String, JsonNode> sorted = new TreeMap<>();
          for (String k : keys) if (item.has(k)) sorted.put(k, item.get(k));
          sorted.forEach(keyMap::set);
          if (seen.putIfAbsent(keyMap, i) != null) errs.add(FieldError.duplicateRaw(index(path, i), GoFmt.goSyntaxMap(keyMap)));
        }
      }
      JsonNode is = items(schema);
      for (int i = 0; i < node.size(); i++) validateStructural(node.get(i), is, index(path, i), errs);
    }
  }

  // ---- metadata ----
  static final String DNS1123_SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("^" + DNS1123_SUBDOMAIN_FMT + "$");
  static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
      + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
      + "for validation is '" + DNS1123_SUBDOMAIN_FMT + "')";

  /** {@code metadata.name}: required unless generateName is set; must be a DNS-1123 subdomain of at most 253 chars. */
  static void validateMetadataName(JsonNode object, List<FieldError> errs) {
    JsonNode md = object.path("metadata");
    String name = md.path("name").asText("");
    if (name.isEmpty()) {
      if (md.path("generateName").asText("").isEmpty()) {
        errs.add(FieldError.required("metadata.name", "name or generateName is required"));
      }
      return;
    }
    if (name.length() > 253) {
      errs.add(FieldError.invalid("metadata.name", name, "must be no more than 253 characters"));
    }
    if (!DNS1123_SUBDOMAIN.matcher(name).matches()) {
      errs.add(FieldError.invalid("metadata.name", name, DNS1123_SUBDOMAIN_MSG));
    }
  }
}
