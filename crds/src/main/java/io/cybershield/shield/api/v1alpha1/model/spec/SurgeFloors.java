package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.Objects;

/** Private-cloud replica floor per incident severity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "critical", "high", "medium", "low" })
public class SurgeFloors {

  @Min(0)
  @Max(256)
  @JsonPropertyDescription("Floor while a critical incident selects this model.")
  private Integer critical;

  @Min(0)
  @Max(256)
  @JsonPropertyDescription("Floor while a high-severity incident selects this model.")
  private Integer high;

  @Min(0)
  @Max(256)
  @JsonPropertyDescription("Floor while a medium-severity incident selects this model.")
  private Integer medium;

  @Min(0)
  @Max(256)
  @JsonPropertyDescription("Floor while a low-severity incident selects this model.")
  private Integer low;

  public Integer getCritical() {
    return critical;
  }

  public void setCritical(Integer critical) {
    this.critical = critical;
  }

  public Integer getHigh() {
    return high;
  }

  public void setHigh(Integer high) {
    this.high = high;
  }

  public Integer getMedium() {
    return medium;
  }

  public void setMedium(Integer medium) {
    this.medium = medium;
  }

  public Integer getLow() {
    return low;
  }

  public void setLow(Integer low) {
    this.low = low;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    SurgeFloors that = (SurgeFloors) o;
    return Objects.equals(critical, that.critical)
        && Objects.equals(high, that.high)
        && Objects.equals(medium, that.medium)
        && Objects.equals(low, that.low);
  }

  @Override
  public int hashCode() {
    return Objects.hash(critical, high, medium, low);
  }

  @Override
  public String toString() {
    return "SurgeFloors{critical=" + critical
        + ", high=" + high
        + ", medium=" + medium
        + ", low=" + low
        + "}";
  }
}
