package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Where the model's gateway answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "service", "url" })
public record GatewayStatus(
    @JsonPropertyDescription("Name of the gateway Service, <model>-gateway.")
    String service,

    @JsonPropertyDescription("In-cluster URL of the gateway, for example https://threat-intel-gateway.soc.svc:8443.")
    String url) {
}
