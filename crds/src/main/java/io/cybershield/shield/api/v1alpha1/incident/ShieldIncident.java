package io.cybershield.shield.api.v1alpha1.incident;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cybershield.shield.api.crd.SchemaDescription;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A security incident that needs capacity now: while active, every ShieldModel it selects raises its private-cloud
 * replica floor to the surge for the incident's severity. Created by the SIEM (through the gateway) or with kubectl.
 */
@Group(ShieldApi.GROUP)
@Version(ShieldApi.VERSION)
@Plural("shieldincidents")
@Singular("shieldincident")
@ShortNames("si")
@Categories(ShieldApi.CATEGORY)
@AdditionalPrinterColumn(name = "Severity", jsonPath = ".spec.severity",
    getDescription = "Severity of the incident.")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    getDescription = "Active, Resolved or Expired.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@SchemaCustomizer(value = SchemaDescription.class,
    input = "A security incident that needs capacity now. While it is active, every ShieldModel it selects "
        + "raises its private-cloud replica floor to the surge for the incident's severity, within the "
        + "model's GPU budget. Resolve it with spec.resolved: true or by deleting it.")
public class ShieldIncident extends CustomResource<ShieldIncidentSpec, ShieldIncidentStatus> implements Namespaced {

  @Override
  @Required
  @JsonPropertyDescription("The incident as the SIEM or a person reports it.")
  public ShieldIncidentSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("The observed state of the incident, written by the operator.")
  public ShieldIncidentStatus getStatus() {
    return super.getStatus();
  }
}
