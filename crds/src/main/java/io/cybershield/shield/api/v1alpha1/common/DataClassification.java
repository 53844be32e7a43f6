package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How sensitive the data a model or dataset handles is. {@code restricted} data never leaves the on-premises
 * pool.
 */
public enum DataClassification {
  @JsonProperty("restricted")
  RESTRICTED,
  @JsonProperty("confidential")
  CONFIDENTIAL,
  @JsonProperty("internal")
  INTERNAL,
  @JsonProperty("public")
  PUBLIC
}
