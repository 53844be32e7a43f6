package io.cybershield.shield.sandbox.admission;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One apimachinery {@code field.Error}: cause type, field path and ErrorBody.
 *
 * @param type cause type, e.g. {@code FieldValueInvalid}
 * @param field field path, e.g. {@code spec.replicas}, or {@code <nil>}
 * @param detailMessage the ErrorBody, e.g. {@code Invalid value: 99: spec.replicas in body should be less than or equal to 10}
 */
public record FieldError(String type, String field, String detailMessage) {
  public static final String INVALID = "FieldValueInvalid";
  public static final String REQUIRED = "FieldValueRequired";
  public static final String NOT_SUPPORTED = "FieldValueNotSupported";
  public static final String FORBIDDEN = "FieldValueForbidden";
  public static final String TOO_LONG = "FieldValueTooLong";
  public static final String TOO_MANY = "FieldValueTooMany";
  public static final String DUPLICATE = "FieldValueDuplicate";
  public static final String TYPE_INVALID = "FieldValueTypeInvalid";
  public static final String NIL_FIELD = "<nil>";

  /** {@code "field: ErrorBody"}, i.e. Go's {@code field.Error.Error()}. */
  public String render() {
    return field + ": " + detailMessage;
  }

  /** Cause types that make the server skip CEL validation ({@code hasBlockingErr}). */
  public boolean blocking() {
    return switch (type) {
      case REQUIRED, NOT_SUPPORTED, TOO_LONG, TOO_MANY, TYPE_INVALID -> true;
      default -> false;
    };
  }

  private static String withDetail(String head, String detail) {
    return detail == null || detail.isEmpty() ? head : head + ": " + detail;
  }

  private static String f(String field) {
    return field == null || field.isEmpty() ? NIL_FIELD : field;
  }

  /** {@code Invalid value: <v>[: detail]}; value may be a String, Number, Boolean, JsonNode or null. */
  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(INVALID, f(field), withDetail("Invalid value: " + GoFmt.value(value), detail));
  }

  /** Like {@link #invalid} but with an already formatted {@code <v>}. */
  public static FieldError invalidRaw(String field, String formattedValue, String detail) {
    return new FieldError(INVALID, f(field), withDetail("Invalid value: " + formattedValue, detail));
  }

  public static FieldError typeInvalid(String field, Object value, String detail) {
    return new FieldError(TYPE_INVALID, f(field), withDetail("Invalid value: " + GoFmt.value(value), detail));
  }

  public static FieldError required(String field, String detail) {
    return new FieldError(REQUIRED, f(field), withDetail("Required value", detail));
  }

  public static FieldError forbidden(String field, String detail) {
    return new FieldError(FORBIDDEN, f(field), withDetail("Forbidden", detail));
  }

  /** {@code Unsupported value: <v>: supported values: "a", "b"} (valid values are quoted with %q). */
  public static FieldError notSupported(String field, Object value, List<String> validValues) {
    String body = "Unsupported value: " + GoFmt.value(value);
    if (validValues != null && !validValues.isEmpty()) {
      body += ": supported values: " + validValues.stream().map(GoFmt::quote).collect(Collectors.joining(", "));
    }
    return new FieldError(NOT_SUPPORTED, f(field), body);
  }

  /** {@code Too long: may not be more than N bytes} (Kubernetes 1.32 wording). */
  public static FieldError tooLong(String field, long max) {
    return new FieldError(TOO_LONG, f(field), "Too long: may not be more than " + max + " bytes");
  }

  /** {@code Too many: <actual>: must have at most N items}. */
  public static FieldError tooMany(String field, long actual, long max) {
    String body = actual >= 0 ? "Too many: " + actual + ": must have at most " + max + " items"
        : "Too many: must have at most " + max + " items";
    return new FieldError(TOO_MANY, f(field), body);
  }

  public static FieldError duplicate(String field, Object value) {
    return new FieldError(DUPLICATE, f(field), "Duplicate value: " + GoFmt.value(value));
  }

  /** Duplicate with an already formatted value, e.g. {@code map[string]interface {}{"name":"full"}}. */
  public static FieldError duplicateRaw(String field, String formattedValue) {
    return new FieldError(DUPLICATE, f(field), "Duplicate value: " + formattedValue);
  }
}
