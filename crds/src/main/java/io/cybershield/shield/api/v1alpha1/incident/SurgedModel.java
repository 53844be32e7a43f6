package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;

/** What an incident asked of one ShieldModel and what it got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "requestedFloor", "floor", "shortfall" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record SurgedModel(
    @Required
    @JsonPropertyDescription("Name of the ShieldModel.")
    String name,

    @JsonPropertyDescription("Private-cloud floor per variant this incident's severity asks for.")
    Integer requestedFloor,

    @JsonPropertyDescription("Private-cloud floor per variant applied to the model, after its GPU budget.")
    Integer floor,

    @JsonPropertyDescription("Replicas per variant that could not be added (requestedFloor - floor); 0 when the "
        + "surge got everything it asked for.")
    Integer shortfall) {
}
