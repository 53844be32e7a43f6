package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.sundr.builder.annotations.Buildable;

/** The desired state of a ShieldIncident. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "severity", "source", "summary", "modelSelector", "expiresAfter", "resolved" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record ShieldIncidentSpec(
    @Required
    @JsonPropertyDescription("Severity of the incident: critical, high, medium or low. Selects the surge floor of "
        + "each selected ShieldModel (spec.autoscaling.incidentSurge.floors).")
    Severity severity,

    @JsonPropertyDescription("The SIEM alert behind the incident.")
    IncidentSource source,

    @Size(max = 2048)
    @JsonPropertyDescription("One-line description of the incident, for people.")
    String summary,

    @JsonPropertyDescription("Label selector over the ShieldModels in the incident's namespace that surge. An empty "
        + "or missing selector selects every ShieldModel in the namespace.")
    LabelSelector modelSelector,

    @Default(DEFAULT_EXPIRES_AFTER)
    @Size(max = 32)
    @Pattern(ApiValidation.DURATION)
    @JsonPropertyDescription("How long after its creation the incident stops raising floors if nobody resolves it, as "
        + "a Go duration such as 12h. Defaults to 24h.")
    String expiresAfter,

    @Default("false")
    @ValidationRule(value = "self || !oldSelf",
        message = "a resolved incident cannot be reopened; create a new ShieldIncident")
    @JsonPropertyDescription("Set to true when the incident is over; the surge then ends after the models' cooldown. "
        + "Deleting the ShieldIncident has the same effect. A resolved incident cannot be reopened.")
    Boolean resolved) {

  /** How long an incident stays active when spec.expiresAfter is not set. */
  public static final String DEFAULT_EXPIRES_AFTER = "24h";
}
