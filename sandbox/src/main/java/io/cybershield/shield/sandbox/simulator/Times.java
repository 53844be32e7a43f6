package io.cybershield.shield.sandbox.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timestamps as Kubernetes writes them (RFC 3339, second precision) and Go durations. */
public final class Times {

  private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private Times() {
  }

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Parses an RFC 3339 timestamp; null or garbage gives null. */
  public static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * Parses a Go duration such as {@code 1s}, {@code 250ms}, {@code 1m30s}, {@code 2h}. A bare number is taken as
   * seconds.
   *
   * @throws IllegalArgumentException if the text is not a duration
   */
  public static Duration parseGoDuration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    if (s.matches("\\d+(\\.\\d+)?")) {
      return Duration.ofNanos((long) (Double.parseDouble(s) * 1e9));
    }
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    Matcher m = GO_DURATION_PART.matcher(s);
    int pos = 0;
    double nanos = 0;
    while (m.find()) {
      if (m.start() != pos) {
        throw new IllegalArgumentException("invalid duration " + text);
      }
      double v = Double.parseDouble(m.group(1));
      nanos += v * switch (m.group(2)) {
        case "ns" -> 1d;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      pos = m.end();
    }
    if (pos != s.length() || pos == 0) {
      throw new IllegalArgumentException("invalid duration " + text);
    }
    Duration d = Duration.ofNanos((long) nanos);
    return negative ? d.negated() : d;
  }
}
