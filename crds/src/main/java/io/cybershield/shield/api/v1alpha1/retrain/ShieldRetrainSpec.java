package io.cybershield.shield.api.v1alpha1.retrain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
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

import java.util.Objects;

/** The desired state of a ShieldRetrain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "modelRef", "schedule", "timeZone", "suspend", "trainer", "validation", "promotion",
    "historyLimit" })
public class ShieldRetrainSpec {

  @Required
  @JsonPropertyDescription("The ShieldModel, in the same namespace, whose weights are fine-tuned. It serves the "
      + "promoted versions when its spec.model.retrainRef names this ShieldRetrain.")
  private LocalReference modelRef;

  @Required
  @Size(min = 1, max = 128)
  @ValidationRule(value = ApiValidation.CRON_RULE,
      message = "schedule must be a cron expression with five fields (minute hour day-of-month month day-of-week) "
          + "or one of @yearly, @monthly, @weekly, @daily, @hourly")
  @JsonPropertyDescription("When runs start, in cron format (minute hour day-of-month month day-of-week), for "
      + "example \"0 2 1 1,7 *\" for 02:00 on 1 January and 1 July, or @monthly. A run never starts while "
      + "another is in progress.")
  private String schedule;

  @Size(max = 64)
  @Pattern(ApiValidation.TIME_ZONE)
  @JsonPropertyDescription("IANA time zone the schedule is read in, for example Europe/Berlin. Defaults to the "
      + "operator's time zone (UTC).")
  private String timeZone;

  @Default("false")
  @JsonPropertyDescription("Stops new runs from starting; a run in progress finishes. Manual triggers are "
      + "ignored too.")
  private Boolean suspend;

  @Required
  @JsonPropertyDescription("The training Job: image, command, GPUs, placement, hyperparameters and datasets.")
  private TrainerSpec trainer;

  @Required
  @JsonPropertyDescription("The validation Job and the quality gate a new version must pass.")
  private ValidationSpec validation;

  @Default("{}")
  @JsonPropertyDescription("How a version that passed validation is promoted, and how many are kept for rollback.")
  private PromotionSpec promotion;

  @Default("5")
  @Min(1)
  @Max(50)
  @JsonPropertyDescription("How many finished runs status.history keeps (their Jobs are deleted with them). "
      + "Defaults to 5.")
  private Integer historyLimit;

  public LocalReference getModelRef() {
    return modelRef;
  }

  public void setModelRef(LocalReference modelRef) {
    this.modelRef = modelRef;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public TrainerSpec getTrainer() {
    return trainer;
  }

  public void setTrainer(TrainerSpec trainer) {
    this.trainer = trainer;
  }

  public ValidationSpec getValidation() {
    return validation;
  }

  public void setValidation(ValidationSpec validation) {
    this.validation = validation;
  }

  public PromotionSpec getPromotion() {
    return promotion;
  }

  public void setPromotion(PromotionSpec promotion) {
    this.promotion = promotion;
  }

  public Integer getHistoryLimit() {
    return historyLimit;
  }

  public void setHistoryLimit(Integer historyLimit) {
    this.historyLimit = historyLimit;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ShieldRetrainSpec that = (ShieldRetrainSpec) o;
    return Objects.equals(modelRef, that.modelRef)
        && Objects.equals(schedule, that.schedule)
        && Objects.equals(timeZone, that.timeZone)
        && Objects.equals(suspend, that.suspend)
        && Objects.equals(trainer, that.trainer)
        && Objects.equals(validation, that.validation)
        && Objects.equals(promotion, that.promotion)
        && Objects.equals(historyLimit, that.historyLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelRef, schedule, timeZone, suspend, trainer, validation, promotion, historyLimit);
  }

  @Override
  public String toString() {
    return "ShieldRetrainSpec{modelRef=" + modelRef
        + ", schedule=" + schedule
        + ", timeZone=" + timeZone
        + ", suspend=" + suspend
        + ", trainer=" + trainer
        + ", validation=" + validation
        + ", promotion=" + promotion
        + ", historyLimit=" + historyLimit
        + "}";
  }
}
