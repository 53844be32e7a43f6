package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.GoDurations;
import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainSpec;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatusBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.spec.Dataset;
import io.cybershield.shield.api.v1alpha1.retrain.spec.PromotionPolicy;
import io.cybershield.shield.api.v1alpha1.retrain.spec.PromotionSpec;
import io.cybershield.shield.api.v1alpha1.retrain.status.Release;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRunBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunMetrics;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunTrigger;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run lifecycle of a ShieldRetrain, as a pure function of what the operator observed: the ShieldRetrain (spec,
 * status, annotations), the ShieldModel it trains, the state of its runs' Jobs, a GPU capacity check and the time.
 * It returns the whole new status, the objects of the current run that must exist, the runs whose objects are kept,
 * the Events to record, and when to look again. The reconciler does only what the plan says.
 * <p>
 * A run starts when {@code spec.schedule} comes due (CronJob semantics: the most recent missed time starts one
 * catch-up run, never more; a time missed by more than {@code spec.startingDeadline} is skipped) or when the
 * {@value ShieldNames#TRIGGER_ANNOTATION} annotation gets a new value; never while another run is in progress
 * (a trigger then is recorded and ignored, a scheduled time waits for the run to end), never while suspended. It goes
 * {@code Pending} (until the pool's GPUs can place the training Job) → {@code Training} → {@code Validating} →
 * {@code Rejected}, or → ({@code AwaitingApproval} →) {@code RollingOut} → {@code Promoted} or {@code RolledBack};
 * any Job failure or unusable result ends it {@code Failed}. Only a version whose every gate check passed is ever
 * promoted; a rollback removes the version from the releases, so it is never served again.
 */
public final class RunPlanner {

  /** How often a run waiting for GPUs checks the capacity again (nodes joining also wake it). */
  public static final Duration CAPACITY_RETRY = Duration.ofSeconds(30);
  /** The longest the operator waits before looking at a ShieldRetrain again. */
  public static final Duration MAX_REQUEUE = Duration.ofHours(1);
  /** Rollout deadline when {@code spec.promotion.rolloutDeadline} is not set. */
  public static final Duration DEFAULT_ROLLOUT_DEADLINE = Duration.ofMinutes(30);
  /** History length when {@code spec.historyLimit} is not set. */
  public static final int DEFAULT_HISTORY_LIMIT = 5;
  /** Previous versions kept when {@code spec.promotion.keepVersions} is not set. */
  public static final int DEFAULT_KEEP_VERSIONS = 3;

  /** Reasons of the Ready condition and the runs. */
  public static final String SCHEDULED = "Scheduled";
  public static final String NO_UPCOMING_SCHEDULE = "NoUpcomingSchedule";
  public static final String SCHEDULE_MISSED = "ScheduleMissed";
  public static final String SUSPENDED = "Suspended";
  public static final String MODEL_NOT_FOUND = "ModelNotFound";
  public static final String INVALID_SCHEDULE = "InvalidSchedule";
  public static final String RESTRICTED_DATA = "RestrictedDataInPrivateCloud";
  public static final String IDLE = "Idle";
  public static final String NO_RUN_YET = "NoRunYet";
  public static final String WAITING_FOR_CAPACITY = "WaitingForCapacity";
  public static final String TRAINING_STARTED = "TrainingStarted";
  public static final String VALIDATION_STARTED = "ValidationStarted";
  public static final String TRAINING_FAILED = "TrainingFailed";
  public static final String VALIDATION_FAILED = "ValidationFailed";
  public static final String VERSION_CONFLICT = "VersionConflict";
  public static final String AWAITING_APPROVAL = "AwaitingApproval";
  public static final String PROMOTED = "Promoted";
  public static final String ROLLOUT_COMPLETE = "RolloutComplete";
  public static final String NOT_FOLLOWED = "NotServed";
  public static final String ROLLOUT_TIMED_OUT = "RolloutTimedOut";
  public static final String ROLLOUT_DEGRADED = "RolloutDegraded";
  public static final String TRIGGER_IGNORED = "TriggerIgnored";
  public static final String RUN_STARTED = "RunStarted";
  public static final String APPROVED = "Approved";

  private static final String NORMAL = "Normal";
  private static final String WARNING = "Warning";
  private static final int MAX_STEPS = 8;

  private RunPlanner() {
  }

  /** Whether the GPUs of a pool can place a Job's pod; the reconciler answers it from its Node and Pod caches. */
  @FunctionalInterface
  public interface CapacityCheck {
    CapacityPlan.Entry check(String jobName, String label, GpuRequest gpu, Pool pool, PoolScheduling scheduling);
  }

  /**
   * What the operator observed.
   *
   * @param retrain  the ShieldRetrain (never modified)
   * @param model    the ShieldModel {@code spec.modelRef} names, or null when it does not exist
   * @param jobs     the state of this ShieldRetrain's Jobs, by Job name
   * @param capacity the GPU capacity check, asked only when a run is about to start its training Job
   * @param clock    the time
   */
  public record Inputs(ShieldRetrain retrain, ShieldModel model, Map<String, JobState> jobs, CapacityCheck capacity,
                       Clock clock) {
  }

  /** An Event to record about the ShieldRetrain. */
  public record Event(String type, String reason, String message) {
  }

  /**
   * What to do.
   *
   * @param status       the whole new status
   * @param create       objects of the current run that must exist (created when missing, never updated)
   * @param keptRuns     runs whose Jobs and inputs stay; those of any other run are deleted
   * @param events       Events for the transitions of this reconcile, to record once the status is written
   * @param requeueAfter when to look again even if nothing changes
   * @param finished     runs that ended in this reconcile, for the metrics
   */
  public record Plan(ShieldRetrainStatus status, List<HasMetadata> create, Set<Long> keptRuns, List<Event> events,
                     Duration requeueAfter, List<RetrainRun> finished) {
  }

  /** The plan for what was observed. */
  public static Plan plan(Inputs inputs) {
    return new Work(inputs).plan();
  }

  /**
   * Whether a ShieldModel serves what this ShieldRetrain promotes: its {@code spec.model.retrainRef} names the
   * ShieldRetrain, and the ShieldRetrain trains it.
   */
  public static boolean follows(ShieldModel model, ShieldRetrain retrain) {
    if (model == null || model.getSpec() == null || model.getSpec().model() == null
        || model.getSpec().model().retrainRef() == null) {
      return false;
    }
    return retrain.getMetadata().getName().equals(model.getSpec().model().retrainRef().name())
        && model.getMetadata().getName().equals(retrain.getSpec().modelRef().name());
  }

  /** The mutable working copy of one plan. */
  private static final class Work {

    private final ShieldRetrain retrain;
    private final ShieldRetrainSpec spec;
    private final ShieldModel model;
    private final Map<String, JobState> jobs;
    private final CapacityCheck capacity;
    private final Instant now;
    private final Clock clock;
    private final String name;
    private final ShieldRetrainStatus previous;

    private RetrainRun current;
    private final List<RetrainRun> history = new ArrayList<>();
    private final List<Release> releases = new ArrayList<>();
    private String lastScheduleTime;
    private String lastTrigger;
    private final List<HasMetadata> create = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<RetrainRun> finished = new ArrayList<>();
    private Duration requeue = MAX_REQUEUE;
    private String readyReason;
    private String readyMessage;
    private ConditionStatus readyStatus = ConditionStatus.TRUE;
    private RetrainSchedule schedule;
    private CapacityPlan.Entry capacityEntry;

    Work(Inputs inputs) {
      this.retrain = inputs.retrain();
      this.spec = retrain.getSpec();
      this.model = inputs.model();
      this.jobs = inputs.jobs() == null ? Map.of() : inputs.jobs();
      this.capacity = inputs.capacity();
      this.clock = inputs.clock();
      this.now = inputs.clock().instant();
      this.name = retrain.getMetadata().getName();
      this.previous = retrain.getStatus();
      if (previous != null) {
        current = previous.currentRun();
        if (previous.history() != null) {
          history.addAll(previous.history());
        }
        if (previous.releases() != null) {
          releases.addAll(previous.releases());
        }
        lastScheduleTime = previous.lastScheduleTime();
        lastTrigger = previous.lastTrigger();
      }
    }

    Plan plan() {
      String blocker = blocker();
      String trigger = annotation(ShieldNames.TRIGGER_ANNOTATION);
      boolean newTrigger = trigger != null && !trigger.isBlank() && !trigger.equals(lastTrigger);
      if (current != null && newTrigger) {
        lastTrigger = trigger;
        events.add(new Event(WARNING, TRIGGER_IGNORED, "trigger \"" + brief(trigger) + "\" ignored: run "
            + current.number() + " (" + current.phase() + ") is in progress, and runs never overlap"));
      } else if (current == null && blocker == null) {
        maybeStart(trigger, newTrigger);
      } else if (current == null && SUSPENDED.equals(blocker) && newTrigger) {
        lastTrigger = trigger;
        events.add(new Event(WARNING, TRIGGER_IGNORED, "trigger \"" + brief(trigger) + "\" ignored: spec.suspend "
            + "is true, and a suspended ShieldRetrain starts no run"));
      }
      advance();
      ShieldRetrainStatus status = status();
      return new Plan(status, List.copyOf(create), keptRuns(), List.copyOf(events), requeue, List.copyOf(finished));
    }

    /** Why no run can start, setting the Ready condition; null when runs can start. */
    private String blocker() {
      try {
        schedule = RetrainSchedule.parse(spec.schedule(), spec.timeZone());
      } catch (IllegalArgumentException e) {
        return notReady(INVALID_SCHEDULE, e.getMessage());
      }
      if (model == null) {
        return notReady(MODEL_NOT_FOUND, "the ShieldModel " + spec.modelRef().name() + " does not exist in namespace "
            + retrain.getMetadata().getNamespace() + ": create it, or point spec.modelRef at an existing one");
      }
      if (RetrainJobs.pool(retrain) == Pool.PRIVATE_CLOUD) {
        String restricted = restrictedData();
        if (restricted != null) {
          return notReady(RESTRICTED_DATA, restricted + " is restricted, and restricted data is never trained in "
              + "the private cloud: set spec.trainer.placement.pool to onprem");
        }
      }
      if (Boolean.TRUE.equals(spec.suspend())) {
        return notReady(SUSPENDED, "spec.suspend is true: no run starts, on schedule or by trigger; a run in "
            + "progress finishes. Set suspend to false to resume (a missed schedule then starts one catch-up run"
            + (spec.startingDeadline() == null ? "" : " if it is within startingDeadline " + spec.startingDeadline())
            + ")");
      }
      return null;
    }

    private String restrictedData() {
      if (model.getSpec() != null && model.getSpec().dataClassification() == DataClassification.RESTRICTED) {
        return "the ShieldModel " + model.getMetadata().getName();
      }
      for (Dataset dataset : spec.trainer().datasets()) {
        if (dataset.classification() == DataClassification.RESTRICTED) {
          return "the dataset " + dataset.name();
        }
      }
      if (spec.validation().dataset().classification() == DataClassification.RESTRICTED) {
        return "the held-out dataset";
      }
      return null;
    }

    private String notReady(String reason, String message) {
      readyStatus = ConditionStatus.FALSE;
      readyReason = reason;
      readyMessage = message;
      return reason;
    }

    private void maybeStart(String trigger, boolean newTrigger) {
      if (newTrigger) {
        lastTrigger = trigger;
        lastScheduleTime = Conditions.timestamp(now);
        start(RunTrigger.Manual, "started by the trigger annotation (\"" + brief(trigger) + "\")");
        return;
      }
      Instant earliest = parse(lastScheduleTime);
      if (earliest == null) {
        earliest = parse(retrain.getMetadata().getCreationTimestamp());
      }
      if (earliest == null) {
        earliest = now;
      }
      Duration deadline = spec.startingDeadline() == null ? null : GoDurations.parse(spec.startingDeadline());
      RetrainSchedule.Due due = schedule.due(earliest, now, deadline);
      if (due.startsRun()) {
        lastScheduleTime = Conditions.timestamp(due.scheduled());
        String caughtUp = due.missed() > 0 ? " (a catch-up run; " + due.missed() + " earlier scheduled "
            + (due.missed() == 1 ? "time was" : "times were") + " skipped)" : "";
        start(RunTrigger.Scheduled, "scheduled for " + Conditions.timestamp(due.scheduled()) + caughtUp);
      } else if (due.scheduled() != null && due.tooLate()) {
        readyReason = SCHEDULE_MISSED;
        readyMessage = "the run scheduled for " + Conditions.timestamp(due.scheduled()) + " was not started within "
            + "spec.startingDeadline (" + spec.startingDeadline() + ") and was skipped";
      }
    }

    private void start(RunTrigger trigger, String why) {
      long number = nextRunNumber();
      current = new RetrainRunBuilder()
          .withNumber(number)
          .withVersion(ShieldNames.runVersion(number))
          .withTrigger(trigger)
          .withPhase(RunPhase.Pending)
          .withPool(RetrainJobs.pool(retrain))
          .withStartTime(Conditions.timestamp(now))
          .withTrainingJob(ShieldNames.trainingJob(name, number))
          .withReason(RUN_STARTED)
          .withMessage("run " + number + " " + why)
          .build();
      events.add(new Event(NORMAL, RUN_STARTED, "run " + number + " " + why));
    }

    private long nextRunNumber() {
      long highest = 0;
      for (RetrainRun run : history) {
        highest = Math.max(highest, run.number() == null ? 0 : run.number());
      }
      for (Release release : releases) {
        highest = Math.max(highest, release.run() == null ? 0 : release.run());
      }
      return highest + 1;
    }

    private void advance() {
      for (int step = 0; step < MAX_STEPS && current != null; step++) {
        RunPhase before = current.phase();
        switch (before) {
          case Pending -> pending();
          case Training -> training();
          case Validating -> validating();
          case AwaitingApproval -> awaitingApproval();
          case RollingOut -> rollingOut();
          default -> finish(before, current.reason(), current.message(), null);
        }
        if (current == null || current.phase() == before) {
          return;
        }
      }
    }

    private void pending() {
      if (model == null) {
        fail(MODEL_NOT_FOUND, "the ShieldModel " + spec.modelRef().name() + " was deleted before the training "
            + "Job started");
        return;
      }
      Pool pool = current.pool() == null ? RetrainJobs.pool(retrain) : current.pool();
      String job = current.trainingJob();
      capacityEntry = capacity.check(job, "training job " + job, spec.trainer().gpu(), pool,
          spec.trainer().placement());
      if (!capacityEntry.fits()) {
        String message = "run " + current.number() + " waits for GPUs before its training Job starts: "
            + capacityEntry.message();
        if (!message.equals(current.message())) {
          events.add(new Event(WARNING, WAITING_FOR_CAPACITY, message));
        }
        current = edit(current).withReason(WAITING_FOR_CAPACITY).withMessage(message).build();
        requeueWithin(CAPACITY_RETRY);
        return;
      }
      String message = "training Job " + job + " started in pool " + pool.value();
      current = edit(current).withPhase(RunPhase.Training).withReason(TRAINING_STARTED).withMessage(message).build();
      events.add(new Event(NORMAL, TRAINING_STARTED, message));
      wantTrainingObjects();
    }

    private void wantTrainingObjects() {
      create.add(RetrainJobs.inputs(retrain, current.number()));
      if (model != null) {
        create.add(RetrainJobs.training(retrain, current, trainingBase()));
      }
    }

    private RetrainJobs.TrainingBase trainingBase() {
      Release promoted = releases.isEmpty() ? null : releases.get(0);
      String modelUri = model.getSpec().model().uri();
      String outputRoot = spec.trainer().outputUri() != null ? spec.trainer().outputUri() : modelUri;
      return new RetrainJobs.TrainingBase(model.getMetadata().getName(),
          promoted == null ? modelUri : promoted.uri(),
          promoted == null ? model.getSpec().model().version() : promoted.version(),
          model.getSpec().model().baseModel(), outputRoot);
    }

    private void training() {
      wantTrainingObjects();
      JobState job = jobs.get(current.trainingJob());
      if (job == null || job.outcome() == JobState.Outcome.RUNNING) {
        return;
      }
      if (job.outcome() == JobState.Outcome.FAILED) {
        fail(TRAINING_FAILED, "the training Job " + job.name() + " failed" + describeFailure(job));
        return;
      }
      Parsed<TrainingResult> parsed = JobResults.training(job.terminationMessage());
      if (parsed instanceof Parsed.Invalid<TrainingResult> invalid) {
        fail(invalid.reason(), invalid.message() + " (Job " + job.name() + ")");
        return;
      }
      TrainingResult result = ((Parsed.Ok<TrainingResult>) parsed).value();
      String version = result.version() == null || result.version().isEmpty()
          ? ShieldNames.runVersion(current.number()) : result.version();
      Optional<Release> clash = releases.stream().filter(r -> r.version().equals(version)).findFirst();
      if (clash.isPresent()) {
        fail(VERSION_CONFLICT, "the training Job reported version " + version + ", which is already a promoted "
            + "release (run " + clash.get().run() + "): a trainer must report a new version for each run, or none");
        return;
      }
      String validationJob = ShieldNames.validationJob(name, current.number());
      String message = "the training Job wrote version " + version + " to " + result.uri()
          + "; validation Job " + validationJob + " started";
      current = edit(current).withVersion(version).withUri(result.uri()).withValidationJob(validationJob)
          .withPhase(RunPhase.Validating).withReason(VALIDATION_STARTED).withMessage(message).build();
      events.add(new Event(NORMAL, VALIDATION_STARTED, message));
      wantValidationObjects();
    }

    private void wantValidationObjects() {
      create.add(RetrainJobs.inputs(retrain, current.number()));
      create.add(RetrainJobs.validation(retrain, current, spec.modelRef().name()));
    }

    private void validating() {
      wantValidationObjects();
      JobState job = jobs.get(current.validationJob());
      if (job == null || job.outcome() == JobState.Outcome.RUNNING) {
        return;
      }
      if (job.outcome() == JobState.Outcome.FAILED) {
        fail(VALIDATION_FAILED, "the validation Job " + job.name() + " failed" + describeFailure(job)
            + "; version " + current.version() + " is not promoted");
        return;
      }
      Parsed<ValidationResult> parsed = JobResults.validation(job.terminationMessage());
      if (parsed instanceof Parsed.Invalid<ValidationResult> invalid) {
        fail(invalid.reason(), invalid.message() + " (Job " + job.name() + "); version " + current.version()
            + " is not promoted");
        return;
      }
      ValidationResult result = ((Parsed.Ok<ValidationResult>) parsed).value();
      GateOutcome gate = QualityGate.evaluate(spec.validation(), result);
      current = edit(current)
          .withMetrics(new RunMetrics(result.precision(), result.recall(), result.f1(), result.attackSuccessRate(),
              result.samples()))
          .withVerdicts(gate.verdicts())
          .build();
      if (!gate.passed()) {
        finish(RunPhase.Rejected, gate.reason(), "version " + current.version() + " rejected: " + gate.message()
            + "; " + servedNow() + " stays served", WARNING);
        return;
      }
      if (policy() == PromotionPolicy.MANUAL && !approved()) {
        String message = "version " + current.version() + " " + gate.message() + "; waiting for approval: kubectl "
            + "annotate shieldretrain " + name + " " + ShieldNames.APPROVE_ANNOTATION + "=" + current.version();
        current = edit(current).withPhase(RunPhase.AwaitingApproval).withReason(AWAITING_APPROVAL)
            .withMessage(message).build();
        events.add(new Event(NORMAL, AWAITING_APPROVAL, message));
        return;
      }
      promote(gate.message());
    }

    private void awaitingApproval() {
      if (policy() == PromotionPolicy.AUTOMATIC) {
        promote("spec.promotion.policy is now automatic");
      } else if (approved()) {
        events.add(new Event(NORMAL, APPROVED, "version " + current.version() + " approved by the annotation "
            + ShieldNames.APPROVE_ANNOTATION));
        promote("approved");
      }
    }

    private boolean approved() {
      return current.version().equals(annotation(ShieldNames.APPROVE_ANNOTATION));
    }

    private void promote(String why) {
      Release release = new Release(current.version(), current.uri(), current.number(), Conditions.timestamp(now));
      String from = servedNow();
      releases.add(0, release);
      while (releases.size() > keepVersions() + 1) {
        releases.remove(releases.size() - 1);
      }
      String message = "version " + current.version() + " promoted (" + why + "), replacing " + from;
      current = edit(current).withPhase(RunPhase.RollingOut).withPromotionTime(release.promotionTime())
          .withReason(PROMOTED).withMessage(message).build();
      events.add(new Event(NORMAL, PROMOTED, message));
    }

    private void rollingOut() {
      String version = current.version();
      if (!follows(model, retrain)) {
        finish(RunPhase.Promoted, NOT_FOLLOWED, "version " + version + " is promoted, but no ShieldModel serves "
            + "it: the ShieldModel " + spec.modelRef().name() + (model == null ? " does not exist"
            : "'s spec.model.retrainRef does not name this ShieldRetrain"), NORMAL);
        return;
      }
      ShieldModelStatus status = model.getStatus();
      List<Condition> conditions = status == null ? null : status.conditions();
      if (status != null && version.equals(status.servedVersion())
          && Conditions.isTrue(conditions, ShieldModelStatus.READY)) {
        finish(RunPhase.Promoted, ROLLOUT_COMPLETE, "the ShieldModel " + model.getMetadata().getName()
            + " serves version " + version, NORMAL);
        return;
      }
      Condition degraded = Conditions.find(conditions, ShieldModelStatus.DEGRADED);
      if (degraded != null && degraded.status() == ConditionStatus.TRUE
          && "ProgressDeadlineExceeded".equals(degraded.reason())) {
        rollBack(ROLLOUT_DEGRADED, "the ShieldModel " + model.getMetadata().getName() + " is Degraded ("
            + degraded.reason() + ": " + degraded.message() + ")");
        return;
      }
      Instant promoted = parse(current.promotionTime());
      Instant deadline = (promoted == null ? now : promoted).plus(rolloutDeadline());
      if (!now.isBefore(deadline)) {
        Condition ready = Conditions.find(conditions, ShieldModelStatus.READY);
        rollBack(ROLLOUT_TIMED_OUT, "version " + version + " did not become available within the rollout deadline "
            + (spec.promotion() == null || spec.promotion().rolloutDeadline() == null ? "30m"
            : spec.promotion().rolloutDeadline())
            + (ready == null ? "" : " (ShieldModel " + model.getMetadata().getName() + ": Ready=" + ready.status().value()
            + " " + ready.reason() + ": " + ready.message() + ")"));
        return;
      }
      requeueWithin(Duration.between(now, deadline).plusSeconds(1));
    }

    private void rollBack(String reason, String why) {
      String version = current.version();
      releases.removeIf(release -> release.version().equals(version));
      finish(RunPhase.RolledBack, reason, why + "; rolled back to " + servedNow() + ", and version " + version
          + " is never served again", WARNING);
    }

    private void fail(String reason, String message) {
      finish(RunPhase.Failed, reason, message, WARNING);
    }

    private void finish(RunPhase phase, String reason, String message, String eventType) {
      RetrainRun done = edit(current).withPhase(phase).withReason(reason).withMessage(message)
          .withCompletionTime(Conditions.timestamp(now)).build();
      history.add(0, done);
      while (history.size() > historyLimit()) {
        history.remove(history.size() - 1);
      }
      finished.add(done);
      current = null;
      if (eventType != null) {
        events.add(new Event(eventType, reason, "run " + done.number() + " " + phase + ": " + message));
      }
      // a scheduled time that came due during the run starts its catch-up in the next reconcile
      requeueWithin(Duration.ofSeconds(1));
    }

    /** What a follower serves now: the promoted release, else the model's own version. */
    private String servedNow() {
      if (!releases.isEmpty()) {
        return "version " + releases.get(0).version();
      }
      String own = model == null || model.getSpec() == null || model.getSpec().model() == null ? null
          : model.getSpec().model().version();
      return own == null ? "the model's own spec.model" : "the model's own version " + own;
    }

    private String describeFailure(JobState job) {
      StringBuilder out = new StringBuilder();
      if (job.reason() != null) {
        out.append(" (").append(job.reason());
        if (job.message() != null) {
          out.append(": ").append(brief(job.message()));
        }
        out.append(')');
      }
      if (job.exitCode() != null) {
        out.append("; its container exited with code ").append(job.exitCode());
        if (job.containerReason() != null) {
          out.append(" (").append(job.containerReason()).append(')');
        }
      }
      if (job.terminationMessage() != null && !job.terminationMessage().isBlank()) {
        out.append(" and said \"").append(brief(job.terminationMessage())).append('"');
      }
      return out.toString();
    }

    private ShieldRetrainStatus status() {
      Long generation = retrain.getMetadata().getGeneration();
      Conditions conditions = new Conditions(previous == null ? null : previous.conditions(), clock, generation);
      boolean suspended = Boolean.TRUE.equals(spec.suspend());
      String next = null;
      if (schedule != null && !suspended) {
        next = schedule.next(now).map(Conditions::timestamp).orElse(null);
      }
      if (readyReason == null) {
        readyReason = next == null ? NO_UPCOMING_SCHEDULE : SCHEDULED;
        readyMessage = next == null ? "spec.schedule never comes due again; runs start only by the trigger annotation"
            : "the next scheduled run starts at " + next;
      }
      conditions.set(ShieldRetrainStatus.READY, readyStatus, readyReason, readyMessage);
      if (current != null) {
        conditions.setTrue(ShieldRetrainStatus.RUNNING, current.phase().name(),
            "run " + current.number() + " (version " + current.version() + "): " + current.message());
      } else {
        conditions.setFalse(ShieldRetrainStatus.RUNNING, IDLE, "no run is in progress");
      }
      if (capacityEntry != null) {
        conditions.set(ShieldRetrainStatus.CAPACITY_AVAILABLE,
            capacityEntry.fits() ? ConditionStatus.TRUE : ConditionStatus.FALSE,
            capacityEntry.reason().value(), capacityEntry.fits()
                ? "the training Job of run " + current.number() + " fits in pool "
                  + (current.pool() == null ? "onprem" : current.pool().value())
                : capacityEntry.message());
      }
      if (history.isEmpty()) {
        conditions.setUnknown(ShieldRetrainStatus.PROMOTED, NO_RUN_YET, "no run has finished yet");
      } else {
        RetrainRun last = history.get(0);
        conditions.set(ShieldRetrainStatus.PROMOTED,
            last.phase() == RunPhase.Promoted ? ConditionStatus.TRUE : ConditionStatus.FALSE,
            last.reason() == null ? last.phase().name() : last.reason(),
            "run " + last.number() + " " + last.phase() + ": " + last.message());
      }
      ShieldRetrainStatusBuilder status = new ShieldRetrainStatusBuilder()
          .withObservedGeneration(generation)
          .withPhase(phase())
          .withCurrentRun(current)
          .withLastScheduleTime(lastScheduleTime)
          .withNextScheduleTime(next)
          .withLastTrigger(lastTrigger)
          .withPromotedVersion(releases.isEmpty() ? null : releases.get(0).version())
          .withPreviousVersions(releases.size() <= 1 ? null
              : releases.subList(1, releases.size()).stream().map(Release::version).toList())
          .withReleases(releases.isEmpty() ? null : List.copyOf(releases))
          .withHistory(history.isEmpty() ? null : List.copyOf(history))
          .withConditions(conditions.toList());
      if (next != null && !suspended) {
        Instant at = Instant.parse(next);
        requeueWithin(Duration.between(now, at).plusMillis(500));
      }
      return status.build();
    }

    private RetrainPhase phase() {
      if (current != null) {
        return switch (current.phase()) {
          case Pending -> RetrainPhase.Pending;
          case Training -> RetrainPhase.Training;
          case Validating -> RetrainPhase.Validating;
          case AwaitingApproval -> RetrainPhase.AwaitingApproval;
          default -> RetrainPhase.Promoting;
        };
      }
      if (readyStatus == ConditionStatus.FALSE) {
        return SUSPENDED.equals(readyReason) ? RetrainPhase.Suspended : RetrainPhase.Failed;
      }
      return RetrainPhase.Scheduled;
    }

    private Set<Long> keptRuns() {
      Set<Long> kept = new LinkedHashSet<>();
      if (current != null) {
        kept.add(current.number());
      }
      history.forEach(run -> kept.add(run.number()));
      return kept;
    }

    private void requeueWithin(Duration delay) {
      Duration d = delay.isNegative() ? Duration.ZERO : delay;
      if (d.compareTo(requeue) < 0) {
        requeue = d;
      }
    }

    private PromotionPolicy policy() {
      PromotionSpec promotion = spec.promotion();
      return promotion == null || promotion.policy() == null ? PromotionPolicy.AUTOMATIC : promotion.policy();
    }

    private int keepVersions() {
      PromotionSpec promotion = spec.promotion();
      return promotion == null || promotion.keepVersions() == null ? DEFAULT_KEEP_VERSIONS : promotion.keepVersions();
    }

    private Duration rolloutDeadline() {
      PromotionSpec promotion = spec.promotion();
      return promotion == null || promotion.rolloutDeadline() == null ? DEFAULT_ROLLOUT_DEADLINE
          : GoDurations.parse(promotion.rolloutDeadline());
    }

    private int historyLimit() {
      return spec.historyLimit() == null ? DEFAULT_HISTORY_LIMIT : Math.max(1, spec.historyLimit());
    }

    private String annotation(String key) {
      Map<String, String> annotations = retrain.getMetadata().getAnnotations();
      return annotations == null ? null : annotations.get(key);
    }
  }

  private static RetrainRunBuilder edit(RetrainRun run) {
    return new RetrainRunBuilder(run);
  }

  private static Instant parse(String time) {
    if (time == null || time.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** At most 120 characters of text from a user or a container, on one line. */
  static String brief(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 120; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return text.length() > 120 ? out.toString().trim() + "..." : out.toString().trim();
  }
}
