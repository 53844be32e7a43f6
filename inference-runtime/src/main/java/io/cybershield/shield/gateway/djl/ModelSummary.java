package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET /models}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSummary(
    @JsonProperty("modelName") String modelName,
    @JsonProperty("version") String version,
    @JsonProperty("modelUrl") String modelUrl,
    @JsonProperty("status") String status) {
}
