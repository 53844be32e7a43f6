package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The severity of a security incident. */
public enum Severity {
  @JsonProperty("critical")
  CRITICAL,
  @JsonProperty("high")
  HIGH,
  @JsonProperty("medium")
  MEDIUM,
  @JsonProperty("low")
  LOW
}
