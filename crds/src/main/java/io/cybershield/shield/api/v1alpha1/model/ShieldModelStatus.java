package io.cybershield.shield.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ShieldStatus;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.api.v1alpha1.model.status.GatewayStatus;
import io.cybershield.shield.api.v1alpha1.model.status.SurgeStatus;
import io.cybershield.shield.api.v1alpha1.model.status.VariantStatus;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;

import java.util.List;
import java.util.Objects;

/** The observed state of a ShieldModel, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "observedGeneration", "conditions", "servedVersion", "replicas", "variants", "activeIncidents",
    "surge", "gateway" })
@SchemaCustomizer(value = ListTypes.class,
    input = "variants=map(name); activeIncidents=map(name)")
public class ShieldModelStatus extends ShieldStatus {

  /** Condition type: the model is served at the desired version by every variant. */
  public static final String READY = "Ready";
  /** Condition type: a rollout or scale change is under way. */
  public static final String PROGRESSING = "Progressing";
  /** Condition type: the model is served, but with fewer replicas or an older version than desired. */
  public static final String DEGRADED = "Degraded";
  /** Condition type: an incident surge (or its cooldown) holds the private-cloud floor up. */
  public static final String SURGING = "Surging";
  /** Condition type: the nodes of the pools have the GPUs the desired replicas need. */
  public static final String CAPACITY_AVAILABLE = "CapacityAvailable";

  @JsonPropertyDescription("Version of the weights being served: spec.model.version, or the version promoted by the "
      + "ShieldRetrain in spec.model.retrainRef.")
  private String servedVersion;

  @JsonPropertyDescription("Ready over desired replicas of all variants in all pools, for example 4/6.")
  private String replicas;

  @JsonPropertyDescription("Desired and ready replicas per variant and pool.")
  private List<VariantStatus> variants;

  @JsonPropertyDescription("ShieldIncidents that currently select this model.")
  private List<ActiveIncident> activeIncidents;

  @JsonPropertyDescription("The incident surge in effect, if any.")
  private SurgeStatus surge;

  @JsonPropertyDescription("The model's gateway endpoint.")
  private GatewayStatus gateway;

  @Override
  @JsonPropertyDescription("Conditions Ready, Progressing, Degraded, Surging and CapacityAvailable, each with a CamelCase reason.")
  public List<Condition> getConditions() {
    return super.getConditions();
  }

  public String getServedVersion() {
    return servedVersion;
  }

  public void setServedVersion(String servedVersion) {
    this.servedVersion = servedVersion;
  }

  public String getReplicas() {
    return replicas;
  }

  public void setReplicas(String replicas) {
    this.replicas = replicas;
  }

  public List<VariantStatus> getVariants() {
    return variants;
  }

  public void setVariants(List<VariantStatus> variants) {
    this.variants = variants;
  }

  public List<ActiveIncident> getActiveIncidents() {
    return activeIncidents;
  }

  public void setActiveIncidents(List<ActiveIncident> activeIncidents) {
    this.activeIncidents = activeIncidents;
  }

  public SurgeStatus getSurge() {
    return surge;
  }

  public void setSurge(SurgeStatus surge) {
    this.surge = surge;
  }

  public GatewayStatus getGateway() {
    return gateway;
  }

  public void setGateway(GatewayStatus gateway) {
    this.gateway = gateway;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ShieldModelStatus that = (ShieldModelStatus) o;
    return super.equals(o)
        && Objects.equals(servedVersion, that.servedVersion)
        && Objects.equals(replicas, that.replicas)
        && Objects.equals(variants, that.variants)
        && Objects.equals(activeIncidents, that.activeIncidents)
        && Objects.equals(surge, that.surge)
        && Objects.equals(gateway, that.gateway);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), servedVersion, replicas, variants, activeIncidents, surge, gateway);
  }

  @Override
  public String toString() {
    return "ShieldModelStatus{" + super.toString()
        + ", servedVersion=" + servedVersion
        + ", replicas=" + replicas
        + ", variants=" + variants
        + ", activeIncidents=" + activeIncidents
        + ", surge=" + surge
        + ", gateway=" + gateway
        + "}";
  }
}
