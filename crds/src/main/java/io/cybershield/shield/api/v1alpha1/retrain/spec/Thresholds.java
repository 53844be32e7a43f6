package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The quality gate: a version that misses any threshold is never served. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "precision", "recall", "f1" })
public record Thresholds(
    @Default("0.9")
    @Min(0)
    @Max(1)
    @JsonPropertyDescription("Lowest precision (0 to 1) on the held-out dataset. Defaults to 0.90.")
    Double precision,

    @Min(0)
    @Max(1)
    @JsonPropertyDescription("Lowest recall (0 to 1) on the held-out dataset. Not checked when omitted.")
    Double recall,

    @Min(0)
    @Max(1)
    @JsonPropertyDescription("Lowest F1 score (0 to 1) on the held-out dataset. Not checked when omitted.")
    Double f1) {

  /** Precision a new version needs when spec.validation.thresholds.precision is not set. */
  public static final double DEFAULT_PRECISION = 0.90;
}
