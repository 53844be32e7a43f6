package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** Where an incident was raised. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "system", "alertId", "url" })
public class IncidentSource {

  @Required
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Name of the SIEM or tool that raised the incident, for example splunk or elastic.")
  private String system;

  @Size(max = 256)
  @JsonPropertyDescription("Identifier of the alert in that system.")
  private String alertId;

  @Size(max = 2048)
  @Pattern("^https?://[^ ]+$")
  @JsonPropertyDescription("Link to the alert (http or https).")
  private String url;

  public String getSystem() {
    return system;
  }

  public void setSystem(String system) {
    this.system = system;
  }

  public String getAlertId() {
    return alertId;
  }

  public void setAlertId(String alertId) {
    this.alertId = alertId;
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
    IncidentSource that = (IncidentSource) o;
    return Objects.equals(system, that.system)
        && Objects.equals(alertId, that.alertId)
        && Objects.equals(url, that.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(system, alertId, url);
  }

  @Override
  public String toString() {
    return "IncidentSource{system=" + system
        + ", alertId=" + alertId
        + ", url=" + url
        + "}";
  }
}
