package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** How validated versions are promoted and rolled back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "policy", "keepVersions", "rolloutDeadline" })
public class PromotionSpec {

  @Default("automatic")
  @JsonPropertyDescription("automatic promotes a version as soon as it passes validation; manual waits until the "
      + "ShieldRetrain is annotated shield.cybershield.io/approve=<version>. Defaults to automatic.")
  private PromotionPolicy policy;

  @Default("3")
  @Min(1)
  @Max(20)
  @JsonPropertyDescription("How many previously promoted versions are kept (weights and status) for rollback. "
      + "Defaults to 3.")
  private Integer keepVersions;

  @Default("30m")
  @Size(max = 32)
  @Pattern(ApiValidation.DURATION)
  @JsonPropertyDescription("How long the rollout of a promoted version may take to become available before the "
      + "operator rolls back to the previous promoted version, as a Go duration. Defaults to 30m.")
  private String rolloutDeadline;

  public PromotionPolicy getPolicy() {
    return policy;
  }

  public void setPolicy(PromotionPolicy policy) {
    this.policy = policy;
  }

  public Integer getKeepVersions() {
    return keepVersions;
  }

  public void setKeepVersions(Integer keepVersions) {
    this.keepVersions = keepVersions;
  }

  public String getRolloutDeadline() {
    return rolloutDeadline;
  }

  public void setRolloutDeadline(String rolloutDeadline) {
    this.rolloutDeadline = rolloutDeadline;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PromotionSpec that = (PromotionSpec) o;
    return Objects.equals(policy, that.policy)
        && Objects.equals(keepVersions, that.keepVersions)
        && Objects.equals(rolloutDeadline, that.rolloutDeadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(policy, keepVersions, rolloutDeadline);
  }

  @Override
  public String toString() {
    return "PromotionSpec{policy=" + policy
        + ", keepVersions=" + keepVersions
        + ", rolloutDeadline=" + rolloutDeadline
        + "}";
  }
}
