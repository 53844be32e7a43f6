package io.cybershield.shield.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The values API enums have in YAML, which are also the values DJL Serving expects. */
final class ApiEnums {

  private ApiEnums() {
  }

  /** The {@link JsonProperty} value of a constant, else its lower-cased name. */
  static String value(Enum<?> constant) {
    try {
      JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
      return property != null ? property.value() : constant.name().toLowerCase(java.util.Locale.ROOT);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("enum constant without a field: " + constant, e);
    }
  }
}
