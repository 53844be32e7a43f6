package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.sundr.builder.annotations.Buildable;

/** Scaling of the private-cloud pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "target", "incidentSurge" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record Autoscaling(
    @JsonPropertyDescription("Load signal and per-pod target of the HorizontalPodAutoscaler of each private-cloud "
        + "Deployment. Without it the pool stays at its floor.")
    AutoscalingTarget target,

    @JsonPropertyDescription("Replica floors raised while ShieldIncidents select this model.")
    IncidentSurge incidentSurge) {
}
