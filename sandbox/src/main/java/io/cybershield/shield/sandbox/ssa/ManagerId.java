package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who owns a field set: the apiserver's manager identifier. Appliers are identified without their apiVersion (an
 * applier keeps its identity across versions); updaters with it. Time is never part of the identity.
 *
 * @param apiVersion  null for {@code Apply}
 * @param subresource null or {@code "status"}
 */
record ManagerId(String manager, String operation, String apiVersion, String subresource) {
  static final String APPLY = "Apply";
  static final String UPDATE = "Update";

  static ManagerId apply(String manager, String subresource) {
    return new ManagerId(manager, APPLY, null, subresource);
  }

  static ManagerId update(String manager, String apiVersion, String subresource) {
    return new ManagerId(manager, UPDATE, apiVersion, subresource);
  }

  boolean isApply() {
    return APPLY.equals(operation);
  }

  /** The identifier as the apiserver builds it (JSON of the entry without time and fields); conflicts sort by it. */
  String identifier() {
    ObjectNode o = Json.object();
    if (manager != null && !manager.isEmpty()) {
      o.put("manager", manager);
    }
    if (operation != null && !operation.isEmpty()) {
      o.put("operation", operation);
    }
    if (apiVersion != null && !apiVersion.isEmpty()) {
      o.put("apiVersion", apiVersion);
    }
    if (subresource != null && !subresource.isEmpty()) {
      o.put("subresource", subresource);
    }
    return Json.compact(o);
  }

  /** {@code "name"}, {@code "name" with subresource "status"}, then {@code using <apiVersion>} for updaters. */
  String display() {
    String s = Json.compact(Json.NODES.textNode(manager == null ? "" : manager));
    if (subresource != null && !subresource.isEmpty()) {
      s += " with subresource " + Json.compact(Json.NODES.textNode(subresource));
    }
    if (UPDATE.equals(operation)) {
      s += " using " + (apiVersion == null ? "" : apiVersion);
    }
    return s;
  }
}
