package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.FieldError;
import io.fabric8.zjsonpatch.JsonPatch;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386) and the part of strategic merge patch that clients send for built-in types:
 * lists of objects with a merge key are merged by that key, {@code $patch: delete} removes an item, and the
 * {@code $setElementOrder}/{@code $retainKeys}/{@code $deleteFromPrimitiveList} directives are honoured or dropped.
 */
final class Patches {

  /** Merge keys of the built-in lists that strategic merge patch merges item by item. */
  private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", "name"), Map.entry("initContainers", "name"),
      Map.entry("ephemeralContainers", "name"), Map.entry("env", "name"), Map.entry("volumes", "name"),
      Map.entry("volumeMounts", "mountPath"), Map.entry("volumeDevices", "devicePath"),
      Map.entry("ports", "containerPort"), Map.entry("conditions", "type"), Map.entry("taints", "key"),
      Map.entry("ownerReferences", "uid"), Map.entry("imagePullSecrets", "name"),
      Map.entry("hostAliases", "ip"), Map.entry("topologySpreadConstraints", "topologyKey"));

  private static final String CUSTOM_RESOURCE_PATCH_TYPES =
      "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";
  private static final String BUILTIN_PATCH_TYPES = "application/json-patch+json, application/merge-patch+json, "
      + "application/strategic-merge-patch+json, application/apply-patch+yaml";

  private Patches() {
  }

  /**
   * Applies a non-apply patch of the given media type to an object: JSON patch, merge patch, or (built-in types
   * only, as on a real server) strategic merge patch; any other type is a 415.
   */
  static JsonNode apply(ResourceType type, String mediaType, JsonNode live, JsonNode patch) {
    switch (mediaType) {
      case "application/json-patch+json":
        try {
          return JsonPatch.apply(patch, live);
        } catch (RuntimeException e) {
          throw Statuses.invalid("", "", "", FieldError.invalid("patch", patch.toString(), e.getMessage()));
        }
      case "application/merge-patch+json":
        return mergePatch(live, patch);
      case "application/strategic-merge-patch+json":
        if (type.isCustom()) {
          throw Statuses.unsupportedMediaType(CUSTOM_RESOURCE_PATCH_TYPES);
        }
        return strategicMergePatch(live, patch);
      default:
        throw Statuses.unsupportedMediaType(type.isCustom() ? CUSTOM_RESOURCE_PATCH_TYPES : BUILTIN_PATCH_TYPES);
    }
  }

  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  static JsonNode strategicMergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if ("delete".equals(patch.path("$patch").asText())) {
      return null;
    }
    if ("replace".equals(patch.path("$patch").asText())) {
      ObjectNode copy = (ObjectNode) patch.deepCopy();
      copy.remove("$patch");
      return copy;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith("$setElementOrder/") || key.equals("$retainKeys") || key.equals("$patch")) {
        continue;
      }
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        String list = key.substring("$deleteFromPrimitiveList/".length());
        JsonNode existing = result.get(list);
        if (existing != null && existing.isArray()) {
          ArrayNode kept = result.arrayNode();
          existing.forEach(v -> {
            boolean drop = false;
            for (JsonNode d : value) {
              drop |= d.equals(v);
            }
            if (!drop) {
              kept.add(v);
            }
          });
          result.set(list, kept);
        }
        continue;
      }
      if (value.isNull()) {
        result.remove(key);
      } else if (value.isArray() && MERGE_KEYS.containsKey(key) && result.path(key).isArray()
          && allObjects(value)) {
        result.set(key, mergeList((ArrayNode) result.get(key), (ArrayNode) value, MERGE_KEYS.get(key)));
      } else if (value.isObject()) {
        JsonNode merged = strategicMergePatch(result.get(key), value);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else {
        result.set(key, value.deepCopy());
      }
    }
    return result;
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static ArrayNode mergeList(ArrayNode live, ArrayNode patch, String mergeKey) {
    ArrayNode result = live.deepCopy();
    for (JsonNode item : patch) {
      JsonNode keyValue = item.get(mergeKey);
      int index = -1;
      for (int i = 0; keyValue != null && i < result.size(); i++) {
        if (keyValue.equals(result.get(i).get(mergeKey))) {
          index = i;
          break;
        }
      }
      if ("delete".equals(item.path("$patch").asText())) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0) {
        JsonNode merged = strategicMergePatch(result.get(index), item);
        result.set(index, merged);
      } else {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        copy.remove("$patch");
        result.add(copy);
      }
    }
    return result;
  }
}
