package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.KubeStatus;

import java.util.List;

/**
 * What the server answers for fields a write carried that the kind does not declare (already pruned from the
 * object), by {@code fieldValidation} directive: {@code Ignore} says nothing, {@code Warn} (the default) adds one
 * {@code Warning} header per field, {@code Strict} refuses the write (400 for a POST or PUT, 422 for a patch).
 * Server-side apply refuses undeclared fields whatever the directive, with the 500 structured-merge-diff gives.
 */
public final class UnknownFields {

  private UnknownFields() {
  }

  public static void answer(ResourceType type, ObjectNode object, List<String> unknown, String fieldValidation,
      CustomResourceAdmission.Write write, List<String> warnings) {
    if (unknown.isEmpty()) {
      return;
    }
    if (write == CustomResourceAdmission.Write.APPLY) {
      String ns = object.path("metadata").path("namespace").asText("");
      throw new ApiException(Statuses.failure(500, "", "failed to create typed patch object ("
          + (ns.isEmpty() ? "" : ns + "/") + object.path("metadata").path("name").asText() + "; "
          + type.apiVersion() + ", Kind=" + type.kind() + "): ." + unknown.get(0) + ": field not declared in schema",
          null));
    }
    if ("Strict".equals(fieldValidation)) {
      throw new ApiException(write == CustomResourceAdmission.Write.PATCH
          ? KubeStatus.strictDecodingPatch(object.toString(), unknown)
          : KubeStatus.strictDecoding(type.kind(), type.version(), unknown));
    }
    if (!"Ignore".equals(fieldValidation)) {
      warnings.addAll(KubeStatus.warningHeaders(unknown));
    }
  }
}
