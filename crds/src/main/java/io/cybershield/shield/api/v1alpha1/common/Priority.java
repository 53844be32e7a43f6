package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The priority a caller gives a request; each priority is served by at most one variant. */
public enum Priority {
  @JsonProperty("critical")
  CRITICAL,
  @JsonProperty("high")
  HIGH,
  @JsonProperty("normal")
  NORMAL,
  @JsonProperty("low")
  LOW
}
