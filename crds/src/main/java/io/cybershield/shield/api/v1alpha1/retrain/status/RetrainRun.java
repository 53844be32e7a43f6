package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** One run: a training Job, then a validation Job, then perhaps a promotion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "number", "version", "trigger", "phase", "pool", "uri", "startTime", "completionTime",
    "promotionTime", "trainingJob", "validationJob", "metrics", "verdicts", "reason", "message" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record RetrainRun(
    @Required
    @JsonPropertyDescription("Sequence number of the run, starting at 1; part of the Job names.")
    Long number,

    @JsonPropertyDescription("Version the run produces, for example r12.")
    String version,

    @JsonPropertyDescription("What started the run: Scheduled or Manual.")
    RunTrigger trigger,

    @JsonPropertyDescription("Pending, Training, Validating, AwaitingApproval, RollingOut, Promoted, Rejected, "
        + "Failed or RolledBack.")
    RunPhase phase,

    @JsonPropertyDescription("The pool the Jobs run in: onprem or private-cloud.")
    Pool pool,

    @JsonPropertyDescription("Where the training Job wrote the new weights, as it reported them.")
    String uri,

    @JsonPropertyDescription("When the run started (RFC 3339).")
    String startTime,

    @JsonPropertyDescription("When the run ended (RFC 3339).")
    String completionTime,

    @JsonPropertyDescription("When the version was promoted, and its rollout began (RFC 3339).")
    String promotionTime,

    @JsonPropertyDescription("Name of the training Job.")
    String trainingJob,

    @JsonPropertyDescription("Name of the validation Job.")
    String validationJob,

    @JsonPropertyDescription("Metrics the validation Job reported.")
    RunMetrics metrics,

    @JsonPropertyDescription("Outcome of each check of the quality gate.")
    List<Verdict> verdicts,

    @JsonPropertyDescription("Why the run is where it is or ended the way it did, in CamelCase: for example "
        + "GatePassed, ThresholdNotMet, TrainingFailed, ResultMissing, ResultMalformed, RolloutTimedOut.")
    String reason,

    @JsonPropertyDescription("Why the run ended the way it did, for people.")
    String message) {
}
