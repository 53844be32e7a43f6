package io.cybershield.shield.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoDurationsTest {

  @Test
  void parsesTheFormsTheCrdsAccept() {
    assertThat(GoDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(GoDurations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDurations.parse("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(GoDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDurations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(GoDurations.parse("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(GoDurations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(GoDurations.parse("2h3m4s5ms6us7ns")).isEqualTo(Duration.ofNanos(7_384_005_006_007L));
  }

  /** Go's time.ParseDuration accepts these; the CRD pattern refuses the sign and the bare 0 before they are stored. */
  @Test
  void parsesTheRestOfGosGrammar() {
    assertThat(GoDurations.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDurations.parse("+0")).isEqualTo(Duration.ZERO);
    assertThat(GoDurations.parse("-0")).isEqualTo(Duration.ZERO);
    assertThat(GoDurations.parse("-5m")).isEqualTo(Duration.ofMinutes(-5));
    assertThat(GoDurations.parse("+5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(GoDurations.parse("-1h30m")).isEqualTo(Duration.ofMinutes(-90));
    assertThat(GoDurations.parse("0s")).isEqualTo(Duration.ZERO);
    assertThat(GoDurations.parse("1.h")).isEqualTo(Duration.ofHours(1));
    assertThat(GoDurations.parse(".5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDurations.parse("3\u00b5s")).isEqualTo(Duration.ofNanos(3_000));
    assertThat(GoDurations.parse("3\u03bcs")).isEqualTo(Duration.ofNanos(3_000));
    assertThat(GoDurations.parse("1m1m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(GoDurations.parse("1.0000000009s")).as("below a nanosecond is dropped")
        .isEqualTo(Duration.ofNanos(1_000_000_000));
  }

  @Test
  void holdsWhatGosInt64NanosecondsHold() {
    assertThat(GoDurations.parse("9223372036854775807ns")).isEqualTo(Duration.ofNanos(9_223_372_036_854_775_807L));
    assertThat(GoDurations.parse("-9223372036854775808ns")).isEqualTo(Duration.ofNanos(-9_223_372_036_854_775_808L));
    assertThatThrownBy(() -> GoDurations.parse("9223372036854775808ns"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: invalid duration \"9223372036854775808ns\"");
    assertThatThrownBy(() -> GoDurations.parse("2562048h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: invalid duration \"2562048h\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''        | time: invalid duration \"\"",
      "-         | time: invalid duration \"-\"",
      ".s        | time: invalid duration \".s\"",
      "m         | time: invalid duration \"m\"",
      "15        | time: missing unit in duration \"15\"",
      "00        | time: missing unit in duration \"00\"",
      "1h30      | time: missing unit in duration \"1h30\"",
      "1d        | time: unknown unit \"d\" in duration \"1d\"",
      "1H        | time: unknown unit \"H\" in duration \"1H\"",
      "1h 30m    | time: unknown unit \"h \" in duration \"1h 30m\"",
      "soon      | time: invalid duration \"soon\"",
      "1x        | time: unknown unit \"x\" in duration \"1x\""})
  void rejectsWhatGoRejectsWithGosMessage(String text, String message) {
    assertThatThrownBy(() -> GoDurations.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void nullAndFallbacks() {
    assertThatThrownBy(() -> GoDurations.parse(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: invalid duration null");
    assertThat(GoDurations.parseOr("nonsense", Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
    assertThat(GoDurations.parseOr(null, Duration.ofHours(24))).isEqualTo(Duration.ofHours(24));
    assertThat(GoDurations.parseOr("90s", Duration.ofHours(24))).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDurations.tryParse(null)).isEmpty();
    assertThat(GoDurations.tryParse("1d")).isEmpty();
    assertThat(GoDurations.tryParse("2h")).contains(Duration.ofHours(2));
  }
}
