package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Tells the merge semantics of the list (or object) at a path; built by the caller from a CRD schema
 * ({@code x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys}, {@code x-kubernetes-map-type}) or from the
 * table of built-in types.
 *
 * <p>{@link #at} may return {@code null} when nothing is declared: a list is then atomic and an object granular,
 * which is what the apiserver does for CRDs. For an object, only {@link ListType.Kind#ATOMIC} has a meaning
 * (an atomic map or struct, owned as a whole).
 */
public interface ListTypes {

  /**
   * @param fieldPath object field names from the root, list items as {@code "[]"}, e.g.
   *                  {@code [spec, template, spec, containers, [], ports]}
   */
  ListType at(List<String> fieldPath);

  /**
   * @param keys        the list-map keys, for {@link Kind#MAP}
   * @param keyDefaults defaults of key fields (the apiserver fills {@code protocol: TCP} into a port key)
   */
  record ListType(Kind kind, List<String> keys, Map<String, JsonNode> keyDefaults) {
    public enum Kind { ATOMIC, SET, MAP }

    public ListType {
      keys = List.copyOf(keys);
      keyDefaults = Map.copyOf(keyDefaults);
    }

    public ListType(Kind kind, List<String> keys) {
      this(kind, keys, Map.of());
    }

    public static ListType atomic() {
      return new ListType(Kind.ATOMIC, List.of());
    }

    public static ListType set() {
      return new ListType(Kind.SET, List.of());
    }

    public static ListType map(String... keys) {
      return new ListType(Kind.MAP, List.of(keys));
    }
  }

  /** Nothing declared anywhere: every list atomic, every object granular. */
  static ListTypes none() {
    return path -> null;
  }

  /**
   * From a CRD version's {@code schema.openAPIV3Schema}. {@code metadata} follows the built-in ObjectMeta table
   * (labels and annotations granular maps, finalizers a set, ownerReferences keyed by uid).
   */
  static ListTypes fromCrdSchema(ObjectNode openApiV3Schema) {
    return new CrdListTypes(openApiV3Schema);
  }

  /** The table for built-in kinds (Deployment, Pod, Job, Service, Node, HorizontalPodAutoscaler, ...). */
  static ListTypes builtin(String apiVersion, String kind) {
    return new BuiltinListTypes(apiVersion, kind);
  }
}
