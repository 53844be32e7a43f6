package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** Who may call the model, per role. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "roles", "oidc", "siemWebhook" })
@SchemaCustomizer(value = ListTypes.class, input = "roles=map(name)")
public record Access(
    @Size(max = 4)
    @JsonPropertyDescription("Roles and their holders, at most one entry per role. A caller that holds no role is "
        + "refused; with no roles at all, nobody can call the model.")
    List<AccessRole> roles,

    @JsonPropertyDescription("An OpenID Connect provider whose bearer tokens the gateway accepts too, beside "
        + "Kubernetes tokens (checked with a TokenReview).")
    OidcAuthentication oidc,

    @JsonPropertyDescription("A shared secret from a Secret with which a SIEM that cannot send a bearer token (such "
        + "as Splunk's webhook alert action) may post alerts to /v1/siem/alerts: signed with HMAC-SHA256, or with the "
        + "secret in the path. Such a caller may raise and resolve incidents and nothing else.")
    SiemWebhook siemWebhook) {

  /** Roles, Kubernetes tokens only. */
  public Access(List<AccessRole> roles) {
    this(roles, null, null);
  }

  /** Roles and an OIDC provider, no SIEM webhook secret. */
  public Access(List<AccessRole> roles, OidcAuthentication oidc) {
    this(roles, oidc, null);
  }
}
