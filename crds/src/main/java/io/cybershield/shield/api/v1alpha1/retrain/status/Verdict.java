package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

/** The outcome of one check of the quality gate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "check", "value", "threshold", "passed" })
public record Verdict(
    @Required
    @JsonPropertyDescription("The check: precision, recall, f1 or attackSuccessRate.")
    String check,

    @JsonPropertyDescription("The measured value; missing when the evaluator did not report it (which fails the "
        + "check).")
    Double value,

    @JsonPropertyDescription("The threshold: a minimum, or for attackSuccessRate a maximum.")
    Double threshold,

    @Required
    @JsonPropertyDescription("Whether the value met the threshold.")
    Boolean passed) {
}
