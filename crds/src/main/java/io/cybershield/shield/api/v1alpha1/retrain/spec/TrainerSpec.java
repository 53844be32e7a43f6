package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The training Job of a run: fine-tunes the model on the datasets and writes the new version's weights. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "image", "command", "args", "env", "gpu", "resources", "timeout", "placement", "hyperparameters",
    "datasets", "outputUri" })
@SchemaCustomizer(value = ListTypes.class, input = "datasets=map(name)")
@ValidationRule(value = "!has(self.placement) || self.placement.pool != 'private-cloud'"
    + " || !self.datasets.exists(d, d.classification == 'restricted')",
    message = "restricted datasets may only be trained on premises: set placement.pool to onprem")
public class TrainerSpec extends JobSpec {

  @Default("{}")
  @JsonPropertyDescription("Where the training and validation Jobs run; on premises by default.")
  private TrainerPlacement placement;

  @Size(max = 64)
  @JsonPropertyDescription("Hyperparameters passed to the trainer as a JSON object in SHIELD_HYPERPARAMETERS, for "
      + "example learningRate: \"2e-5\", epochs: \"3\", batchSize: \"16\", loraRank: \"16\".")
  private Map<String, @Size(max = 256) String> hyperparameters;

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("Training datasets, each with a unique name and a data classification; passed to the "
      + "trainer in SHIELD_DATASETS.")
  private List<Dataset> datasets;

  @Size(max = ApiValidation.MAX_URI_LENGTH)
  @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
  @JsonPropertyDescription("Where runs write new weights; each run writes <outputUri>/<version> (SHIELD_OUTPUT_URI). "
      + "Defaults to the ShieldModel's spec.model.uri.")
  private String outputUri;

  public TrainerPlacement getPlacement() {
    return placement;
  }

  public void setPlacement(TrainerPlacement placement) {
    this.placement = placement;
  }

  public Map<String, String> getHyperparameters() {
    return hyperparameters;
  }

  public void setHyperparameters(Map<String, String> hyperparameters) {
    this.hyperparameters = hyperparameters;
  }

  public List<Dataset> getDatasets() {
    return datasets;
  }

  public void setDatasets(List<Dataset> datasets) {
    this.datasets = datasets;
  }

  public String getOutputUri() {
    return outputUri;
  }

  public void setOutputUri(String outputUri) {
    this.outputUri = outputUri;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    TrainerSpec that = (TrainerSpec) o;
    return super.equals(o)
        && Objects.equals(placement, that.placement)
        && Objects.equals(hyperparameters, that.hyperparameters)
        && Objects.equals(datasets, that.datasets)
        && Objects.equals(outputUri, that.outputUri);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), placement, hyperparameters, datasets, outputUri);
  }

  @Override
  public String toString() {
    return "TrainerSpec{" + super.toString()
        + ", placement=" + placement
        + ", hyperparameters=" + hyperparameters
        + ", datasets=" + datasets
        + ", outputUri=" + outputUri
        + "}";
  }
}
