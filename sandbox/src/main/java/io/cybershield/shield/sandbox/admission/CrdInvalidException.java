package io.cybershield.shield.sandbox.admission;

import java.util.List;

/** The CRD itself cannot be served (e.g. a CEL rule does not compile); answer 422 with {@link #errors()}. */
public class CrdInvalidException extends Exception {
  private final List<FieldError> errors;

  public CrdInvalidException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::render).reduce((a, b) -> a + ", " + b).orElse("invalid CRD"));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
