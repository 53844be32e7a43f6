package io.cybershield.shield.api.v1alpha1.model.spec;

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

/** How far the private-cloud pool surges while incidents are active. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "floors", "cooldown", "maxGpus" })
public class IncidentSurge {

  @JsonPropertyDescription("Private-cloud replica floor (per variant) per incident severity; the highest floor of "
      + "all active incidents selecting the model wins. Each floor is at most placement.privateCloud.maxReplicas.")
  private SurgeFloors floors;

  @Default("15m")
  @Size(max = 32)
  @Pattern(ApiValidation.DURATION)
  @JsonPropertyDescription("How long the floor stays raised after the last incident is resolved or expires, as a "
      + "Go duration such as 15m or 1h30m. Defaults to 15m.")
  private String cooldown;

  @Min(0)
  @Max(4096)
  @JsonPropertyDescription("GPU budget of a surge: the private-cloud pool of this model never holds more GPUs than "
      + "this because of incidents; floors are lowered to fit and the shortfall is reported. Unlimited when omitted.")
  private Integer maxGpus;

  public SurgeFloors getFloors() {
    return floors;
  }

  public void setFloors(SurgeFloors floors) {
    this.floors = floors;
  }

  public String getCooldown() {
    return cooldown;
  }

  public void setCooldown(String cooldown) {
    this.cooldown = cooldown;
  }

  public Integer getMaxGpus() {
    return maxGpus;
  }

  public void setMaxGpus(Integer maxGpus) {
    this.maxGpus = maxGpus;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    IncidentSurge that = (IncidentSurge) o;
    return Objects.equals(floors, that.floors)
        && Objects.equals(cooldown, that.cooldown)
        && Objects.equals(maxGpus, that.maxGpus);
  }

  @Override
  public int hashCode() {
    return Objects.hash(floors, cooldown, maxGpus);
  }

  @Override
  public String toString() {
    return "IncidentSurge{floors=" + floors
        + ", cooldown=" + cooldown
        + ", maxGpus=" + maxGpus
        + "}";
  }
}
