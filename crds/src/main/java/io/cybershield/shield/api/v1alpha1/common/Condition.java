package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/**
 * One aspect of the state of a Shield resource, in the standard Kubernetes condition shape. {@code Ready=True} is
 * always the good state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "status", "reason", "message", "lastTransitionTime", "observedGeneration" })
public class Condition {

  @Required
  @Size(max = 64)
  @Pattern("^[A-Z][A-Za-z0-9]*$")
  @JsonPropertyDescription("Type of the condition in CamelCase, for example Ready, Progressing, Degraded, Surging or "
      + "CapacityAvailable.")
  private String type;

  @Required
  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  private ConditionStatus status;

  @Size(max = 128)
  @Pattern("^([A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?)?$")
  @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition, for example RolloutComplete "
      + "or InsufficientGpuCapacity.")
  private String reason;

  @Size(max = 32768)
  @JsonPropertyDescription("Human-readable details about the last transition.")
  private String message;

  @JsonPropertyDescription("When the condition last changed its status, as an RFC 3339 timestamp.")
  private String lastTransitionTime;

  @Min(0)
  @JsonPropertyDescription("The metadata.generation of the resource this condition was computed from.")
  private Long observedGeneration;

  public Condition() {
  }

  public Condition(String type, ConditionStatus status, String reason, String message) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public ConditionStatus getStatus() {
    return status;
  }

  public void setStatus(ConditionStatus status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Condition that = (Condition) o;
    return Objects.equals(type, that.type)
        && Objects.equals(status, that.status)
        && Objects.equals(reason, that.reason)
        && Objects.equals(message, that.message)
        && Objects.equals(lastTransitionTime, that.lastTransitionTime)
        && Objects.equals(observedGeneration, that.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, lastTransitionTime, observedGeneration);
  }

  @Override
  public String toString() {
    return "Condition{type=" + type
        + ", status=" + status
        + ", reason=" + reason
        + ", message=" + message
        + ", lastTransitionTime=" + lastTransitionTime
        + ", observedGeneration=" + observedGeneration
        + "}";
  }
}
