package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** The private-cloud pool: scaled between a floor and a ceiling by load and by incidents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "minReplicas", "maxReplicas", "nodeSelector", "tolerations" })
@ValidationRule(value = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
    message = "minReplicas must be less than or equal to maxReplicas")
public class PrivateCloudPool extends PoolScheduling {

  @Default("0")
  @Min(0)
  @Max(256)
  @JsonPropertyDescription("Replicas of every variant the private-cloud pool never goes below. With 0 the pool is "
      + "parked at zero replicas (no HPA) until an incident raises the floor or the gateway reports queued work "
      + "beyond on-premises capacity. Defaults to 0.")
  private Integer minReplicas;

  @Required
  @Min(0)
  @Max(256)
  @JsonPropertyDescription("Replicas of every variant the private-cloud pool never exceeds, incident surges "
      + "included. 0 creates no private-cloud Deployment; restricted models must use 0.")
  private Integer maxReplicas;

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PrivateCloudPool that = (PrivateCloudPool) o;
    return super.equals(o)
        && Objects.equals(minReplicas, that.minReplicas)
        && Objects.equals(maxReplicas, that.maxReplicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), minReplicas, maxReplicas);
  }

  @Override
  public String toString() {
    return "PrivateCloudPool{" + super.toString()
        + ", minReplicas=" + minReplicas
        + ", maxReplicas=" + maxReplicas
        + "}";
  }
}
