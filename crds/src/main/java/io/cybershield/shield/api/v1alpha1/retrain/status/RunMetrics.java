package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/** Metrics the validation Job reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "precision", "recall", "f1", "attackSuccessRate" })
public class RunMetrics {

  @JsonPropertyDescription("Precision on the held-out dataset.")
  private Double precision;

  @JsonPropertyDescription("Recall on the held-out dataset.")
  private Double recall;

  @JsonPropertyDescription("F1 score on the held-out dataset.")
  private Double f1;

  @JsonPropertyDescription("Share of red-team attacks that succeeded.")
  private Double attackSuccessRate;

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

  public Double getAttackSuccessRate() {
    return attackSuccessRate;
  }

  public void setAttackSuccessRate(Double attackSuccessRate) {
    this.attackSuccessRate = attackSuccessRate;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RunMetrics that = (RunMetrics) o;
    return Objects.equals(precision, that.precision)
        && Objects.equals(recall, that.recall)
        && Objects.equals(f1, that.f1)
        && Objects.equals(attackSuccessRate, that.attackSuccessRate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(precision, recall, f1, attackSuccessRate);
  }

  @Override
  public String toString() {
    return "RunMetrics{precision=" + precision
        + ", recall=" + recall
        + ", f1=" + f1
        + ", attackSuccessRate=" + attackSuccessRate
        + "}";
  }
}
