package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** Adversarial prompts a new version must withstand. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "suite", "maxAttackSuccessRate" })
public class RedTeam {

  @Required
  @Size(max = ApiValidation.MAX_URI_LENGTH)
  @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
  @JsonPropertyDescription("Location of the red-team suite (prompt injections, jailbreaks): s3://, "
      + "pvc://<claim>/<path>, hf:// or oci://.")
  private String suite;

  @Default("0.05")
  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Highest share of attacks (0 to 1) that may succeed. Defaults to 0.05.")
  private Double maxAttackSuccessRate;

  public String getSuite() {
    return suite;
  }

  public void setSuite(String suite) {
    this.suite = suite;
  }

  public Double getMaxAttackSuccessRate() {
    return maxAttackSuccessRate;
  }

  public void setMaxAttackSuccessRate(Double maxAttackSuccessRate) {
    this.maxAttackSuccessRate = maxAttackSuccessRate;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RedTeam that = (RedTeam) o;
    return Objects.equals(suite, that.suite)
        && Objects.equals(maxAttackSuccessRate, that.maxAttackSuccessRate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(suite, maxAttackSuccessRate);
  }

  @Override
  public String toString() {
    return "RedTeam{suite=" + suite
        + ", maxAttackSuccessRate=" + maxAttackSuccessRate
        + "}";
  }
}
