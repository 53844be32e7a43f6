package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Toleration;
import io.sundr.builder.annotations.Buildable;

import java.util.List;
import java.util.Map;

/** The on-premises pool: a fixed number of replicas per variant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "replicas", "nodeSelector", "tolerations" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record OnPremPool(
    @Default("1")
    @Min(0)
    @Max(64)
    @JsonPropertyDescription("Replicas of every variant in the on-premises pool. 0 creates no on-premises "
        + "Deployment. Defaults to 1.")
    Integer replicas,

    @Size(max = 16)
    @JsonPropertyDescription("Node labels the pods require. When omitted, the pods select nodes labelled "
        + "shield.cybershield.io/pool with the pool's name (onprem or private-cloud).")
    Map<String, @Size(max = 63) String> nodeSelector,

    @Size(max = 16)
    @JsonPropertyDescription("Tolerations added to the pods, for example for GPU node taints.")
    List<Toleration> tolerations) implements PoolScheduling {
}
