package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.Objects;

/** The quality gate: a version that misses any threshold is never served. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "precision", "recall", "f1" })
public class Thresholds {

  /** Precision a new version needs when spec.validation.thresholds.precision is not set. */
  public static final double DEFAULT_PRECISION = 0.90;

  @Default("0.9")
  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Lowest precision (0 to 1) on the held-out dataset. Defaults to 0.90.")
  private Double precision;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Lowest recall (0 to 1) on the held-out dataset. Not checked when omitted.")
  private Double recall;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Lowest F1 score (0 to 1) on the held-out dataset. Not checked when omitted.")
  private Double f1;

  public Double getPrecision() {
    return precision;
  }

  public void setPrecision(Double precision) {
    this.precision = precision;
  }

  public Double getRecall() {
    return recall;
  }

  public void setRecall(Double recall) {
    this.recall = recall;
  }

  public Double getF1() {
    return f1;
  }

  public void setF1(Double f1) {
    this.f1 = f1;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Thresholds that = (Thresholds) o;
    return Objects.equals(precision, that.precision)
        && Objects.equals(recall, that.recall)
        && Objects.equals(f1, that.f1);
  }

  @Override
  public int hashCode() {
    return Objects.hash(precision, recall, f1);
  }

  @Override
  public String toString() {
    return "Thresholds{precision=" + precision
        + ", recall=" + recall
        + ", f1=" + f1
        + "}";
  }
}
