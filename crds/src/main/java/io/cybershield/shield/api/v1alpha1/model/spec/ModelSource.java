package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.LocalReference;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** Where the model weights come from and which version they are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "uri", "version", "baseModel", "retrainRef" })
public class ModelSource {

  @Required
  @Size(max = ApiValidation.MAX_URI_LENGTH)
  @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
  @JsonPropertyDescription("Location of the model weights: s3://<bucket>/<key>, pvc://<claim>/<path> (a "
      + "PersistentVolumeClaim in the model's namespace), hf://<organisation>/<model> (Hugging Face Hub) or "
      + "oci://<reference> (an OCI artifact).")
  private String uri;

  @Required
  @Size(min = 1, max = 63)
  @Pattern(ApiValidation.VERSION)
  @JsonPropertyDescription("Version of the weights at uri, for example v7. Reported as status.servedVersion until a "
      + "ShieldRetrain named in retrainRef promotes a newer one.")
  private String version;

  @Size(max = 256)
  @JsonPropertyDescription("The model these weights derive from, for information only, for example "
      + "EleutherAI/gpt-neox-20b.")
  private String baseModel;

  @JsonPropertyDescription("A ShieldRetrain in the same namespace whose promoted versions this model serves. The "
      + "model serves status.promotedVersion of that ShieldRetrain once there is one, and version before that. "
      + "Promotion never rewrites this spec.")
  private LocalReference retrainRef;

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getBaseModel() {
    return baseModel;
  }

  public void setBaseModel(String baseModel) {
    this.baseModel = baseModel;
  }

  public LocalReference getRetrainRef() {
    return retrainRef;
  }

  public void setRetrainRef(LocalReference retrainRef) {
    this.retrainRef = retrainRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ModelSource that = (ModelSource) o;
    return Objects.equals(uri, that.uri)
        && Objects.equals(version, that.version)
        && Objects.equals(baseModel, that.baseModel)
        && Objects.equals(retrainRef, that.retrainRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, version, baseModel, retrainRef);
  }

  @Override
  public String toString() {
    return "ModelSource{uri=" + uri
        + ", version=" + version
        + ", baseModel=" + baseModel
        + ", retrainRef=" + retrainRef
        + "}";
  }
}
