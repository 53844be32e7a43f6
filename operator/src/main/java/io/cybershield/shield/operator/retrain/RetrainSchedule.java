package io.cybershield.shield.operator.retrain;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ShieldRetrain's {@code spec.schedule} read in its {@code spec.timeZone}: when runs are due.
 * <p>
 * The schedule is a five-field Unix cron expression (minute, hour, day of month, month, day of week; numbers, ranges,
 * lists, steps, {@code *}, month and day names; 0 and 7 are Sunday; when both day fields are restricted a day
 * matching either is a match) or one of the macros {@code @yearly} ({@code @annually}), {@code @monthly},
 * {@code @weekly}, {@code @daily} ({@code @midnight}) and {@code @hourly}. The macros are read as their five-field
 * equivalents and {@code ?} in a day field as {@code *}, as Kubernetes reads them; everything else is cron-utils'
 * {@link CronType#UNIX} definition.
 * <p>
 * Daylight-saving changes, observed in Europe/Berlin and America/New_York and pinned by the tests:
 * <ul>
 *   <li>Clocks go forward: a wall-clock time that does not exist that day is skipped, not moved. {@code 30 2 * * *}
 *   in Europe/Berlin has no run on 29 March 2026 (02:00 becomes 03:00); {@code 0 * * * *} runs at 01:00 CET and then
 *   03:00 CEST. This is what a Kubernetes CronJob does.</li>
 *   <li>Clocks go back: a wall-clock time that happens twice fires only the first time. {@code 30 2 * * *} in
 *   Europe/Berlin runs once on 25 October 2026, at 02:30 CEST (00:30Z), not again at 02:30 CET (01:30Z); an hourly
 *   schedule runs at 02:00 CEST and next at 03:00 CET, two hours later. cron-utils alone would fire the second
 *   02:30 whenever it is asked from inside the repeated hour, and a Kubernetes CronJob fires such times twice
 *   (robfig/cron: "1am nightly job (runs twice)"); a retraining run that takes hours should not start twice for one
 *   slot, so this class drops the repeat.</li>
 * </ul>
 * Instances are immutable.
 */
public final class RetrainSchedule {

  /**
   * The most missed schedules {@link #due} counts: a schedule far behind (an object created a year ago with
   * {@code * * * * *}) reports {@code missed} as this number, meaning "this many or more", instead of walking half a
   * million times.
   */
  public static final int MAX_COUNTED_MISSED = 1_000;

  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *",
      "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *",
      "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");

  private static final String HOW_TO_WRITE = "use five fields: minute (0-59) hour (0-23) day-of-month (1-31) "
      + "month (1-12 or jan-dec) day-of-week (0-7 or sun-sat, 0 and 7 are Sunday), or one of @yearly, @monthly, "
      + "@weekly, @daily, @hourly";

  /** A guard against a cron library that stops advancing; far more steps than any real schedule needs. */
  private static final int MAX_STEPS = 10_000;

  private final String schedule;
  private final ZoneId zone;
  private final ExecutionTime executionTime;

  private RetrainSchedule(String schedule, ZoneId zone, ExecutionTime executionTime) {
    this.schedule = schedule;
    this.zone = zone;
    this.executionTime = executionTime;
  }

  /**
   * Reads a schedule.
   *
   * @param schedule a five-field cron expression or one of the macros, see the class description
   * @param timeZone an IANA time zone such as {@code Europe/Berlin}; null for UTC
   * @throws IllegalArgumentException when either is not valid, with a message that says what to write instead
   */
  public static RetrainSchedule parse(String schedule, String timeZone) {
    return new RetrainSchedule(schedule, zone(timeZone), ExecutionTime.forCron(cron(schedule)));
  }

  /** The schedule as written in the spec. */
  public String schedule() {
    return schedule;
  }

  /** The time zone the schedule is read in. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The first scheduled time strictly after {@code after}; empty when the schedule never fires again, such as
   * {@code 0 0 30 2 *} (30 February).
   */
  public Optional<Instant> next(Instant after) {
    Objects.requireNonNull(after, "after");
    // whole minutes of the wall clock, which is what cron fires on (zones with second offsets included)
    ZonedDateTime cursor = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<ZonedDateTime> found = executionTime.nextExecution(cursor);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      ZonedDateTime time = found.get();
      if (!time.isAfter(cursor)) {
        throw new IllegalStateException("cron-utils did not advance past " + cursor + " for " + Quoted.of(schedule));
      }
      ZoneOffsetTransition repeatedHour = repeatedHour(time);
      if (repeatedHour != null) {
        // the same wall-clock time already passed before the clocks went back: continue after the repeated hour
        Instant endOfRepeat = repeatedHour.getDateTimeBefore().toInstant(repeatedHour.getOffsetAfter());
        cursor = endOfRepeat.minusNanos(1).atZone(zone);
      } else if (time.toInstant().isAfter(after)) {
        return Optional.of(time.toInstant());
      } else {
        cursor = time;
      }
    }
    throw new IllegalStateException("no next time of " + Quoted.of(schedule) + " after " + after + " within "
        + MAX_STEPS + " steps");
  }

  /**
   * Whether a run is due at {@code now}, as a Kubernetes CronJob decides it: the scheduled times in
   * ({@code earliest}, {@code now}] are looked at; the most recent one starts a run unless it is later than
   * {@code startingDeadline}, and every earlier one is skipped, so however many were missed at most one catch-up
   * run starts.
   *
   * @param earliest         the last scheduled time a run was started (or skipped) for; the object's creation time
   *                         when no run was ever scheduled
   * @param now              the current time
   * @param startingDeadline how late a scheduled run may still start (spec.startingDeadline); null for no limit
   * @return the most recent scheduled time and what happens to it; {@link Due#scheduled()} is null when nothing is
   *     due. {@link Due#missed()} counts up to {@value #MAX_COUNTED_MISSED} (meaning that many or more), so a
   *     schedule far behind costs at most that many steps plus a binary search for the most recent time.
   */
  public Due due(Instant earliest, Instant now, Duration startingDeadline) {
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(now, "now");
    Instant latest = null;
    int inWindow = 0;
    for (Optional<Instant> time = next(earliest); time.isPresent() && !time.get().isAfter(now);
         time = next(time.get())) {
      latest = time.get();
      if (++inWindow > MAX_COUNTED_MISSED) {
        latest = mostRecent(latest, now);
        break;
      }
    }
    if (latest == null) {
      return new Due(null, 0, false);
    }
    boolean tooLate = startingDeadline != null && latest.plus(startingDeadline).isBefore(now);
    int missed = tooLate ? inWindow : inWindow - 1;
    return new Due(latest, Math.min(missed, MAX_COUNTED_MISSED), tooLate);
  }

  @Override
  public String toString() {
    return schedule + " in " + zone;
  }

  /**
   * The latest scheduled time at or before {@code now}, found by bisection from {@code earlier}, a scheduled time
   * at or before {@code now}: about 20 steps for a year of minutes.
   */
  private Instant mostRecent(Instant earlier, Instant now) {
    Instant low = earlier;
    Instant high = now;
    // invariant: the answer lies in [low, high] because nothing is scheduled in (high, now]
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<Instant> afterLow = next(low);
      if (afterLow.isEmpty() || afterLow.get().isAfter(now)) {
        return low;
      }
      Instant middle = afterLow.get().plus(Duration.between(afterLow.get(), high).dividedBy(2));
      Optional<Instant> afterMiddle = next(middle);
      if (afterMiddle.isPresent() && !afterMiddle.get().isAfter(now)) {
        low = afterMiddle.get();
      } else {
        low = afterLow.get();
        high = middle;
      }
    }
    throw new IllegalStateException("no most recent time of " + Quoted.of(schedule) + " before " + now);
  }

  /** The clocks-go-back transition when {@code time} is the second pass of a wall-clock time; null otherwise. */
  private ZoneOffsetTransition repeatedHour(ZonedDateTime time) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(time.toLocalDateTime());
    return transition != null && transition.isOverlap() && time.getOffset().equals(transition.getOffsetAfter())
        ? transition : null;
  }

  private static Cron cron(String schedule) {
    if (schedule == null || schedule.isBlank()) {
      throw new IllegalArgumentException("schedule is empty; " + HOW_TO_WRITE);
    }
    if (!schedule.chars().allMatch(c -> c == ' ' || c == '\t' || (c > ' ' && c < 0x7f))) {
      throw invalid(schedule, "it contains characters other than printable ASCII");
    }
    String expression = schedule.strip();
    if (expression.startsWith("@")) {
      expression = MACROS.get(expression);
      if (expression == null) {
        throw invalid(schedule, "it is not one of the macros @yearly, @annually, @monthly, @weekly, @daily, "
            + "@midnight, @hourly");
      }
    }
    try {
      return PARSER.parse(daysQuestionMarkAsStar(expression)).validate();
    } catch (RuntimeException e) {
      throw invalid(schedule, why(e));
    }
  }

  /** Kubernetes reads {@code ?} in either day field as {@code *}; cron-utils' UNIX definition refuses it. */
  private static String daysQuestionMarkAsStar(String expression) {
    String[] fields = expression.split("[ \t]+");
    if (fields.length != 5) {
      return expression;
    }
    for (int day : new int[] { 2, 4 }) {
      if (fields[day].equals("?")) {
        fields[day] = "*";
      }
    }
    return String.join(" ", fields);
  }

  /** cron-utils' explanation, as part of a sentence. */
  private static String why(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replaceFirst("^Failed to parse cron expression\\. *", "").strip().replaceAll("!+$", "");
    if (message.isEmpty()) {
      return "cron-utils cannot read it";
    }
    return Quoted.escaped(Character.toLowerCase(message.charAt(0)) + message.substring(1), 120);
  }

  private static IllegalArgumentException invalid(String schedule, String why) {
    return new IllegalArgumentException("schedule " + Quoted.of(schedule) + " is not a valid cron expression: " + why
        + "; " + HOW_TO_WRITE);
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null) {
      return ZoneOffset.UTC;
    }
    // region ids only, as Go's time.LoadLocation reads them: ZoneId.of would also take "+02:00" or "UTC+2"
    if (ZoneId.getAvailableZoneIds().contains(timeZone)) {
      return ZoneId.of(timeZone);
    }
    String suggestion = ZoneId.getAvailableZoneIds().stream()
        .filter(id -> id.equalsIgnoreCase(timeZone))
        .findFirst()
        .map(id -> "did you mean " + id + "?")
        .orElse("for example Europe/Berlin");
    throw new IllegalArgumentException("time zone " + Quoted.of(timeZone) + " is not a known IANA time zone, "
        + suggestion);
  }

  /**
   * Whether a run is due.
   *
   * @param scheduled the most recent scheduled time in the window; null when none is due
   * @param missed    how many scheduled times in the window start no run: every one before {@code scheduled}, and
   *                  {@code scheduled} itself when it is too late; at most {@link #MAX_COUNTED_MISSED}
   * @param tooLate   whether {@code scheduled} is later than the starting deadline allows, so no run starts for it
   */
  public record Due(Instant scheduled, int missed, boolean tooLate) {

    /** Whether a run starts now, for {@link #scheduled()}. */
    public boolean startsRun() {
      return scheduled != null && !tooLate;
    }
  }
}
