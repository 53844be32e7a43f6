package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;

/** The two pools every variant is served in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "onPrem", "privateCloud" })
@ValidationRule(value = "(has(self.onPrem) && (!has(self.onPrem.replicas) || self.onPrem.replicas > 0))"
    + " || (has(self.privateCloud) && self.privateCloud.maxReplicas > 0)",
    message = "at least one pool must be able to run replicas: set onPrem.replicas or privateCloud.maxReplicas "
        + "above 0")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record Placement(
    @JsonPropertyDescription("The on-premises pool, the only one that receives restricted requests. Omit it (or set "
        + "replicas to 0) to serve from the private cloud only.")
    OnPremPool onPrem,

    @JsonPropertyDescription("The private-cloud pool, scaled by a HorizontalPodAutoscaler and by incident surges. "
        + "Omit it to stay on premises.")
    PrivateCloudPool privateCloud) {
}
