package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;

/** How far the private-cloud pool surges while incidents are active. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "floors", "cooldown", "maxGpus" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record IncidentSurge(
    @JsonPropertyDescription("Private-cloud replica floor (per variant) per incident severity; the highest floor of "
        + "all active incidents selecting the model wins. Each floor is at most placement.privateCloud.maxReplicas.")
    SurgeFloors floors,

    @Default("15m")
    @Size(max = 32)
    @Pattern(ApiValidation.DURATION)
    @JsonPropertyDescription("How long the floor stays raised after the last incident is resolved or expires, as a "
        + "Go duration such as 15m or 1h30m. Defaults to 15m.")
    String cooldown,

    @Min(0)
    @Max(4096)
    @JsonPropertyDescription("GPU budget of a surge: the private-cloud pool of this model never holds more GPUs than "
        + "this because of incidents; floors are lowered to fit and the shortfall is reported. Unlimited when omitted.")
    Integer maxGpus) {
}
