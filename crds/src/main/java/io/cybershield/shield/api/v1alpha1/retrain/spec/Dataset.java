package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A training dataset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "name", "uri", "classification" })
public record Dataset(
    @Required
    @Size(min = 1, max = 63)
    @Pattern(ApiValidation.DNS_LABEL)
    @JsonPropertyDescription("Name of the dataset, unique within the trainer; passed to the trainer in "
        + "SHIELD_DATASETS.")
    String name,

    @Required
    @Size(max = ApiValidation.MAX_URI_LENGTH)
    @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
    @JsonPropertyDescription("Location of the dataset: s3://, pvc://<claim>/<path>, hf:// or oci://.")
    String uri,

    @Required
    @JsonPropertyDescription("Sensitivity of the dataset: restricted, confidential, internal or public. Restricted "
        + "datasets are only trained on premises.")
    DataClassification classification) {
}
