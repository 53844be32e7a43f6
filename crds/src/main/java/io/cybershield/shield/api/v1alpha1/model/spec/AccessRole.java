package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** Who holds a role and which APIs the role may call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "apis", "subjects", "rateLimits" })
@SchemaCustomizer(value = ListTypes.class, input = "apis=set")
public record AccessRole(
    @Required
    @JsonPropertyDescription("The role: analyst, responder, awareness or admin.")
    Role name,

    @Required
    @Size(min = 1, max = 6)
    @JsonPropertyDescription("APIs of the gateway the role may call: generate, chat, triage, awareness, incidents, "
        + "guard.")
    List<Api> apis,

    @Required
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Users, groups and service accounts that hold the role.")
    List<Subject> subjects,

    @JsonPropertyDescription("Requests and tokens per minute the role's callers may use, each and together. "
        + "Without it, the role is not rate limited.")
    RateLimits rateLimits) {

  /** A role without rate limits. */
  public AccessRole(Role name, List<Api> apis, List<Subject> subjects) {
    this(name, apis, subjects, null);
  }
}
