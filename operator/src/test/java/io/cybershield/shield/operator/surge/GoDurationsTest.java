package io.cybershield.shield.operator.surge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoDurationsTest {

  @Test
  void parsesTheFormsTheCrdsAccept() {
    assertThat(GoDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(GoDurations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDurations.parse("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(GoDurations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("2h3m4s5ms6us7ns")).isEqualTo(
        Duration.ofHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5).plusNanos(6_007));
  }

  @Test
  void rejectsWhatTheCrdsReject() {
    for (String bad : new String[] {"", "15", "m", "-5m", "1d", "1h 30m", "1.h"}) {
      assertThatThrownBy(() -> GoDurations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> GoDurations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(GoDurations.parseOr("nonsense", Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
    assertThat(GoDurations.tryParse(null)).isEmpty();
  }
}
