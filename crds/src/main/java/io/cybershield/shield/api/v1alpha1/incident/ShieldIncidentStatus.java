package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;

import java.util.List;
import java.util.Objects;

/** The observed state of a ShieldIncident, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "observedGeneration", "phase", "expiryTime", "endTime", "models", "conditions" })
@SchemaCustomizer(value = ListTypes.class, input = "conditions=map(type); models=map(name)")
public class ShieldIncidentStatus {

  /** Condition type: every selected model got the floor it asked for. */
  public static final String CAPACITY_GRANTED = "CapacityGranted";

  @JsonPropertyDescription("The metadata.generation this status was computed from.")
  private Long observedGeneration;

  @JsonPropertyDescription("Active, Resolved or Expired.")
  private IncidentPhase phase;

  @JsonPropertyDescription("When the incident expires unless resolved: creation time plus spec.expiresAfter "
      + "(RFC 3339).")
  private String expiryTime;

  @JsonPropertyDescription("When the incident was resolved or expired (RFC 3339).")
  private String endTime;

  @JsonPropertyDescription("The ShieldModels the incident surged, with the floor asked for, the floor applied and "
      + "the shortfall.")
  private List<SurgedModel> models;

  @JsonPropertyDescription("Conditions, among them CapacityGranted (every selected model got its full floor).")
  private List<Condition> conditions;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public IncidentPhase getPhase() {
    return phase;
  }

  public void setPhase(IncidentPhase phase) {
    this.phase = phase;
  }

  public String getExpiryTime() {
    return expiryTime;
  }

  public void setExpiryTime(String expiryTime) {
    this.expiryTime = expiryTime;
  }

  public String getEndTime() {
    return endTime;
  }

  public void setEndTime(String endTime) {
    this.endTime = endTime;
  }

  public List<SurgedModel> getModels() {
    return models;
  }

  public void setModels(List<SurgedModel> models) {
    this.models = models;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ShieldIncidentStatus that = (ShieldIncidentStatus) o;
    return Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(phase, that.phase)
        && Objects.equals(expiryTime, that.expiryTime)
        && Objects.equals(endTime, that.endTime)
        && Objects.equals(models, that.models)
        && Objects.equals(conditions, that.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, phase, expiryTime, endTime, models, conditions);
  }

  @Override
  public String toString() {
    return "ShieldIncidentStatus{observedGeneration=" + observedGeneration
        + ", phase=" + phase
        + ", expiryTime=" + expiryTime
        + ", endTime=" + endTime
        + ", models=" + models
        + ", conditions=" + conditions
        + "}";
  }
}
