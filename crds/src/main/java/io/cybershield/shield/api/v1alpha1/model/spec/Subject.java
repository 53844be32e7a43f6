package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A user, group or service account, as authenticated by the gateway (TokenReview or OIDC).
 * <p>
 * CEL sees the property {@code namespace}, a CEL reserved word, as {@code __namespace__}, as the API server escapes
 * it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "kind", "name", "namespace" })
@ValidationRule(value = "self.kind == 'ServiceAccount' || !has(self.__namespace__)",
    message = "namespace may only be set for subjects of kind ServiceAccount")
public record Subject(
    @Required
    @JsonPropertyDescription("Kind of subject: User, Group or ServiceAccount.")
    SubjectKind kind,

    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Name of the user, group or service account, as the authenticator reports it.")
    String name,

    @Size(max = 63)
    @Pattern(ApiValidation.DNS_LABEL)
    @JsonPropertyDescription("Namespace of a ServiceAccount; defaults to the ShieldModel's namespace.")
    String namespace) {
}
