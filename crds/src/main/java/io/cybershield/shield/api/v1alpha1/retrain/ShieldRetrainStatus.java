package io.cybershield.shield.api.v1alpha1.retrain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.crd.ListTypes;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ShieldStatus;
import io.cybershield.shield.api.v1alpha1.retrain.status.Release;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** The observed state of a ShieldRetrain, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "observedGeneration", "phase", "currentRun", "lastScheduleTime", "nextScheduleTime",
    "lastTrigger", "promotedVersion", "previousVersions", "releases", "history", "conditions" })
@SchemaCustomizer(value = ListTypes.class, input = "conditions=map(type)")
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record ShieldRetrainStatus(
    @JsonPropertyDescription(ShieldStatus.OBSERVED_GENERATION_DESCRIPTION)
    Long observedGeneration,

    @JsonPropertyDescription("Scheduled, Training, Validating, AwaitingApproval, Promoting, Suspended or Failed.")
    RetrainPhase phase,

    @JsonPropertyDescription("The run in progress, if any.")
    RetrainRun currentRun,

    @JsonPropertyDescription("When the last run was started (RFC 3339).")
    String lastScheduleTime,

    @JsonPropertyDescription("When the next scheduled run starts (RFC 3339); missing while suspended.")
    String nextScheduleTime,

    @Size(max = 253)
    @JsonPropertyDescription("The last value of the annotation shield.cybershield.io/trigger the operator acted on "
        + "(started a run, or ignored because a run was in progress or the ShieldRetrain is suspended).")
    String lastTrigger,

    @JsonPropertyDescription("The version a ShieldModel with spec.model.retrainRef naming this ShieldRetrain serves.")
    String promotedVersion,

    @JsonPropertyDescription("Versions promoted before promotedVersion, newest first, kept for rollback "
        + "(spec.promotion.keepVersions).")
    List<String> previousVersions,

    @JsonPropertyDescription("The weights of promotedVersion and of previousVersions, newest first: what a ShieldModel "
        + "following this ShieldRetrain serves, and what a rollback returns to.")
    List<Release> releases,

    @JsonPropertyDescription("Finished runs, newest first, with their metrics and verdicts (spec.historyLimit).")
    List<RetrainRun> history,

    @Size(max = ShieldStatus.MAX_CONDITIONS)
    @JsonPropertyDescription("Conditions, among them Ready and Promoted.")
    List<Condition> conditions) implements ShieldStatus {

  /** Condition type: the ShieldRetrain can run (model found, schedule understood, not suspended). */
  public static final String READY = "Ready";
  /** Condition type: the last finished run was promoted. */
  public static final String PROMOTED = "Promoted";
  /** Condition type: a run is in progress (training, validating, awaiting approval or rolling out). */
  public static final String RUNNING = "Running";
  /** Condition type: the GPUs of the trainer's pool can place the training Job of the pending run. */
  public static final String CAPACITY_AVAILABLE = "CapacityAvailable";
}
