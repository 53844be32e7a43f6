package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Metrics the validation Job reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "precision", "recall", "f1", "attackSuccessRate", "samples" })
public record RunMetrics(
    @JsonPropertyDescription("Precision on the held-out dataset.")
    Double precision,

    @JsonPropertyDescription("Recall on the held-out dataset.")
    Double recall,

    @JsonPropertyDescription("F1 score on the held-out dataset.")
    Double f1,

    @JsonPropertyDescription("Share of red-team attacks that succeeded.")
    Double attackSuccessRate,

    @JsonPropertyDescription("How many held-out samples the metrics were measured on.")
    Long samples) {
}
