package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Optional;

/**
 * What the status of every Shield resource has: the generation it was computed from and the conditions, one per
 * type. Each status record declares both as components, with {@link #OBSERVED_GENERATION_DESCRIPTION},
 * {@code @Size(max = MAX_CONDITIONS)} and {@code conditions=map(type)} in its {@code ListTypes} customizer
 * ({@code x-kubernetes-list-type: map} keyed by type, so server-side apply merges them by type).
 */
public interface ShieldStatus {

  /** Description of {@code status.observedGeneration}, the same in every Shield CRD. */
  String OBSERVED_GENERATION_DESCRIPTION = "The metadata.generation this status was computed from.";
  /** Most conditions a status may have. */
  int MAX_CONDITIONS = 16;

  /** The metadata.generation this status was computed from. */
  Long observedGeneration();

  /** Conditions of the resource, one per type; Ready=True is the good state. */
  List<Condition> conditions();

  /** The condition of a type, if the status has one; not a property (it takes an argument). */
  @JsonIgnore
  default Optional<Condition> condition(String type) {
    return conditions() == null ? Optional.empty()
        : conditions().stream().filter(condition -> type.equals(condition.type())).findFirst();
  }
}
