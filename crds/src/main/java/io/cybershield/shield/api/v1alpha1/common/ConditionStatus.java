package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of a {@link Condition}. */
public enum ConditionStatus {
  @JsonProperty("True")
  TRUE,
  @JsonProperty("False")
  FALSE,
  @JsonProperty("Unknown")
  UNKNOWN
}
