package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of a {@link Condition}. */
public enum ConditionStatus {
  @JsonProperty("True")
  TRUE,
  @JsonProperty("False")
  FALSE,
  @JsonProperty("Unknown")
  UNKNOWN;

  /** As the API spells it: {@code True}, {@code False} or {@code Unknown}. */
  public String value() {
    return switch (this) {
      case TRUE -> "True";
      case FALSE -> "False";
      case UNKNOWN -> "Unknown";
    };
  }
}
