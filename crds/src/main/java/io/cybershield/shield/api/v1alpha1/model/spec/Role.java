package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The roles a caller of a model's gateway can have. */
public enum Role {
  @JsonProperty("analyst")
  ANALYST,
  @JsonProperty("responder")
  RESPONDER,
  @JsonProperty("awareness")
  AWARENESS,
  @JsonProperty("admin")
  ADMIN
}
