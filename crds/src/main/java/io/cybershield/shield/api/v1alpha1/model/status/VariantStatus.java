package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;

import java.util.List;
import java.util.Objects;

/** Observed state of one variant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "service", "pools" })
@SchemaCustomizer(value = ListTypes.class, input = "pools=map(pool)")
public class VariantStatus {

  @Required
  @JsonPropertyDescription("Name of the variant.")
  private String name;

  @JsonPropertyDescription("Name of the variant's Service.")
  private String service;

  @JsonPropertyDescription("Desired and ready replicas per pool.")
  private List<PoolStatus> pools;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public List<PoolStatus> getPools() {
    return pools;
  }

  public void setPools(List<PoolStatus> pools) {
    this.pools = pools;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    VariantStatus that = (VariantStatus) o;
    return Objects.equals(name, that.name)
        && Objects.equals(service, that.service)
        && Objects.equals(pools, that.pools);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, service, pools);
  }

  @Override
  public String toString() {
    return "VariantStatus{name=" + name
        + ", service=" + service
        + ", pools=" + pools
        + "}";
  }
}
