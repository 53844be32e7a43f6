package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The certificate the gateway serves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "secretName", "issuerRef", "upstream" })
@ValidationRule(value = "has(self.secretName) || has(self.issuerRef)",
    message = "tls needs a secretName, an issuerRef, or both")
@ValidationRule(value = "!has(self.upstream) || has(self.upstream.secretName) || has(self.issuerRef)",
    message = "tls.upstream needs a secretName unless tls.issuerRef is set")
public record TlsSpec(
    @Size(min = 1, max = 253)
    @Pattern(ApiValidation.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Secret of type kubernetes.io/tls in the model's namespace holding the gateway's "
        + "certificate and key. With issuerRef, the Secret cert-manager writes to (default <model>-gateway-tls).")
    String secretName,

    @JsonPropertyDescription("A cert-manager issuer; the operator then requests the certificate through a "
        + "cert-manager Certificate.")
    IssuerReference issuerRef,

    @JsonPropertyDescription("Encrypts the hop from the gateway to the DJL Serving pods too: they serve HTTPS and "
        + "the gateway verifies them. Without it, that hop is plaintext inside the cluster.")
    UpstreamTls upstream) {

  /** The gateway's certificate only. */
  public TlsSpec(String secretName, IssuerReference issuerRef) {
    this(secretName, issuerRef, null);
  }
}
