package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.fabric8.generator.annotation.Required;

/** A ShieldIncident that currently selects the model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "severity", "floor" })
public record ActiveIncident(
    @Required
    @JsonPropertyDescription("Name of the ShieldIncident, in the model's namespace.")
    String name,

    @JsonPropertyDescription("Severity of the incident.")
    Severity severity,

    @JsonPropertyDescription("Private-cloud floor the incident asks for (spec.autoscaling.incidentSurge.floors).")
    Integer floor) {
}
