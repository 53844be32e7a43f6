package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cybershield.shield.api.crd.ListTypes;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the status of every Shield resource has: the generation it was computed from and the conditions, one per
 * type ({@code x-kubernetes-list-type: map} keyed by type, so server-side apply merges them by type).
 */
@SchemaCustomizer(value = ListTypes.class, input = "conditions=map(type)")
public abstract class ShieldStatus {

  @JsonPropertyDescription("The metadata.generation this status was computed from.")
  private Long observedGeneration;

  @Size(max = 16)
  @JsonPropertyDescription("Conditions of the resource, one per type, each with a CamelCase reason; Ready=True is "
      + "the good state.")
  private List<Condition> conditions;

  /** The condition of a type, if the status has one. */
  @JsonIgnore
  public Optional<Condition> getCondition(String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(condition -> type.equals(condition.getType())).findFirst();
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
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
    ShieldStatus that = (ShieldStatus) o;
    return Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(conditions, that.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions);
  }

  @Override
  public String toString() {
    return "ShieldStatus{observedGeneration=" + observedGeneration
        + ", conditions=" + conditions
        + "}";
  }
}
