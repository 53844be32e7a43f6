package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.operator.retrain.RetrainSchedule.Due;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RetrainScheduleTest {

  private static final String BERLIN = "Europe/Berlin";
  private static final String NEW_YORK = "America/New_York";
  private static final String HOW_TO_WRITE = "; use five fields: minute (0-59) hour (0-23) day-of-month (1-31) "
      + "month (1-12 or jan-dec) day-of-week (0-7 or sun-sat, 0 and 7 are Sunday), or one of @yearly, @monthly, "
      + "@weekly, @daily, @hourly";

  /** The first {@code count} scheduled times after {@code after}, each found from the one before. */
  private static List<Instant> times(String schedule, String zone, String after, int count) {
    RetrainSchedule parsed = RetrainSchedule.parse(schedule, zone);
    List<Instant> times = new ArrayList<>();
    Instant cursor = Instant.parse(after);
    for (int i = 0; i < count; i++) {
      cursor = parsed.next(cursor).orElseThrow();
      times.add(cursor);
    }
    return times;
  }

  private static Optional<Instant> next(String schedule, String zone, String after) {
    return RetrainSchedule.parse(schedule, zone).next(Instant.parse(after));
  }

  private static List<Instant> instants(String... texts) {
    return List.of(texts).stream().map(Instant::parse).toList();
  }

  private static Due due(String schedule, String zone, String earliest, String now, Duration startingDeadline) {
    return RetrainSchedule.parse(schedule, zone).due(Instant.parse(earliest), Instant.parse(now), startingDeadline);
  }

  @Nested
  class TimeZones {

    @Test
    void withoutATimeZoneTheScheduleIsReadInUtc() {
      RetrainSchedule schedule = RetrainSchedule.parse("0 2 * * *", null);

      assertThat(schedule.zone()).isEqualTo(ZoneOffset.UTC);
      assertThat(schedule.next(Instant.parse("2026-01-10T00:00:00Z"))).contains(Instant.parse("2026-01-10T02:00:00Z"));
    }

    @Test
    void berlinIsOneHourAheadInWinterAndTwoInSummer() {
      assertThat(next("0 2 * * *", BERLIN, "2026-01-10T00:00:00Z")).contains(Instant.parse("2026-01-10T01:00:00Z"));
      assertThat(next("0 2 * * *", BERLIN, "2026-07-09T23:00:00Z")).contains(Instant.parse("2026-07-10T00:00:00Z"));
    }

    @Test
    void newYorkWeekdaysSkipTheWeekend() {
      // 2 January 2026 is a Friday
      assertThat(times("0 9 * * 1-5", NEW_YORK, "2026-01-02T00:00:00Z", 2))
          .isEqualTo(instants("2026-01-02T14:00:00Z", "2026-01-05T14:00:00Z"));
    }

    @Test
    void halfHourOffsetsAreKept() {
      assertThat(next("0 0 * * *", "Asia/Kolkata", "2026-01-01T00:00:00Z"))
          .contains(Instant.parse("2026-01-01T18:30:00Z"));
    }

    @Test
    void etcZonesHaveThePosixSign() {
      // Etc/GMT+1 is one hour behind UTC
      assertThat(next("0 0 * * *", "Etc/GMT+1", "2026-01-01T00:00:00Z"))
          .contains(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void designExampleRunsOnTheFirstOfJanuaryAndJulyAtTwoInTheMorningBerlinTime() {
      // 02:00 CEST on 1 July is 00:00Z; 02:00 CET on 1 January is 01:00Z
      assertThat(next("0 2 1 1,7 *", BERLIN, "2026-06-30T23:59:00Z")).contains(Instant.parse("2026-07-01T00:00:00Z"));
      assertThat(times("0 2 1 1,7 *", BERLIN, "2026-07-01T00:00:00Z", 2))
          .isEqualTo(instants("2027-01-01T01:00:00Z", "2027-07-01T00:00:00Z"));
    }
  }

  @Nested
  class Next {

    @Test
    void isStrictlyAfterTheGivenTime() {
      RetrainSchedule schedule = RetrainSchedule.parse("0 2 1 1,7 *", BERLIN);
      Instant scheduled = Instant.parse("2026-07-01T00:00:00Z");

      assertThat(schedule.next(scheduled.minusNanos(1))).contains(scheduled);
      assertThat(schedule.next(scheduled)).contains(Instant.parse("2027-01-01T01:00:00Z"));
      assertThat(schedule.next(scheduled.plusNanos(1))).contains(Instant.parse("2027-01-01T01:00:00Z"));
      assertThat(schedule.next(scheduled.plusSeconds(30))).contains(Instant.parse("2027-01-01T01:00:00Z"));
    }

    @Test
    void everyMinuteFromTheMiddleOfAMinuteIsTheNextWholeMinute() {
      assertThat(next("* * * * *", null, "2026-01-01T00:00:30Z")).contains(Instant.parse("2026-01-01T00:01:00Z"));
    }

    @Test
    void stepsRangesAndLists() {
      assertThat(times("*/15 */6 * * *", null, "2026-01-01T00:00:00Z", 4)).isEqualTo(instants(
          "2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:45:00Z", "2026-01-01T06:00:00Z"));
      assertThat(times("5-59/20 * * * *", null, "2026-01-01T00:00:00Z", 4)).isEqualTo(instants(
          "2026-01-01T00:05:00Z", "2026-01-01T00:25:00Z", "2026-01-01T00:45:00Z", "2026-01-01T01:05:00Z"));
    }

    @Test
    void monthAndDayNamesInEitherCase() {
      assertThat(times("0 0 1 jan,JUL *", null, "2026-01-01T00:00:00Z", 2))
          .isEqualTo(instants("2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z"));
      // 1 January 2026 is a Thursday
      assertThat(next("0 0 * * MON-fri", null, "2026-01-02T00:00:00Z")).contains(Instant.parse("2026-01-05T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0 0 * * 0", "0 0 * * 7", "0 0 * * sun" })
    void sundayIsZeroOrSeven(String schedule) {
      assertThat(times(schedule, null, "2026-01-01T00:00:00Z", 2))
          .isEqualTo(instants("2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z"));
    }

    @Test
    void aDayMatchingEitherRestrictedDayFieldIsAMatch() {
      // the 13th or a Friday, as in Unix cron and Kubernetes; 13 April 2026 is a Monday, 17 April a Friday
      assertThat(times("0 0 13 * 5", null, "2026-04-10T00:00:00Z", 2))
          .isEqualTo(instants("2026-04-13T00:00:00Z", "2026-04-17T00:00:00Z"));
    }

    @Test
    void aQuestionMarkInADayFieldMeansEveryDay() {
      assertThat(next("0 0 ? * mon", null, "2026-01-01T00:00:00Z")).contains(Instant.parse("2026-01-05T00:00:00Z"));
      assertThat(next("0 0 1 * ?", null, "2026-01-01T00:00:00Z")).contains(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void theTwentyNinthOfFebruaryWaitsForALeapYear() {
      assertThat(times("0 0 29 2 *", null, "2026-01-01T00:00:00Z", 2))
          .isEqualTo(instants("2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0 0 30 2 *", "0 0 31 4,6,9,11 *" })
    void aScheduleThatNeverFiresHasNoNextTime(String schedule) {
      RetrainSchedule parsed = RetrainSchedule.parse(schedule, BERLIN);

      assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> assertThat(parsed.next(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty());
    }

    @Test
    void surroundingWhitespaceAndRepeatedSpacesAreAccepted() {
      assertThat(next("  0   2 * *\t* ", null, "2026-01-01T00:00:00Z")).contains(Instant.parse("2026-01-01T02:00:00Z"));
    }
  }

  @Nested
  class Macros {

    /** A Friday. */
    private static final String AFTER = "2026-05-15T10:30:00Z";

    @ParameterizedTest
    @ValueSource(strings = { "@yearly", "@annually" })
    void yearly(String macro) {
      assertThat(next(macro, null, AFTER)).contains(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void monthly() {
      assertThat(next("@monthly", null, AFTER)).contains(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void weeklyIsSundayAtMidnight() {
      assertThat(next("@weekly", null, AFTER)).contains(Instant.parse("2026-05-17T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "@daily", "@midnight" })
    void daily(String macro) {
      assertThat(next(macro, null, AFTER)).contains(Instant.parse("2026-05-16T00:00:00Z"));
    }

    @Test
    void hourly() {
      assertThat(next("@hourly", null, AFTER)).contains(Instant.parse("2026-05-15T11:00:00Z"));
    }

    @Test
    void macrosAreReadInTheTimeZone() {
      // midnight CEST
      assertThat(next("@daily", BERLIN, AFTER)).contains(Instant.parse("2026-05-15T22:00:00Z"));
    }

    @Test
    void theScheduleIsKeptAsWritten() {
      assertThat(RetrainSchedule.parse("@daily", BERLIN).schedule()).isEqualTo("@daily");
      assertThat(RetrainSchedule.parse("@daily", BERLIN)).hasToString("@daily in Europe/Berlin");
    }
  }

  @Nested
  class DaylightSaving {

    @Test
    void springForwardBerlinSkipsATimeInTheMissingHour() {
      // 29 March 2026: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist that day
      assertThat(times("30 2 * * *", BERLIN, "2026-03-28T00:00:00Z", 3))
          .isEqualTo(instants("2026-03-28T01:30:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z"));
    }

    @Test
    void springForwardBerlinHourlyJumpsFromOneToThree() {
      assertThat(times("0 * * * *", BERLIN, "2026-03-28T23:30:00Z", 3))
          .isEqualTo(instants("2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"));
      assertThat(times("*/30 * * * *", BERLIN, "2026-03-29T00:00:00Z", 3))
          .isEqualTo(instants("2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"));
    }

    @Test
    void springForwardBerlinThreeOClockStillRuns() {
      assertThat(times("0 3 * * *", BERLIN, "2026-03-28T00:00:00Z", 2))
          .isEqualTo(instants("2026-03-28T02:00:00Z", "2026-03-29T01:00:00Z"));
    }

    @Test
    void fallBackBerlinRunsARepeatedTimeOnce() {
      // 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and again at 01:30Z
      assertThat(times("30 2 * * *", BERLIN, "2026-10-24T00:00:00Z", 3))
          .isEqualTo(instants("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"));
    }

    @Test
    void fallBackBerlinAskedFromInsideTheRepeatedHourDoesNotRunAgain() {
      // 02:45 CEST, after the first 02:30; and 02:10 CET, in the second pass of the hour
      assertThat(next("30 2 * * *", BERLIN, "2026-10-25T00:45:00Z")).contains(Instant.parse("2026-10-26T01:30:00Z"));
      assertThat(next("30 2 * * *", BERLIN, "2026-10-25T01:10:00Z")).contains(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void fallBackBerlinHourlyRunsOnceForTwoOClock() {
      assertThat(times("0 * * * *", BERLIN, "2026-10-24T23:30:00Z", 3))
          .isEqualTo(instants("2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z"));
      assertThat(times("* * * * *", BERLIN, "2026-10-25T00:58:00Z", 2))
          .isEqualTo(instants("2026-10-25T00:59:00Z", "2026-10-25T02:00:00Z"));
    }

    @Test
    void fallBackBerlinThreeOClockHappensOnce() {
      assertThat(times("0 3 * * *", BERLIN, "2026-10-25T00:00:00Z", 2))
          .isEqualTo(instants("2026-10-25T02:00:00Z", "2026-10-26T02:00:00Z"));
    }

    @Test
    void springForwardNewYorkSkipsATimeInTheMissingHour() {
      // 8 March 2026: 02:00 EST becomes 03:00 EDT
      assertThat(times("30 2 * * *", NEW_YORK, "2026-03-07T00:00:00Z", 2))
          .isEqualTo(instants("2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z"));
    }

    @Test
    void fallBackNewYorkRunsARepeatedTimeOnce() {
      // 1 November 2026: 02:00 EDT becomes 01:00 EST, so 01:30 happens at 05:30Z and again at 06:30Z
      assertThat(times("30 1 * * *", NEW_YORK, "2026-10-31T00:00:00Z", 3))
          .isEqualTo(instants("2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"));
      assertThat(next("30 1 * * *", NEW_YORK, "2026-11-01T06:10:00Z")).contains(Instant.parse("2026-11-02T06:30:00Z"));
      // 02:30 is not repeated: only 02:30 EST exists
      assertThat(next("30 2 * * *", NEW_YORK, "2026-10-31T12:00:00Z")).contains(Instant.parse("2026-11-01T07:30:00Z"));
    }

    @Test
    void fallBackBerlinIsNotDueASecondTime() {
      Due afterTheFirstRun = due("30 2 * * *", BERLIN, "2026-10-25T00:30:00Z", "2026-10-25T01:45:00Z", null);

      assertThat(afterTheFirstRun).isEqualTo(new Due(null, 0, false));
    }
  }

  @Nested
  class Missed {

    private static final Duration NO_DEADLINE = null;

    @Test
    void nothingIsDueRightAfterARun() {
      Due due = due("0 * * * *", null, "2026-01-01T10:00:00Z", "2026-01-01T10:30:00Z", NO_DEADLINE);

      assertThat(due).isEqualTo(new Due(null, 0, false));
      assertThat(due.startsRun()).isFalse();
    }

    @Test
    void nothingIsDueBeforeTheFirstScheduledTimeAfterCreation() {
      assertThat(due("0 * * * *", null, "2026-01-01T10:05:00Z", "2026-01-01T10:59:59Z", NO_DEADLINE))
          .isEqualTo(new Due(null, 0, false));
    }

    @Test
    void theWindowIncludesNowAndExcludesTheEarliestTime() {
      assertThat(due("0 * * * *", null, "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-01-01T11:00:00Z"), 0, false));
      assertThat(due("0 * * * *", null, "2026-01-01T11:00:00Z", "2026-01-01T11:00:00Z", NO_DEADLINE))
          .isEqualTo(new Due(null, 0, false));
    }

    @Test
    void oneDueTimeStartsARun() {
      Due due = due("0 * * * *", null, "2026-01-01T10:00:00Z", "2026-01-01T11:20:00Z", NO_DEADLINE);

      assertThat(due).isEqualTo(new Due(Instant.parse("2026-01-01T11:00:00Z"), 0, false));
      assertThat(due.startsRun()).isTrue();
    }

    @Test
    void onlyTheMostRecentOfTwoStarts() {
      Due due = due("0 * * * *", null, "2026-01-01T10:00:00Z", "2026-01-01T12:20:00Z", NO_DEADLINE);

      assertThat(due).isEqualTo(new Due(Instant.parse("2026-01-01T12:00:00Z"), 1, false));
      assertThat(due.startsRun()).isTrue();
    }

    @Test
    void aDayOfHourlyRunsIsOneCatchUpRun() {
      assertThat(due("0 * * * *", null, "2026-01-01T00:00:00Z", "2026-01-02T00:30:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-01-02T00:00:00Z"), 23, false));
    }

    @Test
    void withinTheStartingDeadlineARunStarts() {
      Due due = due("0 * * * *", null, "2026-01-01T10:00:00Z", "2026-01-01T12:20:00Z", Duration.ofMinutes(30));

      assertThat(due).isEqualTo(new Due(Instant.parse("2026-01-01T12:00:00Z"), 1, false));
      assertThat(due.startsRun()).isTrue();
    }

    @Test
    void exactlyAtTheStartingDeadlineARunStillStarts() {
      assertThat(due("0 * * * *", null, "2026-01-01T10:00:00Z", "2026-01-01T12:20:00Z", Duration.ofMinutes(20)))
          .isEqualTo(new Due(Instant.parse("2026-01-01T12:00:00Z"), 1, false));
    }

    @Test
    void pastTheStartingDeadlineNoRunStartsAndEveryTimeIsMissed() {
      Due due = due("0 * * * *", null, "2026-01-01T10:00:00Z", "2026-01-01T12:20:00Z", Duration.ofMinutes(10));

      assertThat(due).isEqualTo(new Due(Instant.parse("2026-01-01T12:00:00Z"), 2, true));
      assertThat(due.startsRun()).isFalse();
    }

    @Test
    void aWeekOfDailyRunsAcrossSpringForwardInBerlin() {
      // 02:00 does not exist on 29 March 2026, so six times are due: the 26th, 27th, 28th, 30th, 31st and 1 April
      assertThat(due("0 2 * * *", BERLIN, "2026-03-25T01:00:00Z", "2026-04-01T12:00:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-04-01T00:00:00Z"), 5, false));
    }

    @Test
    void aSparseScheduleYearsBehind() {
      // twice a year from 2020 to 2026
      assertThat(due("0 2 1 1,7 *", BERLIN, "2020-01-01T00:00:00Z", "2026-08-01T00:00:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-07-01T00:00:00Z"), 13, false));
    }

    @Test
    void aThousandMissedAreCountedExactly() {
      // 00:01 to 16:40 are 1,000 minutes; 00:01 to 16:41 are 1,001
      assertThat(due("* * * * *", null, "2026-01-01T00:00:00Z", "2026-01-01T16:40:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-01-01T16:40:00Z"), 999, false));
      assertThat(due("* * * * *", null, "2026-01-01T00:00:00Z", "2026-01-01T16:41:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-01-01T16:41:00Z"), 1000, false));
      assertThat(due("* * * * *", null, "2026-01-01T00:00:00Z", "2026-01-01T16:42:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-01-01T16:42:00Z"), RetrainSchedule.MAX_COUNTED_MISSED, false));
    }

    @Test
    void aYearOfEveryMinuteIsCappedAndQuick() {
      Due due = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> due("* * * * *", null, "2025-01-01T00:00:00Z", "2026-01-01T00:00:30Z", NO_DEADLINE));

      assertThat(due).isEqualTo(new Due(Instant.parse("2026-01-01T00:00:00Z"), 1000, false));
    }

    @Test
    void aYearOfEveryMinutePastTheDeadline() {
      assertThat(due("* * * * *", null, "2025-01-01T00:00:00Z", "2026-01-01T00:00:30Z", Duration.ofSeconds(10)))
          .isEqualTo(new Due(Instant.parse("2026-01-01T00:00:00Z"), 1000, true));
    }

    @Test
    void decadesOfDailyRunsFindTodaysMidnight() {
      assertThat(due("0 0 * * *", null, "1990-01-01T00:00:00Z", "2026-05-15T10:30:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-05-15T00:00:00Z"), 1000, false));
    }

    @Test
    void farBehindInsideTheRepeatedHourTheMostRecentIsTheFirstPass() {
      // now is 02:30 CET on 25 October 2026; 02:00 CET repeats 02:00 CEST (00:00Z), which is the most recent time
      assertThat(due("0 * * * *", BERLIN, "2025-01-01T00:00:00Z", "2026-10-25T01:30:00Z", NO_DEADLINE))
          .isEqualTo(new Due(Instant.parse("2026-10-25T00:00:00Z"), 1000, false));
    }

    @Test
    void aScheduleThatNeverFiresIsNeverDue() {
      assertThat(due("0 0 30 2 *", null, "2020-01-01T00:00:00Z", "2026-01-01T00:00:00Z", NO_DEADLINE))
          .isEqualTo(new Due(null, 0, false));
    }

    @Test
    void anEarliestTimeAfterNowIsNotDue() {
      assertThat(due("* * * * *", null, "2026-01-01T12:00:00Z", "2026-01-01T11:00:00Z", NO_DEADLINE))
          .isEqualTo(new Due(null, 0, false));
    }
  }

  @Nested
  class InvalidSchedules {

    private static String reason(String schedule) {
      try {
        RetrainSchedule.parse(schedule, null);
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
      throw new AssertionError("parsed " + schedule);
    }

    @Test
    void sixFields() {
      assertThat(reason("0 0 * * * *")).isEqualTo("schedule \"0 0 * * * *\" is not a valid cron expression: cron "
          + "expression contains 6 parts but we expect one of [5]" + HOW_TO_WRITE);
    }

    @Test
    void fourFields() {
      assertThat(reason("0 0 * *")).isEqualTo("schedule \"0 0 * *\" is not a valid cron expression: cron "
          + "expression contains 4 parts but we expect one of [5]" + HOW_TO_WRITE);
    }

    @Test
    void minuteOutOfRange() {
      assertThat(reason("61 * * * *"))
          .isEqualTo("schedule \"61 * * * *\" is not a valid cron expression: value 61 not in range [0, 59]"
              + HOW_TO_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0 24 * * *", "0 0 0 * *", "0 0 32 * *", "0 0 * 13 *", "0 0 * * 8", "5-2 * * * *",
        "*/0 * * * *", "-1 * * * *", "0 0 L * *", "0 0 * * 5#2", "0 0 15W * *", "a b c d e", "1,,2 * * * *",
        "*/ * * * *", "9999999999 * * * *", "? * * * *" })
    void outOfRangeAndUnsupported(String schedule) {
      assertThat(reason(schedule)).startsWith("schedule \"" + schedule + "\" is not a valid cron expression: ")
          .endsWith(HOW_TO_WRITE);
    }

    @Test
    void hourOutOfRange() {
      assertThat(reason("0 24 * * *")).contains(": value 24 not in range [0, 23];");
    }

    @ParameterizedTest
    @ValueSource(strings = { "@reboot", "@every 1h", "@DAILY", "@" })
    void unknownMacros(String schedule) {
      assertThat(reason(schedule)).isEqualTo("schedule \"" + schedule + "\" is not a valid cron expression: it is not "
          + "one of the macros @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly" + HOW_TO_WRITE);
    }

    @Test
    void garbage() {
      assertThat(reason("every day at two")).isEqualTo("schedule \"every day at two\" is not a valid cron "
          + "expression: cron expression contains 4 parts but we expect one of [5]" + HOW_TO_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void empty(String schedule) {
      assertThat(reason(schedule)).isEqualTo("schedule is empty" + HOW_TO_WRITE);
    }

    @Test
    void missing() {
      assertThat(reason(null)).isEqualTo("schedule is empty" + HOW_TO_WRITE);
    }

    @Test
    void digitsOfOtherScriptsAreRefused() {
      // cron-utils would read the Arabic-Indic three as 3
      assertThat(reason("\u0663 * * * *")).isEqualTo("schedule \"\u0663 * * * *\" is not a valid cron expression: "
          + "it contains characters other than printable ASCII" + HOW_TO_WRITE);
    }

    @Test
    void controlCharactersAreEscapedInTheMessage() {
      assertThat(reason("0 0 * * *\n\u001b[31mred"))
          .startsWith("schedule \"0 0 * * *\\n\\u001b[31mred\" is not a valid cron expression: ")
          .doesNotContain("\n", "\u001b");
    }

    @Test
    void aLongScheduleIsShortenedInTheMessage() {
      String schedule = "1,".repeat(500) + "99 * * * *";

      assertThat(reason(schedule)).startsWith("schedule \"" + "1,".repeat(30) + "\u2026\" is not a valid cron")
          .hasSizeLessThan(500);
    }
  }

  @Nested
  class InvalidTimeZones {

    private static String reason(String timeZone) {
      try {
        RetrainSchedule.parse("0 2 * * *", timeZone);
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
      throw new AssertionError("parsed " + timeZone);
    }

    @Test
    void anUnknownZone() {
      assertThat(reason("Mars/Olympus"))
          .isEqualTo("time zone \"Mars/Olympus\" is not a known IANA time zone, for example Europe/Berlin");
    }

    @Test
    void aZoneInTheWrongCaseGetsASuggestion() {
      assertThat(reason("europe/berlin"))
          .isEqualTo("time zone \"europe/berlin\" is not a known IANA time zone, did you mean Europe/Berlin?");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "+02:00", "UTC+2", "Local", "CET " })
    void offsetsAndOtherNonIanaNamesAreRefused(String timeZone) {
      assertThat(reason(timeZone)).startsWith("time zone \"" + timeZone + "\" is not a known IANA time zone");
    }

    @Test
    void utcByNameIsKnown() {
      assertThat(RetrainSchedule.parse("0 2 * * *", "UTC").next(Instant.parse("2026-01-01T00:00:00Z")))
          .contains(Instant.parse("2026-01-01T02:00:00Z"));
    }
  }
}
