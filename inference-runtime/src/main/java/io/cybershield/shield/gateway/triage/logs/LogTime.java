package io.cybershield.shield.gateway.triage.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When an event happened, from the timestamp fields the formats carry. Used by the rules' {@code timeframe}: a
 * burst of failed logons counts only within its window, and a line without a time makes the whole request the
 * window instead (so nothing is missed because a SIEM stripped the header).
 */
public final class LogTime {

  /** The fields tried, in order: the parser's own {@code timestamp} first, then each format's usual key. */
  private static final List<String> FIELDS = List.of("timestamp", "@timestamp", "eventTime", "published",
      "requestReceivedTimestamp", "stageTimestamp", "SystemTime", "TimeCreated", "UtcTime", "time", "date",
      "event.created", "winlog.time_created", "rt", "devTime", "eventtime");

  /** RFC 3164 has no year; 2000 is as good as any, only differences within one request matter. */
  private static final DateTimeFormatter SYSLOG = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("MMM").appendLiteral(' ').optionalStart().appendLiteral(' ').optionalEnd()
      .appendPattern("d HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd().parseDefaulting(ChronoField.YEAR, 2000).toFormatter(Locale.ENGLISH);
  private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("yyyy-MM-dd").optionalStart().appendLiteral('T').optionalEnd().optionalStart()
      .appendLiteral(' ').optionalEnd().appendPattern("HH:mm:ss").optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter(Locale.ENGLISH);
  /** Apache's {@code 10/Oct/2026:13:55:36 -0700}. */
  private static final DateTimeFormatter ACCESS_LOG =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private LogTime() {
  }

  /** The event's time, if one of its timestamp fields parses. */
  public static Optional<Instant> of(LogEvent event) {
    // FortiGate and other key=value appliances split the time in two fields (date=2026-01-02 time=10:00:00)
    Optional<String> date = event.first("date");
    Optional<String> time = event.first("time");
    if (date.isPresent() && time.isPresent() && time.get().indexOf(':') > 0 && date.get().indexOf(':') < 0) {
      Optional<Instant> joined = parse(date.get() + " " + time.get());
      if (joined.isPresent()) {
        return joined;
      }
    }
    for (String field : FIELDS) {
      for (String value : event.values(field)) {
        Optional<Instant> instant = parse(value);
        if (instant.isPresent()) {
          return instant;
        }
      }
    }
    return Optional.empty();
  }

  /** A timestamp in one of the common log spellings; empty for anything else (never throws). */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.trim();
    if (value.isEmpty() || value.length() > 64) {
      return Optional.empty();
    }
    if (value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() >= 9 && value.length() <= 19) {
      long number = Long.parseLong(value);
      if (value.length() >= 18) {
        return Optional.of(Instant.ofEpochSecond(number / 1_000_000_000L, number % 1_000_000_000L));
      }
      if (value.length() >= 15) {
        return Optional.of(Instant.ofEpochSecond(number / 1_000_000L, (number % 1_000_000L) * 1000));
      }
      return Optional.of(value.length() >= 12 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
    }
    if (value.length() >= 19 && value.charAt(4) == '/' && value.charAt(7) == '/') {
      value = value.substring(0, 4) + '-' + value.substring(5, 7) + '-' + value.substring(8);
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.replace(' ', 'T')).toInstant());
    } catch (DateTimeParseException notIso) {
      // try the next spelling
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException notInstant) {
      // try the next spelling
    }
    for (DateTimeFormatter local : List.of(SPACED, SYSLOG)) {
      try {
        return Optional.of(LocalDateTime.parse(value, local).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notThis) {
        // try the next spelling
      }
    }
    try {
      return Optional.of(OffsetDateTime.parse(value, ACCESS_LOG).toInstant());
    } catch (DateTimeParseException notAccessLog) {
      return Optional.empty();
    }
  }
}
