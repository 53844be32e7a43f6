package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A reference to another Shield resource in the same namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalReference(
    @Required
    @Size(min = 1, max = 63)
    @Pattern(ApiValidation.DNS_LABEL)
    @JsonPropertyDescription("Name of the referenced resource, in the same namespace.")
    String name) {
}
