package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/** What an incident asked of one ShieldModel and what it got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "requestedFloor", "floor", "shortfall" })
public class SurgedModel {

  @Required
  @JsonPropertyDescription("Name of the ShieldModel.")
  private String name;

  @JsonPropertyDescription("Private-cloud floor per variant this incident's severity asks for.")
  private Integer requestedFloor;

  @JsonPropertyDescription("Private-cloud floor per variant applied to the model, after its GPU budget.")
  private Integer floor;

  @JsonPropertyDescription("Replicas per variant that could not be added (requestedFloor - floor); 0 when the "
      + "surge got everything it asked for.")
  private Integer shortfall;

  public SurgedModel() {
  }

  public SurgedModel(String name, Integer requestedFloor, Integer floor, Integer shortfall) {
    this.name = name;
    this.requestedFloor = requestedFloor;
    this.floor = floor;
    this.shortfall = shortfall;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    SurgedModel that = (SurgedModel) o;
    return Objects.equals(name, that.name)
        && Objects.equals(requestedFloor, that.requestedFloor)
        && Objects.equals(floor, that.floor)
        && Objects.equals(shortfall, that.shortfall);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, requestedFloor, floor, shortfall);
  }

  @Override
  public String toString() {
    return "SurgedModel{name=" + name
        + ", requestedFloor=" + requestedFloor
        + ", floor=" + floor
        + ", shortfall=" + shortfall
        + "}";
  }
}
