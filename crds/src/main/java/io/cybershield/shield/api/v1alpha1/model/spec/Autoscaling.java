package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/** Scaling of the private-cloud pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "target", "incidentSurge" })
public class Autoscaling {

  @JsonPropertyDescription("Load signal and per-pod target of the HorizontalPodAutoscaler of each private-cloud "
      + "Deployment. Without it the pool stays at its floor.")
  private AutoscalingTarget target;

  @JsonPropertyDescription("Replica floors raised while ShieldIncidents select this model.")
  private IncidentSurge incidentSurge;

  public AutoscalingTarget getTarget() {
    return target;
  }

  public void setTarget(AutoscalingTarget target) {
    this.target = target;
  }

  public IncidentSurge getIncidentSurge() {
    return incidentSurge;
  }

  public void setIncidentSurge(IncidentSurge incidentSurge) {
    this.incidentSurge = incidentSurge;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Autoscaling that = (Autoscaling) o;
    return Objects.equals(target, that.target)
        && Objects.equals(incidentSurge, that.incidentSurge);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, incidentSurge);
  }

  @Override
  public String toString() {
    return "Autoscaling{target=" + target
        + ", incidentSurge=" + incidentSurge
        + "}";
  }
}
