package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.cybershield.shield.api.v1alpha1.common.LocalReference;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;

/** Where the model weights come from and which version they are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "uri", "version", "baseModel", "retrainRef" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record ModelSource(
    @Required
    @Size(max = ApiValidation.MAX_URI_LENGTH)
    @ValidationRule(value = ApiValidation.STORAGE_URI_RULE, message = ApiValidation.STORAGE_URI_MESSAGE)
    @JsonPropertyDescription("Location of the model weights: s3://<bucket>/<key>, pvc://<claim>/<path> (a "
        + "PersistentVolumeClaim in the model's namespace), hf://<organisation>/<model> (Hugging Face Hub) or "
        + "oci://<reference> (an OCI artifact).")
    String uri,

    @Required
    @Size(min = 1, max = 63)
    @Pattern(ApiValidation.VERSION)
    @JsonPropertyDescription("Version of the weights at uri, for example v7. Reported as status.servedVersion until a "
        + "ShieldRetrain named in retrainRef promotes a newer one.")
    String version,

    @Size(max = 256)
    @JsonPropertyDescription("The model these weights derive from, for information only, for example "
        + "EleutherAI/gpt-neox-20b.")
    String baseModel,

    @JsonPropertyDescription("A ShieldRetrain in the same namespace whose promoted versions this model serves. The "
        + "model serves status.promotedVersion of that ShieldRetrain once there is one, and version before that. "
        + "Promotion never rewrites this spec.")
    LocalReference retrainRef) {
}
