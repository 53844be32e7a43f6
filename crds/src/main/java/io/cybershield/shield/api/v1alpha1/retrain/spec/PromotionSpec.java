package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How validated versions are promoted and rolled back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "policy", "keepVersions", "rolloutDeadline" })
public record PromotionSpec(
    @Default("automatic")
    @JsonPropertyDescription("automatic promotes a version as soon as it passes validation; manual waits until the "
        + "ShieldRetrain is annotated shield.cybershield.io/approve=<version>. Defaults to automatic.")
    PromotionPolicy policy,

    @Default("3")
    @Min(1)
    @Max(20)
    @JsonPropertyDescription("How many previously promoted versions are kept (weights and status) for rollback. "
        + "Defaults to 3.")
    Integer keepVersions,

    @Default("30m")
    @Size(max = 32)
    @Pattern(ApiValidation.DURATION)
    @JsonPropertyDescription("How long the rollout of a promoted version may take to become available before the "
        + "operator rolls back to the previous promoted version, as a Go duration. Defaults to 30m.")
    String rolloutDeadline) {
}
