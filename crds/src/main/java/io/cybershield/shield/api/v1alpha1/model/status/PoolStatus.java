package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.generator.annotation.Required;

/** Replicas of one variant in one pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "pool", "deployment", "desiredReplicas", "readyReplicas", "floor" })
public record PoolStatus(
    @Required
    @JsonPropertyDescription("The pool: onprem or private-cloud.")
    Pool pool,

    @JsonPropertyDescription("Name of the Deployment serving the variant in this pool; empty when the pool has no "
        + "Deployment.")
    String deployment,

    @JsonPropertyDescription("Replicas the operator (or, in the private cloud, the HorizontalPodAutoscaler) wants.")
    Integer desiredReplicas,

    @JsonPropertyDescription("Replicas that passed their readiness probe.")
    Integer readyReplicas,

    @JsonPropertyDescription("Current private-cloud replica floor: minReplicas, raised while an incident surge or its "
        + "cooldown lasts.")
    Integer floor) {
}
