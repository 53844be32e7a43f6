package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What DJL answers a management change with: {@code {"status": "Model \"x\" registered."}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManagementStatus(@JsonProperty("status") String status) {
}
