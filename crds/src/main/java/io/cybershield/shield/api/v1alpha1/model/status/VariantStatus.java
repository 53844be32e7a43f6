package io.cybershield.shield.api.v1alpha1.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** Observed state of one variant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "service", "pools" })
@SchemaCustomizer(value = ListTypes.class, input = "pools=map(pool)")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record VariantStatus(
    @Required
    @JsonPropertyDescription("Name of the variant.")
    String name,

    @JsonPropertyDescription("Name of the variant's Service.")
    String service,

    @JsonPropertyDescription("Desired and ready replicas per pool.")
    List<PoolStatus> pools) {
}
