package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;

import java.util.Objects;

/** The desired state of a ShieldIncident. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "severity", "source", "summary", "modelSelector", "expiresAfter", "resolved" })
public class ShieldIncidentSpec {

  /** How long an incident stays active when spec.expiresAfter is not set. */
  public static final String DEFAULT_EXPIRES_AFTER = "24h";

  @Required
  @JsonPropertyDescription("Severity of the incident: critical, high, medium or low. Selects the surge floor of "
      + "each selected ShieldModel (spec.autoscaling.incidentSurge.floors).")
  private Severity severity;

  @JsonPropertyDescription("The SIEM alert behind the incident.")
  private IncidentSource source;

  @Size(max = 2048)
  @JsonPropertyDescription("One-line description of the incident, for people.")
  private String summary;

  @JsonPropertyDescription("Label selector over the ShieldModels in the incident's namespace that surge. An empty "
      + "or missing selector selects every ShieldModel in the namespace.")
  private LabelSelector modelSelector;

  @Default(DEFAULT_EXPIRES_AFTER)
  @Size(max = 32)
  @Pattern(ApiValidation.DURATION)
  @JsonPropertyDescription("How long after its creation the incident stops raising floors if nobody resolves it, as "
      + "a Go duration such as 12h. Defaults to 24h.")
  private String expiresAfter;

  @Default("false")
  @ValidationRule(value = "self || !oldSelf",
      message = "a resolved incident cannot be reopened; create a new ShieldIncident")
  @JsonPropertyDescription("Set to true when the incident is over; the surge then ends after the models' cooldown. "
      + "Deleting the ShieldIncident has the same effect. A resolved incident cannot be reopened.")
  private Boolean resolved;

  public Severity getSeverity() {
    return severity;
  }

  public void setSeverity(Severity severity) {
    this.severity = severity;
  }

  public IncidentSource getSource() {
    return source;
  }

  public void setSource(IncidentSource source) {
    this.source = source;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public LabelSelector getModelSelector() {
    return modelSelector;
  }

  public void setModelSelector(LabelSelector modelSelector) {
    this.modelSelector = modelSelector;
  }

  public String getExpiresAfter() {
    return expiresAfter;
  }

  public void setExpiresAfter(String expiresAfter) {
    this.expiresAfter = expiresAfter;
  }

  public Boolean getResolved() {
    return resolved;
  }

  public void setResolved(Boolean resolved) {
    this.resolved = resolved;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ShieldIncidentSpec that = (ShieldIncidentSpec) o;
    return Objects.equals(severity, that.severity)
        && Objects.equals(source, that.source)
        && Objects.equals(summary, that.summary)
        && Objects.equals(modelSelector, that.modelSelector)
        && Objects.equals(expiresAfter, that.expiresAfter)
        && Objects.equals(resolved, that.resolved);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, source, summary, modelSelector, expiresAfter, resolved);
  }

  @Override
  public String toString() {
    return "ShieldIncidentSpec{severity=" + severity
        + ", source=" + source
        + ", summary=" + summary
        + ", modelSelector=" + modelSelector
        + ", expiresAfter=" + expiresAfter
        + ", resolved=" + resolved
        + "}";
  }
}
