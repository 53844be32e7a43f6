package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code metadata} is decoded as an ObjectMeta by a real API server for every kind, built-in or custom (and for
 * embedded resources): whatever ObjectMeta does not declare is dropped and reported as an unknown field, which the
 * {@code fieldValidation} directive then turns into a warning or a refusal like any other unknown field.
 */
public final class ObjectMetaPruning {

  /** The JSON fields of ObjectMeta. */
  public static final Set<String> OBJECT_META = Set.of("name", "generateName", "namespace", "selfLink", "uid",
      "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
      "labels", "annotations", "ownerReferences", "finalizers", "managedFields");
  /** The JSON fields of an OwnerReference. */
  public static final Set<String> OWNER_REFERENCE = Set.of("apiVersion", "kind", "name", "uid", "controller",
      "blockOwnerDeletion");
  /** The JSON fields of a ManagedFieldsEntry. */
  public static final Set<String> MANAGED_FIELDS_ENTRY = Set.of("manager", "operation", "apiVersion", "time",
      "fieldsType", "fieldsV1", "subresource");

  private ObjectMetaPruning() {
  }

  /**
   * Drops the fields ObjectMeta does not declare from an object's {@code metadata}, in place.
   *
   * @param object a whole object (its {@code metadata} is pruned) or an embedded resource
   * @param path where the object sits, {@code ""} for the request's object
   * @param unknown where the dropped fields' paths go ({@code metadata.whatever})
   */
  public static void prune(JsonNode object, String path, List<String> unknown) {
    JsonNode metadata = object == null ? null : object.get("metadata");
    if (metadata == null || !metadata.isObject()) {
      return;
    }
    String metaPath = path.isEmpty() ? "metadata" : path + ".metadata";
    retain((ObjectNode) metadata, OBJECT_META, metaPath, unknown);
    items(metadata.get("ownerReferences"), OWNER_REFERENCE, metaPath + ".ownerReferences", unknown);
    items(metadata.get("managedFields"), MANAGED_FIELDS_ENTRY, metaPath + ".managedFields", unknown);
  }

  private static void items(JsonNode list, Set<String> known, String path, List<String> unknown) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof ObjectNode item) {
        retain(item, known, path + "[" + i + "]", unknown);
      }
    }
  }

  private static void retain(ObjectNode node, Set<String> known, String path, List<String> unknown) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
      String key = it.next().getKey();
      if (!known.contains(key)) {
        unknown.add(path + "." + key);
        it.remove();
      }
    }
  }
}
