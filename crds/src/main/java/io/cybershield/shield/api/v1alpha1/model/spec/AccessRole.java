package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.List;
import java.util.Objects;

/** Who holds a role and which APIs the role may call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "apis", "subjects" })
@SchemaCustomizer(value = ListTypes.class, input = "apis=set")
public class AccessRole {

  @Required
  @JsonPropertyDescription("The role: analyst, responder, awareness or admin.")
  private Role name;

  @Required
  @Size(min = 1, max = 5)
  @JsonPropertyDescription("APIs of the gateway the role may call: generate, chat, triage, awareness, incidents.")
  private List<Api> apis;

  @Required
  @Size(min = 1, max = 64)
  @JsonPropertyDescription("Users, groups and service accounts that hold the role.")
  private List<Subject> subjects;

  public Role getName() {
    return name;
  }

  public void setName(Role name) {
    this.name = name;
  }

  public List<Api> getApis() {
    return apis;
  }

  public void setApis(List<Api> apis) {
    this.apis = apis;
  }

  public List<Subject> getSubjects() {
    return subjects;
  }

  public void setSubjects(List<Subject> subjects) {
    this.subjects = subjects;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AccessRole that = (AccessRole) o;
    return Objects.equals(name, that.name)
        && Objects.equals(apis, that.apis)
        && Objects.equals(subjects, that.subjects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, apis, subjects);
  }

  @Override
  public String toString() {
    return "AccessRole{name=" + name
        + ", apis=" + apis
        + ", subjects=" + subjects
        + "}";
  }
}
