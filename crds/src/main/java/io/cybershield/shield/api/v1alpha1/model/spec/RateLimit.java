package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A budget per minute. Tokens count what a request asks the model for (its {@code maxTokens}) when it is admitted;
 * what the model did not generate is given back when the answer ends.
 *
 * @param requestsPerMinute requests per minute
 * @param tokensPerMinute   tokens (prompt and generated) per minute
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "requestsPerMinute", "tokensPerMinute" })
@ValidationRule(value = "has(self.requestsPerMinute) || has(self.tokensPerMinute)",
    message = "a rate limit needs requestsPerMinute, tokensPerMinute, or both")
public record RateLimit(
    @Min(1)
    @Max(1_000_000)
    @JsonPropertyDescription("Requests per minute; a burst may use the whole minute's budget at once.")
    Integer requestsPerMinute,

    @Min(1)
    @Max(1_000_000_000)
    @JsonPropertyDescription("Prompt and generated tokens per minute.")
    Integer tokensPerMinute) {
}
