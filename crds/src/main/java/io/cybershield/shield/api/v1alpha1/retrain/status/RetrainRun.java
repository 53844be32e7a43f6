package io.cybershield.shield.api.v1alpha1.retrain.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

import java.util.List;
import java.util.Objects;

/** One run: a training Job, then a validation Job, then perhaps a promotion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "number", "version", "trigger", "phase", "startTime", "completionTime", "trainingJob",
    "validationJob", "metrics", "verdicts", "message" })
public class RetrainRun {

  @Required
  @JsonPropertyDescription("Sequence number of the run, starting at 1; part of the Job names.")
  private Long number;

  @JsonPropertyDescription("Version the run produces, for example r12.")
  private String version;

  @JsonPropertyDescription("What started the run: Scheduled or Manual.")
  private RunTrigger trigger;

  @JsonPropertyDescription("Training, Validating, AwaitingApproval, RollingOut, Promoted, Rejected, Failed or "
      + "RolledBack.")
  private RunPhase phase;

  @JsonPropertyDescription("When the run started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the run ended (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Name of the training Job.")
  private String trainingJob;

  @JsonPropertyDescription("Name of the validation Job.")
  private String validationJob;

  @JsonPropertyDescription("Metrics the validation Job reported.")
  private RunMetrics metrics;

  @JsonPropertyDescription("Outcome of each check of the quality gate.")
  private List<Verdict> verdicts;

  @JsonPropertyDescription("Why the run ended the way it did, for people.")
  private String message;

  public Long getNumber() {
    return number;
  }

  public void setNumber(Long number) {
    this.number = number;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public RunTrigger getTrigger() {
    return trigger;
  }

  public void setTrigger(RunTrigger trigger) {
    this.trigger = trigger;
  }

  public RunPhase getPhase() {
    return phase;
  }

  public void setPhase(RunPhase phase) {
    this.phase = phase;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getTrainingJob() {
    return trainingJob;
  }

  public void setTrainingJob(String trainingJob) {
    this.trainingJob = trainingJob;
  }

  public String getValidationJob() {
    return validationJob;
  }

  public void setValidationJob(String validationJob) {
    this.validationJob = validationJob;
  }

  public RunMetrics getMetrics() {
    return metrics;
  }

  public void setMetrics(RunMetrics metrics) {
    this.metrics = metrics;
  }

  public List<Verdict> getVerdicts() {
    return verdicts;
  }

  public void setVerdicts(List<Verdict> verdicts) {
    this.verdicts = verdicts;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RetrainRun that = (RetrainRun) o;
    return Objects.equals(number, that.number)
        && Objects.equals(version, that.version)
        && Objects.equals(trigger, that.trigger)
        && Objects.equals(phase, that.phase)
        && Objects.equals(startTime, that.startTime)
        && Objects.equals(completionTime, that.completionTime)
        && Objects.equals(trainingJob, that.trainingJob)
        && Objects.equals(validationJob, that.validationJob)
        && Objects.equals(metrics, that.metrics)
        && Objects.equals(verdicts, that.verdicts)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, version, trigger, phase, startTime, completionTime, trainingJob, validationJob,
        metrics, verdicts, message);
  }

  @Override
  public String toString() {
    return "RetrainRun{number=" + number
        + ", version=" + version
        + ", trigger=" + trigger
        + ", phase=" + phase
        + ", startTime=" + startTime
        + ", completionTime=" + completionTime
        + ", trainingJob=" + trainingJob
        + ", validationJob=" + validationJob
        + ", metrics=" + metrics
        + ", verdicts=" + verdicts
        + ", message=" + message
        + "}";
  }
}
