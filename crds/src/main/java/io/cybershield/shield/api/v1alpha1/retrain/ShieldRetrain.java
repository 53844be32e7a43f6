package io.cybershield.shield.api.v1alpha1.retrain;

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
 * Scheduled fine-tuning of a ShieldModel with a hard quality gate: each run trains, validates against thresholds,
 * and only then promotes the new version. Promotion is recorded in the status; it never rewrites the ShieldModel.
 */
@Group(ShieldApi.GROUP)
@Version(ShieldApi.VERSION)
@Plural("shieldretrains")
@Singular("shieldretrain")
@ShortNames("sr")
@Categories(ShieldApi.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    getDescription = "What the ShieldRetrain is doing.")
@AdditionalPrinterColumn(name = "Promoted", jsonPath = ".status.promotedVersion",
    getDescription = "The version served by models following this ShieldRetrain.")
@AdditionalPrinterColumn(name = "Last Outcome", jsonPath = ".status.history[0].phase",
    getDescription = "How the last finished run ended: Promoted, Rejected, Failed or RolledBack.")
// a string, not a date: kubectl prints a date column as an age, and a time to come as <invalid>
@AdditionalPrinterColumn(name = "Next Run", jsonPath = ".status.nextScheduleTime",
    getDescription = "When the next scheduled run starts (RFC 3339).")
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule", priority = 1,
    getDescription = "When runs start (cron).")
@AdditionalPrinterColumn(name = "Last Run", jsonPath = ".status.lastScheduleTime", priority = 1,
    type = AdditionalPrinterColumn.Type.DATE, getDescription = "When the last run started.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = "size(self.metadata.name) <= 40 && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    message = "the name of a ShieldRetrain must be a DNS-1035 label of at most 40 characters (lower-case letters, "
        + "digits and '-', starting with a letter), so that the Job names of its runs are valid")
@SchemaCustomizer(value = SchemaDescription.class,
    input = "Scheduled fine-tuning of a ShieldModel with a hard quality gate: each run trains, validates the "
        + "new version against thresholds, and only then promotes it. Promotion is recorded in "
        + "status.promotedVersion, which a ShieldModel with spec.model.retrainRef serves; it never "
        + "rewrites the ShieldModel.")
public class ShieldRetrain extends CustomResource<ShieldRetrainSpec, ShieldRetrainStatus> implements Namespaced {

  /** Longest ShieldRetrain name; see {@link io.cybershield.shield.api.ShieldNames}. */
  public static final int MAX_NAME_LENGTH = 40;

  @Override
  @Required
  @JsonPropertyDescription("The schedule, the training and validation Jobs, and the promotion policy.")
  public ShieldRetrainSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("The observed state of the ShieldRetrain, written by the operator.")
  public ShieldRetrainStatus getStatus() {
    return super.getStatus();
  }
}
