package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;

/** The load signal of the private-cloud HorizontalPodAutoscaler and the value it keeps per pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "metric", "averageValue" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record AutoscalingTarget(
    @Default("inflight-requests")
    @JsonPropertyDescription("Per-pod metric: inflight-requests (requests being served), queued-requests (requests "
        + "waiting in the gateway) or gpu-utilization (percent). Defaults to inflight-requests.")
    LoadMetric metric,

    @Required
    @Min(1)
    @Max(10000)
    @JsonPropertyDescription("Average value per pod the HorizontalPodAutoscaler (autoscaling/v2) scales to.")
    Integer averageValue) {
}
