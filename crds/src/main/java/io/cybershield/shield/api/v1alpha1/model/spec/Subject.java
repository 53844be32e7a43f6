package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

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
public class Subject {

  @Required
  @JsonPropertyDescription("Kind of subject: User, Group or ServiceAccount.")
  private SubjectKind kind;

  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Name of the user, group or service account, as the authenticator reports it.")
  private String name;

  @Size(max = 63)
  @Pattern(ApiValidation.DNS_LABEL)
  @JsonPropertyDescription("Namespace of a ServiceAccount; defaults to the ShieldModel's namespace.")
  private String namespace;

  public Subject() {
  }

  public Subject(SubjectKind kind, String name, String namespace) {
    this.kind = kind;
    this.name = name;
    this.namespace = namespace;
  }

  public SubjectKind getKind() {
    return kind;
  }

  public void setKind(SubjectKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Subject that = (Subject) o;
    return Objects.equals(kind, that.kind)
        && Objects.equals(name, that.name)
        && Objects.equals(namespace, that.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, namespace);
  }

  @Override
  public String toString() {
    return "Subject{kind=" + kind
        + ", name=" + name
        + ", namespace=" + namespace
        + "}";
  }
}
