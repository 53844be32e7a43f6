package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** A cert-manager issuer that signs the gateway's certificate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "kind", "group" })
public class IssuerReference {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(ApiValidation.DNS_SUBDOMAIN)
  @JsonPropertyDescription("Name of the issuer.")
  private String name;

  @Default("Issuer")
  @JsonPropertyDescription("Issuer (in the model's namespace) or ClusterIssuer. Defaults to Issuer.")
  private IssuerKind kind;

  @Default("cert-manager.io")
  @Size(max = 253)
  @JsonPropertyDescription("API group of the issuer. Defaults to cert-manager.io.")
  private String group;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public IssuerKind getKind() {
    return kind;
  }

  public void setKind(IssuerKind kind) {
    this.kind = kind;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    IssuerReference that = (IssuerReference) o;
    return Objects.equals(name, that.name)
        && Objects.equals(kind, that.kind)
        && Objects.equals(group, that.group);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, group);
  }

  @Override
  public String toString() {
    return "IssuerReference{name=" + name
        + ", kind=" + kind
        + ", group=" + group
        + "}";
  }
}
