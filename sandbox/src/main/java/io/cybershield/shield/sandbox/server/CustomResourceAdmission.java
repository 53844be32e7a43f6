package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Admission of custom resources against their CRD: schema, defaults, pruning and CEL rules. The server calls it
 * on every write of a custom resource and when a CRD is stored.
 */
public interface CustomResourceAdmission {

  /** Compiles a CRD about to be stored; throws an {@link ApiException} (422) when the CRD itself is invalid. */
  void compile(ObjectNode crd);

  /** Forgets a deleted CRD. */
  void forget(String crdName);

  /**
   * Prunes, defaults and validates a custom resource about to be written.
   *
   * @param fieldValidation {@code Strict}, {@code Warn} or {@code Ignore}
   * @param write how the object arrived: unknown fields are refused differently for each
   * @param warnings where {@code Warning} header values go (unknown fields under {@code Warn})
   * @return the object to store
   */
  ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode oldObject, boolean statusWrite,
      String fieldValidation, Write write, List<String> warnings);

  /** How a custom resource arrived. */
  enum Write {
    /** POST or PUT of a whole object. */
    OBJECT,
    /** JSON or merge patch. */
    PATCH,
    /** Server-side apply. */
    APPLY
  }

  /** Defaults applied when an object is read from storage. */
  ObjectNode onRead(ResourceType type, ObjectNode stored);
}
