package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** The held-out dataset a new version is evaluated on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "uri", "classification" })
public class EvaluationDataset {

  @Required
  @Size(max = ApiValidation.MAX_URI_LENGTH)
  @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
  @JsonPropertyDescription("Location of the held-out dataset: s3://, pvc://<claim>/<path>, hf:// or oci://. It "
      + "must not overlap the training datasets.")
  private String uri;

  @JsonPropertyDescription("Sensitivity of the dataset: restricted, confidential, internal or public.")
  private DataClassification classification;

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public DataClassification getClassification() {
    return classification;
  }

  public void setClassification(DataClassification classification) {
    this.classification = classification;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    EvaluationDataset that = (EvaluationDataset) o;
    return Objects.equals(uri, that.uri)
        && Objects.equals(classification, that.classification);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, classification);
  }

  @Override
  public String toString() {
    return "EvaluationDataset{uri=" + uri
        + ", classification=" + classification
        + "}";
  }
}
