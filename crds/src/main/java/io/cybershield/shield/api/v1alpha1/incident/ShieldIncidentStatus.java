package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ShieldStatus;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** The observed state of a ShieldIncident, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "observedGeneration", "phase", "expiryTime", "endTime", "models", "conditions" })
@SchemaCustomizer(value = ListTypes.class, input = "conditions=map(type); models=map(name)")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record ShieldIncidentStatus(
    @JsonPropertyDescription(ShieldStatus.OBSERVED_GENERATION_DESCRIPTION)
    Long observedGeneration,

    @JsonPropertyDescription("Active, Resolved or Expired.")
    IncidentPhase phase,

    @JsonPropertyDescription("When the incident expires unless resolved: creation time plus spec.expiresAfter "
        + "(RFC 3339).")
    String expiryTime,

    @JsonPropertyDescription("When the incident was resolved or expired (RFC 3339).")
    String endTime,

    @JsonPropertyDescription("The ShieldModels the incident surged, with the floor asked for, the floor applied and "
        + "the shortfall.")
    List<SurgedModel> models,

    @Size(max = ShieldStatus.MAX_CONDITIONS)
    @JsonPropertyDescription("Conditions, among them CapacityGranted (every selected model got its full floor).")
    List<Condition> conditions) implements ShieldStatus {

  /** Condition type: every selected model got the floor it asked for. */
  public static final String CAPACITY_GRANTED = "CapacityGranted";
}
