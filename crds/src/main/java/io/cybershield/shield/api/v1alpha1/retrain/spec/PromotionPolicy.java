package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a version that passed validation becomes the served one. */
public enum PromotionPolicy {
  /** Promote as soon as validation passes. */
  @JsonProperty("automatic")
  AUTOMATIC,
  /** Wait for the annotation shield.cybershield.io/approve naming the version. */
  @JsonProperty("manual")
  MANUAL
}
