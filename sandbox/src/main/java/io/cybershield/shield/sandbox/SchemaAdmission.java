package io.cybershield.shield.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.AdmissionResult;
import io.cybershield.shield.sandbox.admission.CrdAdmission;
import io.cybershield.shield.sandbox.admission.CrdInvalidException;
import io.cybershield.shield.sandbox.admission.KubeStatus;
import io.cybershield.shield.sandbox.server.ApiException;
import io.cybershield.shield.sandbox.server.CustomResourceAdmission;
import io.cybershield.shield.sandbox.server.ResourceType;
import io.cybershield.shield.sandbox.server.Statuses;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects the admission engine (OpenAPI schema with a JSON-schema validator, CEL rules with dev.cel) to the
 * API server: one compiled {@link CrdAdmission} per stored CRD, and the server's answers for unknown fields under
 * each {@code fieldValidation} directive (shared/kube-apiserver-answers.md §2.3).
 */
final class SchemaAdmission implements CustomResourceAdmission {

  private final Map<String, CrdAdmission> byCrd = new ConcurrentHashMap<>();

  @Override
  public void compile(ObjectNode crd) {
    String name = crd.path("metadata").path("name").asText();
    try {
      byCrd.put(name, CrdAdmission.compile(crd));
    } catch (CrdInvalidException e) {
      throw new ApiException(KubeStatus.invalid("CustomResourceDefinition", "apiextensions.k8s.io", name,
          e.errors()));
    }
  }

  @Override
  public void forget(String crdName) {
    byCrd.remove(crdName);
  }

  private CrdAdmission admissionOf(ResourceType type) {
    CrdAdmission admission = byCrd.get(type.crd().path("metadata").path("name").asText());
    if (admission == null) {
      // a CRD stored before admission was installed: compile it now
      compile(type.crd());
      admission = byCrd.get(type.crd().path("metadata").path("name").asText());
    }
    return admission;
  }

  @Override
  public ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode oldObject, boolean statusWrite,
      String fieldValidation, Write write, List<String> warnings) {
    AdmissionResult result = admissionOf(type).admit(type.version(), object, oldObject, statusWrite);
    List<String> unknown = result.unknownFields();
    if (!unknown.isEmpty()) {
      if (write == Write.APPLY) {
        // structured-merge-diff refuses undeclared fields whatever the directive, with a 500 (kubernetes#139253)
        String ns = object.path("metadata").path("namespace").asText("");
        throw new ApiException(Statuses.failure(500, "", "failed to create typed patch object ("
            + (ns.isEmpty() ? "" : ns + "/") + object.path("metadata").path("name").asText() + "; "
            + type.apiVersion() + ", Kind=" + type.kind() + "): ." + unknown.get(0) + ": field not declared in schema",
            null));
      }
      if ("Strict".equals(fieldValidation)) {
        throw new ApiException(write == Write.PATCH
            ? KubeStatus.strictDecodingPatch(object.toString(), unknown)
            : KubeStatus.strictDecoding(type.kind(), type.version(), unknown));
      }
      if (!"Ignore".equals(fieldValidation)) {
        warnings.addAll(KubeStatus.warningHeaders(unknown));
      }
    }
    if (!result.allowed()) {
      throw new ApiException(KubeStatus.invalid(type.kind(), type.group(),
          object.path("metadata").path("name").asText(), result.errors()));
    }
    return result.object();
  }

  @Override
  public ObjectNode onRead(ResourceType type, ObjectNode stored) {
    return admissionOf(type).defaultOnRead(type.version(), stored);
  }
}
