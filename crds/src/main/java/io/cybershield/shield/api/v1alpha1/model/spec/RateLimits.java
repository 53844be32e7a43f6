package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The rate limits of a role: what each of its callers may use, and what all of them may use together.
 *
 * @param perPrincipal the budget of each caller (a user or service account) holding the role
 * @param perRole      the budget shared by every caller holding the role
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "perPrincipal", "perRole" })
@ValidationRule(value = "has(self.perPrincipal) || has(self.perRole)",
    message = "rateLimits needs perPrincipal, perRole, or both")
public record RateLimits(
    @JsonPropertyDescription("What each caller holding the role may use.")
    RateLimit perPrincipal,

    @JsonPropertyDescription("What all callers holding the role may use together.")
    RateLimit perRole) {
}
