package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** A training dataset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "uri", "classification" })
public class Dataset {

  @Required
  @Size(min = 1, max = 63)
  @Pattern(ApiValidation.DNS_LABEL)
  @JsonPropertyDescription("Name of the dataset, unique within the trainer; passed to the trainer in "
      + "SHIELD_DATASETS.")
  private String name;

  @Required
  @Size(max = ApiValidation.MAX_URI_LENGTH)
  @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
  @JsonPropertyDescription("Location of the dataset: s3://, pvc://<claim>/<path>, hf:// or oci://.")
  private String uri;

  @Required
  @JsonPropertyDescription("Sensitivity of the dataset: restricted, confidential, internal or public. Restricted "
      + "datasets are only trained on premises.")
  private DataClassification classification;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

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
    Dataset that = (Dataset) o;
    return Objects.equals(name, that.name)
        && Objects.equals(uri, that.uri)
        && Objects.equals(classification, that.classification);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, uri, classification);
  }

  @Override
  public String toString() {
    return "Dataset{name=" + name
        + ", uri=" + uri
        + ", classification=" + classification
        + "}";
  }
}
