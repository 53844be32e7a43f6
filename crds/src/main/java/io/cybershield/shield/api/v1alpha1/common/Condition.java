package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;

/**
 * One aspect of the state of a Shield resource, in the standard Kubernetes condition shape. {@code Ready=True} is
 * always the good state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "status", "reason", "message", "lastTransitionTime", "observedGeneration" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record Condition(
    @Required
    @Size(max = 64)
    @Pattern("^[A-Z][A-Za-z0-9]*$")
    @JsonPropertyDescription("Type of the condition in CamelCase, for example Ready, Progressing, Degraded, Surging or "
        + "CapacityAvailable.")
    String type,

    @Required
    @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
    ConditionStatus status,

    @Size(max = 128)
    @Pattern("^([A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?)?$")
    @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition, for example RolloutComplete "
        + "or InsufficientGpuCapacity.")
    String reason,

    @Size(max = 32768)
    @JsonPropertyDescription("Human-readable details about the last transition.")
    String message,

    @JsonPropertyDescription("When the condition last changed its status, as an RFC 3339 timestamp.")
    String lastTransitionTime,

    @Min(0)
    @JsonPropertyDescription("The metadata.generation of the resource this condition was computed from.")
    Long observedGeneration) {
}
