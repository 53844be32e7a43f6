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
@JsonPropertyOrder({ "roles", "oidc" })
@SchemaCustomizer(value = ListTypes.class, input = "roles=map(name)")
public record Access(
    @Size(max = 4)
    @JsonPropertyDescription("Roles and their holders, at most one entry per role. A caller that holds no role is "
        + "refused; with no roles at all, nobody can call the model.")
    List<AccessRole> roles,

    @JsonPropertyDescription("An OpenID Connect provider whose bearer tokens the gateway accepts too, beside "
        + "Kubernetes tokens (checked with a TokenReview).")
    OidcAuthentication oidc) {

  /** Roles, Kubernetes tokens only. */
  public Access(List<AccessRole> roles) {
    this(roles, null);
  }
}
