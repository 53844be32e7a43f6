package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where the pods of a pool may be scheduled. */
public abstract class PoolScheduling {

  @Size(max = 16)
  @JsonPropertyDescription("Node labels the pods require. When omitted, the pods select nodes labelled "
      + "shield.cybershield.io/pool with the pool's name (onprem or private-cloud).")
  private Map<String, @Size(max = 63) String> nodeSelector;

  @Size(max = 16)
  @JsonPropertyDescription("Tolerations added to the pods, for example for GPU node taints.")
  private List<Toleration> tolerations;

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PoolScheduling that = (PoolScheduling) o;
    return Objects.equals(nodeSelector, that.nodeSelector)
        && Objects.equals(tolerations, that.tolerations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeSelector, tolerations);
  }

  @Override
  public String toString() {
    return "PoolScheduling{nodeSelector=" + nodeSelector
        + ", tolerations=" + tolerations
        + "}";
  }
}
