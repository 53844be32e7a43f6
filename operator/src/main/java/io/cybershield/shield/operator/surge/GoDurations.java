package io.cybershield.shield.operator.surge;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Go durations the Shield CRDs accept ({@code ApiValidation.DURATION}): a sequence of decimal numbers
 * with a unit each, such as {@code 1h30m}, {@code 15m}, {@code 90s}, {@code 500ms} or {@code 1.5h}. No sign, no
 * bare {@code 0}: the CRD pattern rejects them.
 */
public final class GoDurations {

  private static final Pattern WHOLE = Pattern.compile("^([0-9]+([.][0-9]+)?(ns|us|ms|s|m|h))+$");
  private static final Pattern PART = Pattern.compile("([0-9]+(?:[.][0-9]+)?)(ns|us|ms|s|m|h)");

  private GoDurations() {
  }

  /**
   * The duration {@code text} stands for.
   *
   * @throws IllegalArgumentException when {@code text} is null or not a Go duration of the CRD's form
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("not a Go duration such as 1h30m, 15m or 500ms: " + text);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(nanosPer(part.group(2)))));
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  /** {@link #parse(String)}, or {@code fallback} when {@code text} is null or malformed. */
  public static Duration parseOr(String text, Duration fallback) {
    return tryParse(text).orElse(fallback);
  }

  /** {@link #parse(String)}, or empty when {@code text} is null or malformed. */
  public static Optional<Duration> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static long nanosPer(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }
}
