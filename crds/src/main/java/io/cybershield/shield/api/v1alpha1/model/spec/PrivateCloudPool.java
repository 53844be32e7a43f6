package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Toleration;
import io.sundr.builder.annotations.Buildable;

import java.util.List;
import java.util.Map;

/** The private-cloud pool: scaled between a floor and a ceiling by load and by incidents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "minReplicas", "maxReplicas", "nodeSelector", "tolerations" })
@ValidationRule(value = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
    message = "minReplicas must be less than or equal to maxReplicas")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record PrivateCloudPool(
    @Default("0")
    @Min(0)
    @Max(256)
    @JsonPropertyDescription("Replicas of every variant the private-cloud pool never goes below. With 0 the pool is "
        + "parked at zero replicas (no HPA) until an incident raises the floor or the gateway reports queued work "
        + "beyond on-premises capacity. Defaults to 0.")
    Integer minReplicas,

    @Required
    @Min(0)
    @Max(256)
    @JsonPropertyDescription("Replicas of every variant the private-cloud pool never exceeds, incident surges "
        + "included. 0 creates no private-cloud Deployment; restricted models must use 0.")
    Integer maxReplicas,

    @Size(max = 16)
    @JsonPropertyDescription("Node labels the pods require. When omitted, the pods select nodes labelled "
        + "shield.cybershield.io/pool with the pool's name (onprem or private-cloud).")
    Map<String, @Size(max = 63) String> nodeSelector,

    @Size(max = 16)
    @JsonPropertyDescription("Tolerations added to the pods, for example for GPU node taints.")
    List<Toleration> tolerations) implements PoolScheduling {
}
