package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Outcome of {@link CrdAdmission#admit}.
 *
 * @param object pruned and defaulted copy of the request object (the input is never modified)
 * @param unknownFields paths of pruned unknown fields, e.g. {@code spec.foo}, {@code spec.items[0].bar}
 * @param errors field errors; empty when the object is admitted
 */
public record AdmissionResult(ObjectNode object, List<String> unknownFields, List<FieldError> errors) {
  public AdmissionResult {
    unknownFields = List.copyOf(unknownFields);
    errors = List.copyOf(errors);
  }

  public boolean allowed() {
    return errors.isEmpty();
  }
}
