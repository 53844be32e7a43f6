package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** A reference to another Shield resource in the same namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalReference {

  @Required
  @Size(min = 1, max = 63)
  @Pattern(ApiValidation.DNS_LABEL)
  @JsonPropertyDescription("Name of the referenced resource, in the same namespace.")
  private String name;

  public LocalReference() {
  }

  public LocalReference(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    LocalReference that = (LocalReference) o;
    return Objects.equals(name, that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return "LocalReference{name=" + name
        + "}";
  }
}
