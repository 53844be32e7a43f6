package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Where an incident was raised. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "system", "alertId", "url" })
public record IncidentSource(
    @Required
    @Size(min = 1, max = 63)
    @JsonPropertyDescription("Name of the SIEM or tool that raised the incident, for example splunk or elastic.")
    String system,

    @Size(max = 256)
    @JsonPropertyDescription("Identifier of the alert in that system.")
    String alertId,

    @Size(max = 2048)
    @Pattern("^https?://[^ ]+$")
    @JsonPropertyDescription("Link to the alert (http or https).")
    String url) {
}
