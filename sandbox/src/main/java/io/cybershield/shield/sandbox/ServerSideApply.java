package io.cybershield.shield.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.server.ApiException;
import io.cybershield.shield.sandbox.server.FieldOwnership;
import io.cybershield.shield.sandbox.server.ResourceType;
import io.cybershield.shield.sandbox.ssa.ApplyConflictException;
import io.cybershield.shield.sandbox.ssa.FieldManager;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import io.cybershield.shield.sandbox.ssa.ListTypes;

import java.time.Clock;

/**
 * Connects the field manager (server-side apply and {@code managedFields}) to the API server, with the list
 * semantics of each type: from the CRD schema for custom resources, from the built-in table otherwise.
 */
final class ServerSideApply implements FieldOwnership {

  private final FieldManager fieldManager;

  ServerSideApply(Clock clock) {
    this.fieldManager = new FieldManager(clock);
  }

  private static ListTypes listTypes(ResourceType type) {
    if (type.crd() != null) {
      for (JsonNode version : type.crd().path("spec").path("versions")) {
        JsonNode schema = version.path("schema").path("openAPIV3Schema");
        if (version.path("name").asText().equals(type.version()) && schema.isObject()) {
          return ListTypes.fromCrdSchema((ObjectNode) schema);
        }
      }
    }
    return ListTypes.builtin(type.apiVersion(), type.kind());
  }

  @Override
  public ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode applied, String manager, boolean force,
      boolean statusWrite) {
    try {
      return fieldManager.apply(live, applied, manager, force, listTypes(type),
          statusWrite ? Subresource.STATUS : Subresource.NONE);
    } catch (ApplyConflictException e) {
      throw new ApiException(e.status());
    }
  }

  @Override
  public ObjectNode update(ResourceType type, ObjectNode live, ObjectNode updated, String manager,
      boolean statusWrite) {
    ObjectNode result = fieldManager.update(live, updated, manager, listTypes(type),
        statusWrite ? Subresource.STATUS : Subresource.NONE);
    if (!statusWrite) {
      // the store has already decided what a main-resource write does to status (kept for Nodes and Pods on
      // create, the stored one for types with a status subresource): the field manager only records ownership
      if (updated.has("status")) {
        result.set("status", updated.get("status"));
      } else {
        result.remove("status");
      }
    }
    return result;
  }
}
