package io.cybershield.shield.djl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations of the {@code SANDBOX_*} knobs: Go's notation ({@code 1m30s}, {@code 500ms}) or plain seconds. */
final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

  private Durations() {
  }

  static Duration parse(String text) {
    String value = text.strip();
    if (SECONDS.matcher(value).matches()) {
      return nanos(new BigDecimal(value), 1_000_000_000L);
    }
    Matcher matcher = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find()) {
      if (matcher.start() != end) {
        break;
      }
      total = total.plus(nanos(new BigDecimal(matcher.group(1)), unit(matcher.group(2))));
      end = matcher.end();
    }
    if (end == 0 || end != value.length()) {
      throw new IllegalArgumentException("not a duration (like 90s, 2m30s, 500ms or plain seconds): " + text);
    }
    return total;
  }

  private static long unit(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "µs":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      default:
        return 3_600_000_000_000L;
    }
  }

  private static Duration nanos(BigDecimal amount, long nanosPerUnit) {
    return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
