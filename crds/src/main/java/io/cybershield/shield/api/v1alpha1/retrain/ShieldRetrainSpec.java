package io.cybershield.shield.api.v1alpha1.retrain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.cybershield.shield.api.v1alpha1.common.JsonFieldAccess;
import io.cybershield.shield.api.v1alpha1.common.LocalReference;
import io.cybershield.shield.api.v1alpha1.retrain.spec.PromotionSpec;
import io.cybershield.shield.api.v1alpha1.retrain.spec.TrainerSpec;
import io.cybershield.shield.api.v1alpha1.retrain.spec.ValidationSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The desired state of a ShieldRetrain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonFieldAccess
@JsonPropertyOrder({ "modelRef", "schedule", "timeZone", "startingDeadline", "suspend", "trainer", "validation",
    "promotion", "historyLimit" })
public record ShieldRetrainSpec(
    @Required
    @JsonPropertyDescription("The ShieldModel, in the same namespace, whose weights are fine-tuned. It serves the "
        + "promoted versions when its spec.model.retrainRef names this ShieldRetrain.")
    LocalReference modelRef,

    @Required
    @Size(min = 1, max = 128)
    @ValidationRule(value = ApiValidation.CRON_RULE,
        message = "schedule must be a cron expression with five fields (minute hour day-of-month month day-of-week) "
            + "or one of @yearly, @monthly, @weekly, @daily, @hourly")
    @JsonPropertyDescription("When runs start, in cron format (minute hour day-of-month month day-of-week), for "
        + "example \"0 2 1 1,7 *\" for 02:00 on 1 January and 1 July, or @monthly. A run never starts while "
        + "another is in progress.")
    String schedule,

    @Size(max = 64)
    @Pattern(ApiValidation.TIME_ZONE)
    @JsonPropertyDescription("IANA time zone the schedule is read in, for example Europe/Berlin. Defaults to the "
        + "operator's time zone (UTC).")
    String timeZone,

    @Size(max = 32)
    @Pattern(ApiValidation.DURATION)
    @JsonPropertyDescription("How late a scheduled run may still start, as a Go duration such as 6h, like a CronJob's "
        + "startingDeadlineSeconds: a schedule missed by more (the operator was down, or a run was in progress) is "
        + "skipped and reported in an Event. Without it a missed schedule always starts one catch-up run; never more "
        + "than one, however many were missed.")
    String startingDeadline,

    @Default("false")
    @JsonPropertyDescription("Stops new runs from starting; a run in progress finishes. Manual triggers are "
        + "ignored too.")
    Boolean suspend,

    @Required
    @JsonPropertyDescription("The training Job: image, command, GPUs, placement, hyperparameters and datasets.")
    TrainerSpec trainer,

    @Required
    @JsonPropertyDescription("The validation Job and the quality gate a new version must pass.")
    ValidationSpec validation,

    @Default("{}")
    @JsonPropertyDescription("How a version that passed validation is promoted, and how many are kept for rollback.")
    PromotionSpec promotion,

    @Default("5")
    @Min(1)
    @Max(50)
    @JsonPropertyDescription("How many finished runs status.history keeps (their Jobs are deleted with them). "
        + "Defaults to 5.")
    Integer historyLimit) {
}
