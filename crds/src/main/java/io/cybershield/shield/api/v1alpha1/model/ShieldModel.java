package io.cybershield.shield.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cybershield.shield.api.crd.SchemaDescription;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A model a security team serves on its own GPUs: its weights, the variants it is served as, the pools it runs in,
 * how it scales during incidents, and who may call it.
 * <p>
 * The printer columns are listed in the order {@code kubectl get} shows them; the generated CRD keeps this order.
 */
@Group(ShieldApi.GROUP)
@Version(ShieldApi.VERSION)
@Plural("shieldmodels")
@Singular("shieldmodel")
@ShortNames("sm")
@Categories(ShieldApi.CATEGORY)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    getDescription = "Whether every variant serves the desired version.")
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.servedVersion",
    getDescription = "Version of the weights being served.")
@AdditionalPrinterColumn(name = "Classification", jsonPath = ".spec.dataClassification",
    getDescription = "Sensitivity of the data the model handles.")
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.replicas",
    getDescription = "Ready over desired replicas of all variants in all pools.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = "size(self.metadata.name) <= 39 && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    message = "the name of a ShieldModel must be a DNS-1035 label of at most 39 characters (lower-case letters, "
        + "digits and '-', starting with a letter), so that generated names such as <name>-<variant>-onprem are "
        + "valid")
@SchemaCustomizer(value = SchemaDescription.class,
    input = "A model a security team serves on its own GPUs: where its weights are, the variants it is "
        + "served as (each for its own request priorities), how many replicas run on premises and in the "
        + "private cloud, how it surges during incidents, and who may call it through its gateway.")
public class ShieldModel extends CustomResource<ShieldModelSpec, ShieldModelStatus> implements Namespaced {

  /** Longest ShieldModel name; see {@link io.cybershield.shield.api.ShieldNames}. */
  public static final int MAX_NAME_LENGTH = 39;

  @Override
  @Required
  @JsonPropertyDescription("The desired state of the model.")
  public ShieldModelSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("The observed state of the model, written by the operator.")
  public ShieldModelStatus getStatus() {
    return super.getStatus();
  }
}
