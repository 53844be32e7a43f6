package io.cybershield.shield.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.cybershield.shield.api.v1alpha1.model.spec.Access;
import io.cybershield.shield.api.v1alpha1.model.spec.Autoscaling;
import io.cybershield.shield.api.v1alpha1.model.spec.ModelSource;
import io.cybershield.shield.api.v1alpha1.model.spec.Placement;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpec;
import io.cybershield.shield.api.v1alpha1.model.spec.TlsSpec;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** The desired state of a ShieldModel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "model", "runtime", "variants", "placement", "dataClassification", "autoscaling", "access",
    "tls" })
@SchemaCustomizer(value = ListTypes.class, input = "variants=map(name)")
@ValidationRule(value = "self.dataClassification != 'restricted' || !has(self.placement.privateCloud)"
    + " || self.placement.privateCloud.maxReplicas == 0",
    message = "restricted data may not be placed in the private cloud: set placement.privateCloud.maxReplicas to 0 "
        + "or remove placement.privateCloud")
@ValidationRule(value = "!has(self.autoscaling) || !has(self.autoscaling.incidentSurge)"
    + " || !has(self.autoscaling.incidentSurge.floors)"
    + " || [has(self.autoscaling.incidentSurge.floors.critical) ? self.autoscaling.incidentSurge.floors.critical : 0,"
    + " has(self.autoscaling.incidentSurge.floors.high) ? self.autoscaling.incidentSurge.floors.high : 0,"
    + " has(self.autoscaling.incidentSurge.floors.medium) ? self.autoscaling.incidentSurge.floors.medium : 0,"
    + " has(self.autoscaling.incidentSurge.floors.low) ? self.autoscaling.incidentSurge.floors.low : 0]"
    + ".all(floor, floor <= (has(self.placement.privateCloud) ? self.placement.privateCloud.maxReplicas : 0))",
    message = "every incident surge floor must be at most placement.privateCloud.maxReplicas",
    fieldPath = ".autoscaling.incidentSurge.floors")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record ShieldModelSpec(
    @Required
    @JsonPropertyDescription("The model weights: where they are, their version, and optionally the ShieldRetrain "
        + "whose promoted versions to serve.")
    ModelSource model,

    @Default("{}")
    @JsonPropertyDescription("DJL Serving settings shared by all variants; the defaults (the LMI image, "
        + "tensor-parallel degree 1) apply when omitted.")
    RuntimeSpec runtime,

    @Required
    @Size(min = 1, max = MAX_VARIANTS)
    @ValidationRule(value = "self.all(v, v.priorities.all(p, self.exists_one(w, p in w.priorities)))",
        message = "each request priority may be served by at most one variant")
    @JsonPropertyDescription("Ways of serving the model, each for its own request priorities, at least one. Names "
        + "are unique; every variant is served in both pools.")
    List<Variant> variants,

    @Required
    @JsonPropertyDescription("How many replicas of every variant run on premises and in the private cloud, and on "
        + "which nodes.")
    Placement placement,

    @Required
    @JsonPropertyDescription("Sensitivity of the data the model handles: restricted, confidential, internal or "
        + "public. A restricted model may not have private-cloud replicas.")
    DataClassification dataClassification,

    @JsonPropertyDescription("Load-based scaling of the private-cloud pool and the surge while incidents are "
        + "active.")
    Autoscaling autoscaling,

    @JsonPropertyDescription("Who may call the model through its gateway, per role, and which APIs each role may "
        + "use.")
    Access access,

    @JsonPropertyDescription("The gateway's TLS certificate. Without it the gateway serves plain HTTP, which is only "
        + "acceptable behind a mesh that encrypts in-cluster traffic.")
    TlsSpec tls) {

  /** Most variants a model may have. */
  public static final int MAX_VARIANTS = 8;
}
