package io.cybershield.shield.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

/**
 * Parses Go durations, the API's duration format ({@code expiresAfter}, {@code cooldown}, {@code rolloutDeadline}):
 * what Go's {@code time.ParseDuration} accepts, so that the operator reads a value the way the Kubernetes world
 * writes it. A sequence of decimal numbers, each with an optional fraction and a unit ({@code ns}, {@code us} or
 * {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), such as {@code 1h30m}, {@code 15m}, {@code 500ms} or
 * {@code 1.5h}; an optional leading sign; a bare {@code 0}. The CRDs' pattern ({@code ApiValidation.DURATION})
 * refuses a sign and a bare {@code 0} at admission, so stored objects carry neither.
 */
public final class GoDurations {

  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
  /** A negative duration may reach one nanosecond further, as Go's int64 does. */
  private static final BigInteger MAX_NEGATIVE_NANOS = MAX_NANOS.add(BigInteger.ONE);

  private GoDurations() {
  }

  /**
   * The duration {@code text} stands for; fractions below a nanosecond are dropped, as Go does.
   *
   * @throws IllegalArgumentException when {@code text} is null, not a Go duration, or outside what Go's int64
   *                                  nanoseconds hold (about 292 years), with Go's message
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("time: invalid duration null");
    }
    int length = text.length();
    int at = 0;
    boolean negative = false;
    if (at < length && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
      negative = text.charAt(at) == '-';
      at++;
    }
    if (text.substring(at).equals("0")) {
      return Duration.ZERO;
    }
    if (at == length) {
      throw invalid(text);
    }
    BigInteger nanos = BigInteger.ZERO;
    while (at < length) {
      int start = at;
      at = digits(text, at);
      boolean whole = at > start;
      boolean fraction = false;
      if (at < length && text.charAt(at) == '.') {
        int fractionStart = ++at;
        at = digits(text, at);
        fraction = at > fractionStart;
      }
      if (!whole && !fraction) {
        throw invalid(text);
      }
      // Go accepts "1." and ".5"; BigDecimal wants a digit on either side of the point
      String written = text.substring(start, at);
      BigDecimal number = new BigDecimal((whole ? "" : "0") + written + (written.endsWith(".") ? "0" : ""));
      int unitStart = at;
      while (at < length && text.charAt(at) != '.' && digits(text, at) == at) {
        at++;
      }
      if (unitStart == at) {
        throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
      }
      String unit = text.substring(unitStart, at);
      nanos = nanos.add(number.multiply(BigDecimal.valueOf(nanosPer(unit, text))).toBigInteger());
      if (nanos.compareTo(MAX_NEGATIVE_NANOS) > 0) {
        throw invalid(text);
      }
    }
    if (!negative && nanos.compareTo(MAX_NANOS) > 0) {
      throw invalid(text);
    }
    return Duration.ofNanos((negative ? nanos.negate() : nanos).longValueExact());
  }

  /** {@link #parse(String)}, or {@code fallback} when {@code text} is null or malformed. */
  public static Duration parseOr(String text, Duration fallback) {
    return tryParse(text).orElse(fallback);
  }

  /** {@link #parse(String)}, or empty when {@code text} is null or malformed. */
  public static Optional<Duration> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Go's {@code time.ParseDuration} digits are ASCII only. */
  private static int digits(String text, int at) {
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at;
  }

  private static long nanosPer(String unit, String text) {
    return switch (unit) {
      case "ns" -> 1L;
      // the micro sign (U+00B5) and the Greek small letter mu (U+03BC), both of which Go accepts
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration "
          + quote(text));
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration " + quote(text));
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
