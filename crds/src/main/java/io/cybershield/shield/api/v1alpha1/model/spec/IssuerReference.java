package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A cert-manager issuer that signs the gateway's certificate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "kind", "group" })
public record IssuerReference(
    @Required
    @Size(min = 1, max = 253)
    @Pattern(ApiValidation.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the issuer.")
    String name,

    @Default("Issuer")
    @JsonPropertyDescription("Issuer (in the model's namespace) or ClusterIssuer. Defaults to Issuer.")
    IssuerKind kind,

    @Default("cert-manager.io")
    @Size(max = 253)
    @JsonPropertyDescription("API group of the issuer. Defaults to cert-manager.io.")
    String group) {
}
