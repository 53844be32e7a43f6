package io.cybershield.shield.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ShieldStatus;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.api.v1alpha1.model.status.GatewayStatus;
import io.cybershield.shield.api.v1alpha1.model.status.SurgeStatus;
import io.cybershield.shield.api.v1alpha1.model.status.VariantStatus;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** The observed state of a ShieldModel, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "observedGeneration", "conditions", "servedVersion", "replicas", "variants", "activeIncidents",
    "surge", "gateway" })
@SchemaCustomizer(value = ListTypes.class,
    input = "conditions=map(type); variants=map(name); activeIncidents=map(name)")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record ShieldModelStatus(
    @JsonPropertyDescription(ShieldStatus.OBSERVED_GENERATION_DESCRIPTION)
    Long observedGeneration,

    @Size(max = ShieldStatus.MAX_CONDITIONS)
    @JsonPropertyDescription("Conditions Ready, Progressing, Degraded, Surging and CapacityAvailable, each with a "
        + "CamelCase reason.")
    List<Condition> conditions,

    @JsonPropertyDescription("Version of the weights being served: spec.model.version, or the version promoted by the "
        + "ShieldRetrain in spec.model.retrainRef.")
    String servedVersion,

    @JsonPropertyDescription("Ready over desired replicas of all variants in all pools, for example 4/6.")
    String replicas,

    @JsonPropertyDescription("Desired and ready replicas per variant and pool.")
    List<VariantStatus> variants,

    @JsonPropertyDescription("ShieldIncidents that currently select this model.")
    List<ActiveIncident> activeIncidents,

    @JsonPropertyDescription("The incident surge in effect, if any.")
    SurgeStatus surge,

    @JsonPropertyDescription("The model's gateway endpoint.")
    GatewayStatus gateway) implements ShieldStatus {

  /** Condition type: the model is served at the desired version by every variant. */
  public static final String READY = "Ready";
  /** Condition type: a rollout or scale change is under way. */
  public static final String PROGRESSING = "Progressing";
  /** Condition type: the model is served, but with fewer replicas or an older version than desired. */
  public static final String DEGRADED = "Degraded";
  /** Condition type: an incident surge (or its cooldown) holds the private-cloud floor up. */
  public static final String SURGING = "Surging";
  /** Condition type: the gateways' work beyond the on-premises capacity holds a parked private-cloud pool awake. */
  public static final String WAKING = "Waking";
  /** Condition type: the nodes of the pools have the GPUs the desired replicas need. */
  public static final String CAPACITY_AVAILABLE = "CapacityAvailable";
}
