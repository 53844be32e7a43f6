package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/** A ShieldIncident that currently selects the model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "severity", "floor" })
public class ActiveIncident {

  @Required
  @JsonPropertyDescription("Name of the ShieldIncident, in the model's namespace.")
  private String name;

  @JsonPropertyDescription("Severity of the incident.")
  private Severity severity;

  @JsonPropertyDescription("Private-cloud floor the incident asks for (spec.autoscaling.incidentSurge.floors).")
  private Integer floor;

  public ActiveIncident() {
  }

  public ActiveIncident(String name, Severity severity, Integer floor) {
    this.name = name;
    this.severity = severity;
    this.floor = floor;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Severity getSeverity() {
    return severity;
  }

  public void setSeverity(Severity severity) {
    this.severity = severity;
  }

  public Integer getFloor() {
    return floor;
  }

  public void setFloor(Integer floor) {
    this.floor = floor;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ActiveIncident that = (ActiveIncident) o;
    return Objects.equals(name, that.name)
        && Objects.equals(severity, that.severity)
        && Objects.equals(floor, that.floor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, severity, floor);
  }

  @Override
  public String toString() {
    return "ActiveIncident{name=" + name
        + ", severity=" + severity
        + ", floor=" + floor
        + "}";
  }
}
