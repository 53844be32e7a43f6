package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/** Where the model's gateway answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "service", "url" })
public class GatewayStatus {

  @JsonPropertyDescription("Name of the gateway Service, <model>-gateway.")
  private String service;

  @JsonPropertyDescription("In-cluster URL of the gateway, for example https://threat-intel-gateway.soc.svc:8443.")
  private String url;

  public GatewayStatus() {
  }

  public GatewayStatus(String service, String url) {
    this.service = service;
    this.url = url;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    GatewayStatus that = (GatewayStatus) o;
    return Objects.equals(service, that.service)
        && Objects.equals(url, that.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(service, url);
  }

  @Override
  public String toString() {
    return "GatewayStatus{service=" + service
        + ", url=" + url
        + "}";
  }
}
