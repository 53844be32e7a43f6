package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An OpenID Connect provider, read the way the kube-apiserver's {@code --oidc-*} flags read one: the token's issuer
 * and audience are checked, its user and groups come from claims, and the prefixes keep those names apart from
 * Kubernetes users and groups (a subject in {@code spec.access} names them with the prefix).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "issuerUrl", "audience", "usernameClaim", "usernamePrefix", "groupsClaim", "groupsPrefix" })
public record OidcAuthentication(
    @Required
    @Size(min = 9, max = 2048)
    @Pattern("^https://[^\\s?#]+$")
    @JsonPropertyDescription("The provider's issuer URL (https, without query or fragment); its discovery document "
        + "is read from <issuerUrl>/.well-known/openid-configuration.")
    String issuerUrl,

    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("The audience a token must be issued for (usually the client id).")
    String audience,

    @Default("sub")
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("The claim holding the user's name. Defaults to sub.")
    String usernameClaim,

    @Default("\"oidc:\"")
    @Size(max = 253)
    @JsonPropertyDescription("Prefix of user names from this provider. Defaults to oidc:, so the user alice is "
        + "oidc:alice in spec.access.")
    String usernamePrefix,

    @Default("groups")
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("The claim holding the user's groups (a list of strings). Defaults to groups.")
    String groupsClaim,

    @Default("\"oidc:\"")
    @Size(max = 253)
    @JsonPropertyDescription("Prefix of group names from this provider. Defaults to oidc:.")
    String groupsPrefix) {
}
