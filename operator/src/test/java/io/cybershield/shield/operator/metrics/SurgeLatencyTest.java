package io.cybershield.shield.operator.metrics;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentSpecBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SurgeLatencyTest {

  private static final Instant CREATED = Instant.parse("2026-11-27T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(CREATED.plusMillis(300));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SurgeLatency latency = new SurgeLatency(registry, clock);

  private static ShieldIncident incident(String uid) {
    ShieldIncident incident = new ShieldIncident();
    incident.setMetadata(new ObjectMetaBuilder().withName("inc-" + uid).withNamespace("soc").withUid(uid)
        .withCreationTimestamp(CREATED.toString()).build());
    incident.setSpec(new ShieldIncidentSpecBuilder().withSeverity(Severity.CRITICAL).build());
    return incident;
  }

  private Timer timer() {
    return registry.get("shield_incident_floor_latency").tag("severity", "critical").timer();
  }

  @Test
  void countsFromTheArrivalOfTheIncidentToTheFloorWritten() {
    ShieldIncident incident = incident("u1");
    latency.arrived(incident);
    now.set(CREATED.plusMillis(420));
    latency.floorWritten(incident);

    assertThat(timer().count()).isEqualTo(1);
    assertThat(timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120.0);
  }

  @Test
  void anIncidentThatArrivedLateCountsFromItsCreation() {
    now.set(CREATED.plusSeconds(30));
    ShieldIncident incident = incident("u2");
    latency.arrived(incident);
    now.set(CREATED.plusSeconds(31));
    latency.floorWritten(incident);

    assertThat(timer().totalTime(TimeUnit.SECONDS)).isEqualTo(31.0);
  }

  @Test
  void forgetsIncidentsThatNoLongerExist() {
    latency.arrived(incident("u3"));
    latency.arrived(incident("u4"));
    latency.retain(Set.of("u4"));

    assertThat(latency.tracked()).isEqualTo(1);
    assertThat(latency.start(incident("u4"))).isEqualTo(CREATED.plusMillis(300));
    assertThat(Duration.between(CREATED, latency.start(incident("u3")))).as("unknown: from its creation")
        .isEqualTo(Duration.ZERO);
  }
}
