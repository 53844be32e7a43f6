package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/** Where the training and validation Jobs run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "pool", "nodeSelector", "tolerations" })
public record TrainerPlacement(
    @Default("onprem")
    @JsonPropertyDescription("Pool the Jobs run in: onprem (the default; training data is sensitive) or "
        + "private-cloud, which is refused when any dataset is restricted.")
    Pool pool,

    @Size(max = 16)
    @JsonPropertyDescription("Node labels the pods require. When omitted, the pods select nodes labelled "
        + "shield.cybershield.io/pool with the pool's name (onprem or private-cloud).")
    Map<String, @Size(max = 63) String> nodeSelector,

    @Size(max = 16)
    @JsonPropertyDescription("Tolerations added to the pods, for example for GPU node taints.")
    List<Toleration> tolerations) implements PoolScheduling {
}
