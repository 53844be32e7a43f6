package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/** Replicas of one variant in one pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "pool", "deployment", "desiredReplicas", "readyReplicas", "floor" })
public class PoolStatus {

  @Required
  @JsonPropertyDescription("The pool: onprem or private-cloud.")
  private Pool pool;

  @JsonPropertyDescription("Name of the Deployment serving the variant in this pool; empty when the pool has no "
      + "Deployment.")
  private String deployment;

  @JsonPropertyDescription("Replicas the operator (or, in the private cloud, the HorizontalPodAutoscaler) wants.")
  private Integer desiredReplicas;

  @JsonPropertyDescription("Replicas that passed their readiness probe.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Current private-cloud replica floor: minReplicas, raised while an incident surge or its "
      + "cooldown lasts.")
  private Integer floor;

  public PoolStatus() {
  }

  public PoolStatus(Pool pool, String deployment, Integer desiredReplicas, Integer readyReplicas) {
    this.pool = pool;
    this.deployment = deployment;
    this.desiredReplicas = desiredReplicas;
    this.readyReplicas = readyReplicas;
  }

  public Pool getPool() {
    return pool;
  }

  public void setPool(Pool pool) {
    this.pool = pool;
  }

  public String getDeployment() {
    return deployment;
  }

  public void setDeployment(String deployment) {
    this.deployment = deployment;
  }

  public Integer getDesiredReplicas() {
    return desiredReplicas;
  }

  public void setDesiredReplicas(Integer desiredReplicas) {
    this.desiredReplicas = desiredReplicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
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
    PoolStatus that = (PoolStatus) o;
    return Objects.equals(pool, that.pool)
        && Objects.equals(deployment, that.deployment)
        && Objects.equals(desiredReplicas, that.desiredReplicas)
        && Objects.equals(readyReplicas, that.readyReplicas)
        && Objects.equals(floor, that.floor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pool, deployment, desiredReplicas, readyReplicas, floor);
  }

  @Override
  public String toString() {
    return "PoolStatus{pool=" + pool
        + ", deployment=" + deployment
        + ", desiredReplicas=" + desiredReplicas
        + ", readyReplicas=" + readyReplicas
        + ", floor=" + floor
        + "}";
  }
}
