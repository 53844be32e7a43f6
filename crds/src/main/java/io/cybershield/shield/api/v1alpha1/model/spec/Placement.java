package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** The two pools every variant is served in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "onPrem", "privateCloud" })
@ValidationRule(value = "(has(self.onPrem) && (!has(self.onPrem.replicas) || self.onPrem.replicas > 0))"
    + " || (has(self.privateCloud) && self.privateCloud.maxReplicas > 0)",
    message = "at least one pool must be able to run replicas: set onPrem.replicas or privateCloud.maxReplicas "
        + "above 0")
public class Placement {

  @JsonPropertyDescription("The on-premises pool, the only one that receives restricted requests. Omit it (or set "
      + "replicas to 0) to serve from the private cloud only.")
  private OnPremPool onPrem;

  @JsonPropertyDescription("The private-cloud pool, scaled by a HorizontalPodAutoscaler and by incident surges. "
      + "Omit it to stay on premises.")
  private PrivateCloudPool privateCloud;

  public OnPremPool getOnPrem() {
    return onPrem;
  }

  public void setOnPrem(OnPremPool onPrem) {
    this.onPrem = onPrem;
  }

  public PrivateCloudPool getPrivateCloud() {
    return privateCloud;
  }

  public void setPrivateCloud(PrivateCloudPool privateCloud) {
    this.privateCloud = privateCloud;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Placement that = (Placement) o;
    return Objects.equals(onPrem, that.onPrem)
        && Objects.equals(privateCloud, that.privateCloud);
  }

  @Override
  public int hashCode() {
    return Objects.hash(onPrem, privateCloud);
  }

  @Override
  public String toString() {
    return "Placement{onPrem=" + onPrem
        + ", privateCloud=" + privateCloud
        + "}";
  }
}
