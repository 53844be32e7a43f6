package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * The certificate the model-server pods serve HTTPS with, and the gateway verifies them by.
 *
 * @param secretName a Secret of type kubernetes.io/tls with {@code ca.crt}; with the TLS spec's issuerRef, the
 *                   Secret cert-manager writes to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "secretName" })
public record UpstreamTls(
    @Size(min = 1, max = 253)
    @Pattern(ApiValidation.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Secret of type kubernetes.io/tls in the model's namespace with the model servers' "
        + "certificate, key and ca.crt (the CA the gateway trusts for them), issued for the variants' Service names. "
        + "With the TLS spec's issuerRef, the Secret cert-manager writes to (default <model>-model-server-tls); "
        + "without an issuerRef it is required.")
    String secretName) {
}
