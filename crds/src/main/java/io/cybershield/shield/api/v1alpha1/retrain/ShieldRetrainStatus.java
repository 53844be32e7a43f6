package io.cybershield.shield.api.v1alpha1.retrain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ShieldStatus;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;

import java.util.List;
import java.util.Objects;

/** The observed state of a ShieldRetrain, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "observedGeneration", "phase", "currentRun", "lastScheduleTime", "nextScheduleTime",
    "promotedVersion", "previousVersions", "history", "conditions" })
public class ShieldRetrainStatus extends ShieldStatus {

  /** Condition type: the ShieldRetrain can run (model found, schedule understood, not suspended). */
  public static final String READY = "Ready";
  /** Condition type: the last finished run was promoted. */
  public static final String PROMOTED = "Promoted";

  @JsonPropertyDescription("Scheduled, Training, Validating, AwaitingApproval, Promoting, Suspended or Failed.")
  private RetrainPhase phase;

  @JsonPropertyDescription("The run in progress, if any.")
  private RetrainRun currentRun;

  @JsonPropertyDescription("When the last run was started (RFC 3339).")
  private String lastScheduleTime;

  @JsonPropertyDescription("When the next scheduled run starts (RFC 3339); missing while suspended.")
  private String nextScheduleTime;

  @JsonPropertyDescription("The version a ShieldModel with spec.model.retrainRef naming this ShieldRetrain serves.")
  private String promotedVersion;

  @JsonPropertyDescription("Versions promoted before promotedVersion, newest first, kept for rollback "
      + "(spec.promotion.keepVersions).")
  private List<String> previousVersions;

  @JsonPropertyDescription("Finished runs, newest first, with their metrics and verdicts (spec.historyLimit).")
  private List<RetrainRun> history;

  @Override
  @JsonPropertyDescription("Conditions, among them Ready and Promoted.")
  public List<Condition> getConditions() {
    return super.getConditions();
  }

  public RetrainPhase getPhase() {
    return phase;
  }

  public void setPhase(RetrainPhase phase) {
    this.phase = phase;
  }

  public RetrainRun getCurrentRun() {
    return currentRun;
  }

  public void setCurrentRun(RetrainRun currentRun) {
    this.currentRun = currentRun;
  }

  public String getLastScheduleTime() {
    return lastScheduleTime;
  }

  public void setLastScheduleTime(String lastScheduleTime) {
    this.lastScheduleTime = lastScheduleTime;
  }

  public String getNextScheduleTime() {
    return nextScheduleTime;
  }

  public void setNextScheduleTime(String nextScheduleTime) {
    this.nextScheduleTime = nextScheduleTime;
  }

  public String getPromotedVersion() {
    return promotedVersion;
  }

  public void setPromotedVersion(String promotedVersion) {
    this.promotedVersion = promotedVersion;
  }

  public List<String> getPreviousVersions() {
    return previousVersions;
  }

  public void setPreviousVersions(List<String> previousVersions) {
    this.previousVersions = previousVersions;
  }

  public List<RetrainRun> getHistory() {
    return history;
  }

  public void setHistory(List<RetrainRun> history) {
    this.history = history;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ShieldRetrainStatus that = (ShieldRetrainStatus) o;
    return super.equals(o)
        && Objects.equals(phase, that.phase)
        && Objects.equals(currentRun, that.currentRun)
        && Objects.equals(lastScheduleTime, that.lastScheduleTime)
        && Objects.equals(nextScheduleTime, that.nextScheduleTime)
        && Objects.equals(promotedVersion, that.promotedVersion)
        && Objects.equals(previousVersions, that.previousVersions)
        && Objects.equals(history, that.history);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), phase, currentRun, lastScheduleTime, nextScheduleTime, promotedVersion, previousVersions, history);
  }

  @Override
  public String toString() {
    return "ShieldRetrainStatus{" + super.toString()
        + ", phase=" + phase
        + ", currentRun=" + currentRun
        + ", lastScheduleTime=" + lastScheduleTime
        + ", nextScheduleTime=" + nextScheduleTime
        + ", promotedVersion=" + promotedVersion
        + ", previousVersions=" + previousVersions
        + ", history=" + history
        + "}";
  }
}
