package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The held-out dataset a new version is evaluated on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "uri", "classification" })
public record EvaluationDataset(
    @Required
    @Size(max = ApiValidation.MAX_URI_LENGTH)
    @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
    @JsonPropertyDescription("Location of the held-out dataset: s3://, pvc://<claim>/<path>, hf:// or oci://. It "
        + "must not overlap the training datasets.")
    String uri,

    @JsonPropertyDescription("Sensitivity of the dataset: restricted, confidential, internal or public.")
    DataClassification classification) {
}
