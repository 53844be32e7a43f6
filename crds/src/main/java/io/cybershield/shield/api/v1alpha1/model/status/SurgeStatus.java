package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.sundr.builder.annotations.Buildable;

/** The incident surge in effect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "severity", "requestedFloor", "floor", "shortfall", "cooldownUntil" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record SurgeStatus(
    @JsonPropertyDescription("Highest severity among the incidents that raised the floor.")
    Severity severity,

    @JsonPropertyDescription("Private-cloud floor per variant the incidents ask for.")
    Integer requestedFloor,

    @JsonPropertyDescription("Private-cloud floor per variant applied, after the GPU budget (incidentSurge.maxGpus).")
    Integer floor,

    @JsonPropertyDescription("Replicas per variant the surge could not add because of the GPU budget.")
    Integer shortfall,

    @JsonPropertyDescription("While cooling down after the last incident ended: when the floor returns to "
        + "minReplicas (RFC 3339).")
    String cooldownUntil) {
}
