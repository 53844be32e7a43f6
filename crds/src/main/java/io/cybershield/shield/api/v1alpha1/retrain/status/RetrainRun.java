package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;

import java.util.List;

/** One run: a training Job, then a validation Job, then perhaps a promotion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "number", "version", "trigger", "phase", "startTime", "completionTime", "trainingJob",
    "validationJob", "metrics", "verdicts", "message" })
@Buildable(editableEnabled = false, builderPackage = ShieldApi.BUILDER_PACKAGE)
public record RetrainRun(
    @Required
    @JsonPropertyDescription("Sequence number of the run, starting at 1; part of the Job names.")
    Long number,

    @JsonPropertyDescription("Version the run produces, for example r12.")
    String version,

    @JsonPropertyDescription("What started the run: Scheduled or Manual.")
    RunTrigger trigger,

    @JsonPropertyDescription("Training, Validating, AwaitingApproval, RollingOut, Promoted, Rejected, Failed or "
        + "RolledBack.")
    RunPhase phase,

    @JsonPropertyDescription("When the run started (RFC 3339).")
    String startTime,

    @JsonPropertyDescription("When the run ended (RFC 3339).")
    String completionTime,

    @JsonPropertyDescription("Name of the training Job.")
    String trainingJob,

    @JsonPropertyDescription("Name of the validation Job.")
    String validationJob,

    @JsonPropertyDescription("Metrics the validation Job reported.")
    RunMetrics metrics,

    @JsonPropertyDescription("Outcome of each check of the quality gate.")
    List<Verdict> verdicts,

    @JsonPropertyDescription("Why the run ended the way it did, for people.")
    String message) {
}
