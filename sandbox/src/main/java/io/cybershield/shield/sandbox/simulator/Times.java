package io.cybershield.shield.sandbox.simulator;

import io.cybershield.shield.api.GoDurations;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/** Timestamps as Kubernetes writes them (RFC 3339, second precision) and the durations of the sandbox's knobs. */
public final class Times {

  private static final Pattern BARE_SECONDS = Pattern.compile("[0-9]+([.][0-9]+)?");

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
   * A duration of the sandbox's container environment ({@code SANDBOX_DURATION}, {@code SANDBOX_READY_DELAY}): a Go
   * duration such as {@code 1s}, {@code 250ms} or {@code 1m30s} (read by the API's parser), or, the sandbox's own
   * extension, a bare number of seconds such as {@code 3} or {@code 1.5}. Surrounding blanks and the letters' case do
   * not matter, as they never did for these variables.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static Duration environmentDuration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (BARE_SECONDS.matcher(s).matches()) {
      return GoDurations.parse(s + "s");
    }
    return GoDurations.parse(s);
  }
}
