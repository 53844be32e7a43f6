package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/** The outcome of one check of the quality gate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "check", "value", "threshold", "passed" })
public class Verdict {

  @Required
  @JsonPropertyDescription("The check: precision, recall, f1 or attackSuccessRate.")
  private String check;

  @JsonPropertyDescription("The measured value; missing when the evaluator did not report it (which fails the "
      + "check).")
  private Double value;

  @JsonPropertyDescription("The threshold: a minimum, or for attackSuccessRate a maximum.")
  private Double threshold;

  @Required
  @JsonPropertyDescription("Whether the value met the threshold.")
  private Boolean passed;

  public Verdict() {
  }

  public Verdict(String check, Double value, Double threshold, Boolean passed) {
    this.check = check;
    this.value = value;
    this.threshold = threshold;
    this.passed = passed;
  }

  public String getCheck() {
    return check;
  }

  public void setCheck(String check) {
    this.check = check;
  }

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public Boolean getPassed() {
    return passed;
  }

  public void setPassed(Boolean passed) {
    this.passed = passed;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Verdict that = (Verdict) o;
    return Objects.equals(check, that.check)
        && Objects.equals(value, that.value)
        && Objects.equals(threshold, that.threshold)
        && Objects.equals(passed, that.passed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(check, value, threshold, passed);
  }

  @Override
  public String toString() {
    return "Verdict{check=" + check
        + ", value=" + value
        + ", threshold=" + threshold
        + ", passed=" + passed
        + "}";
  }
}
