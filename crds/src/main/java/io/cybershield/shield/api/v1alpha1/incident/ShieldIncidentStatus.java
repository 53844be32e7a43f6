package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ShieldStatus;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;

import java.util.List;
import java.util.Objects;

/** The observed state of a ShieldIncident, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "observedGeneration", "phase", "expiryTime", "endTime", "models", "conditions" })
@SchemaCustomizer(value = ListTypes.class, input = "models=map(name)")
public class ShieldIncidentStatus extends ShieldStatus {

  /** Condition type: every selected model got the floor it asked for. */
  public static final String CAPACITY_GRANTED = "CapacityGranted";

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

  @Override
  @JsonPropertyDescription("Conditions, among them CapacityGranted (every selected model got its full floor).")
  public List<Condition> getConditions() {
    return super.getConditions();
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ShieldIncidentStatus that = (ShieldIncidentStatus) o;
    return super.equals(o)
        && Objects.equals(phase, that.phase)
        && Objects.equals(expiryTime, that.expiryTime)
        && Objects.equals(endTime, that.endTime)
        && Objects.equals(models, that.models);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), phase, expiryTime, endTime, models);
  }

  @Override
  public String toString() {
    return "ShieldIncidentStatus{" + super.toString()
        + ", phase=" + phase
        + ", expiryTime=" + expiryTime
        + ", endTime=" + endTime
        + ", models=" + models
        + "}";
  }
}
