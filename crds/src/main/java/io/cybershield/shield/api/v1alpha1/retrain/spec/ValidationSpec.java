package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/**
 * The validation Job of a run and the quality gate it must pass: the evaluator reports precision, recall, F1 and,
 * with a red-team suite, the attack success rate; a version that misses any threshold is never served.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "image", "command", "args", "env", "gpu", "resources", "timeout", "dataset", "thresholds",
    "redTeam" })
public class ValidationSpec extends JobSpec {

  @Required
  @JsonPropertyDescription("The held-out dataset the new version is evaluated on.")
  private EvaluationDataset dataset;

  @Default("{}")
  @JsonPropertyDescription("Lowest precision, recall and F1 a new version needs. Precision defaults to 0.90.")
  private Thresholds thresholds;

  @JsonPropertyDescription("An optional red-team suite and the highest attack success rate allowed.")
  private RedTeam redTeam;

  public EvaluationDataset getDataset() {
    return dataset;
  }

  public void setDataset(EvaluationDataset dataset) {
    this.dataset = dataset;
  }

  public Thresholds getThresholds() {
    return thresholds;
  }

  public void setThresholds(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public RedTeam getRedTeam() {
    return redTeam;
  }

  public void setRedTeam(RedTeam redTeam) {
    this.redTeam = redTeam;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ValidationSpec that = (ValidationSpec) o;
    return super.equals(o)
        && Objects.equals(dataset, that.dataset)
        && Objects.equals(thresholds, that.thresholds)
        && Objects.equals(redTeam, that.redTeam);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), dataset, thresholds, redTeam);
  }

  @Override
  public String toString() {
    return "ValidationSpec{" + super.toString()
        + ", dataset=" + dataset
        + ", thresholds=" + thresholds
        + ", redTeam=" + redTeam
        + "}";
  }
}
