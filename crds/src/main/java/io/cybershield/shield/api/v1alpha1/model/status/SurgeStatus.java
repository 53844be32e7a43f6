package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Severity;

import java.util.Objects;

/** The incident surge in effect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "severity", "requestedFloor", "floor", "shortfall", "cooldownUntil" })
public class SurgeStatus {

  @JsonPropertyDescription("Highest severity among the incidents that raised the floor.")
  private Severity severity;

  @JsonPropertyDescription("Private-cloud floor per variant the incidents ask for.")
  private Integer requestedFloor;

  @JsonPropertyDescription("Private-cloud floor per variant applied, after the GPU budget (incidentSurge.maxGpus).")
  private Integer floor;

  @JsonPropertyDescription("Replicas per variant the surge could not add because of the GPU budget.")
  private Integer shortfall;

  @JsonPropertyDescription("While cooling down after the last incident ended: when the floor returns to "
      + "minReplicas (RFC 3339).")
  private String cooldownUntil;

  public Severity getSeverity() {
    return severity;
  }

  public void setSeverity(Severity severity) {
    this.severity = severity;
  }

  public Integer getRequestedFloor() {
    return requestedFloor;
  }

  public void setRequestedFloor(Integer requestedFloor) {
    this.requestedFloor = requestedFloor;
  }

  public Integer getFloor() {
    return floor;
  }

  public void setFloor(Integer floor) {
    this.floor = floor;
  }

  public Integer getShortfall() {
    return shortfall;
  }

  public void setShortfall(Integer shortfall) {
    this.shortfall = shortfall;
  }

  public String getCooldownUntil() {
    return cooldownUntil;
  }

  public void setCooldownUntil(String cooldownUntil) {
    this.cooldownUntil = cooldownUntil;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    SurgeStatus that = (SurgeStatus) o;
    return Objects.equals(severity, that.severity)
        && Objects.equals(requestedFloor, that.requestedFloor)
        && Objects.equals(floor, that.floor)
        && Objects.equals(shortfall, that.shortfall)
        && Objects.equals(cooldownUntil, that.cooldownUntil);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, requestedFloor, floor, shortfall, cooldownUntil);
  }

  @Override
  public String toString() {
    return "SurgeStatus{severity=" + severity
        + ", requestedFloor=" + requestedFloor
        + ", floor=" + floor
        + ", shortfall=" + shortfall
        + ", cooldownUntil=" + cooldownUntil
        + "}";
  }
}
