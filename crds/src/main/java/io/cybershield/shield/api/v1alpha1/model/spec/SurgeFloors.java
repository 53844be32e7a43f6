package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.sundr.builder.annotations.Buildable;

/** Private-cloud replica floor per incident severity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "critical", "high", "medium", "low" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record SurgeFloors(
    @Min(0)
    @Max(256)
    @JsonPropertyDescription("Floor while a critical incident selects this model.")
    Integer critical,

    @Min(0)
    @Max(256)
    @JsonPropertyDescription("Floor while a high-severity incident selects this model.")
    Integer high,

    @Min(0)
    @Max(256)
    @JsonPropertyDescription("Floor while a medium-severity incident selects this model.")
    Integer medium,

    @Min(0)
    @Max(256)
    @JsonPropertyDescription("Floor while a low-severity incident selects this model.")
    Integer low) {
}
