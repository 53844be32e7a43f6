package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.Objects;

/** The on-premises pool: a fixed number of replicas per variant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "replicas", "nodeSelector", "tolerations" })
public class OnPremPool extends PoolScheduling {

  @Default("1")
  @Min(0)
  @Max(64)
  @JsonPropertyDescription("Replicas of every variant in the on-premises pool. 0 creates no on-premises "
      + "Deployment. Defaults to 1.")
  private Integer replicas;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    OnPremPool that = (OnPremPool) o;
    return super.equals(o)
        && Objects.equals(replicas, that.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), replicas);
  }

  @Override
  public String toString() {
    return "OnPremPool{" + super.toString()
        + ", replicas=" + replicas
        + "}";
  }
}
