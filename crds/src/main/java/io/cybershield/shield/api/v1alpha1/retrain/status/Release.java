package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;

/** A promoted version and its weights: what a ShieldModel following the ShieldRetrain serves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "version", "uri", "run", "promotionTime" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record Release(
    @Required
    @JsonPropertyDescription("The version, for example r12.")
    String version,

    @Required
    @JsonPropertyDescription("Where its weights are, as the training Job reported them.")
    String uri,

    @JsonPropertyDescription("Sequence number of the run that produced it.")
    Long run,

    @JsonPropertyDescription("When it was promoted (RFC 3339).")
    String promotionTime) {
}
