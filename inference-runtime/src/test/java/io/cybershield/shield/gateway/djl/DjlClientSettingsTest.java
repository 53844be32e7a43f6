package io.cybershield.shield.gateway.djl;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DjlClientSettingsTest {

  @Test
  void theProductionDefaults() {
    DjlClientSettings defaults = DjlClientSettings.defaults();

    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.firstByteTimeout()).isEqualTo(Duration.ofSeconds(60));
    // below DJL's own 120 s, so that the gateway names the silence before DJL drops the connection
    assertThat(defaults.betweenChunksTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.poolSize()).isEqualTo(256);
    assertThat(defaults.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.maxResponseBytes()).isEqualTo(8 * 1024 * 1024);
    assertThat(defaults.retry()).isEqualTo(new DjlClientSettings.Retry(2, Duration.ofMillis(100)));
    assertThat(defaults.breaker()).isEqualTo(new DjlClientSettings.Breaker(20, 0.5, Duration.ofSeconds(10), 2));
  }

  @Test
  void nonsenseIsRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> DjlClientSettings.defaults().withBetweenChunksTimeout(Duration.ZERO))
        .hasMessage("betweenChunksTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> DjlClientSettings.defaults().withPoolSize(0))
        .hasMessage("poolSize must be at least 1, was 0");
    assertThatThrownBy(() -> new DjlClientSettings.Retry(-1, Duration.ZERO))
        .hasMessage("maxRetries must not be negative, was -1");
    assertThatThrownBy(() -> new DjlClientSettings.Breaker(20, 1.5, Duration.ofSeconds(1), 1))
        .hasMessage("breaker.failureRatio must be in (0, 1], was 1.5");
  }

  @Test
  void aDeadlineCountsDownAndNeverBelowZero() {
    Deadline spent = Deadline.in(Duration.ZERO);
    Deadline later = Deadline.in(Duration.ofHours(1));

    assertThat(spent.expired()).isTrue();
    assertThat(spent.remaining()).isEqualTo(Duration.ZERO);
    assertThat(later.expired()).isFalse();
    assertThat(later.remaining()).isLessThanOrEqualTo(Duration.ofHours(1)).isPositive();
    assertThat(later.budget()).isEqualTo(Duration.ofHours(1));
    assertThat(Deadline.in(Duration.ofSeconds(Long.MAX_VALUE)).expired()).isFalse();
    assertThatThrownBy(() -> Deadline.in(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEndpointIsHostAndPort() {
    assertThat(DjlEndpoint.of("10.0.3.7", 8080).authority()).isEqualTo("10.0.3.7:8080");
    assertThat(DjlEndpoint.of("fd00::7", 8080).authority()).isEqualTo("[fd00::7]:8080");
    assertThat(DjlEndpoint.of("10.0.3.7", 8080)).isEqualTo(DjlEndpoint.of("10.0.3.7", 8080));
    assertThatThrownBy(() -> DjlEndpoint.of("10.0.3.7", 0)).hasMessage("port must be 1-65535, was 0");
  }
}
