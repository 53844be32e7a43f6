package io.cybershield.shield.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.AdmissionResult;
import io.cybershield.shield.sandbox.admission.CrdAdmission;
import io.cybershield.shield.sandbox.admission.CrdInvalidException;
import io.cybershield.shield.sandbox.admission.KubeStatus;
import io.cybershield.shield.sandbox.server.ApiException;
import io.cybershield.shield.sandbox.server.CustomResourceAdmission;
import io.cybershield.shield.sandbox.server.ResourceType;
import io.cybershield.shield.sandbox.server.UnknownFields;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects the admission engine (OpenAPI schema with a JSON-schema validator, CEL rules with dev.cel) to the
 * API server: one compiled {@link CrdAdmission} per stored CRD, whose unknown fields get the server's answer for the
 * request's {@code fieldValidation} directive ({@link UnknownFields}).
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
    UnknownFields.answer(type, object, result.unknownFields(), fieldValidation, write, warnings);
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
