package io.cybershield.shield.operator.metrics;

import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.operator.surge.IncidentLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code shield_incident_floor_latency_seconds}: from an incident reaching the operator to a model's private-cloud
 * floor written for it, per severity. The start is the moment the operator's informer delivered the incident, which
 * is milliseconds after its creation; an incident older than that (the operator was down or restarting) counts
 * from its {@code creationTimestamp}, which has whole seconds only.
 */
public final class SurgeLatency {

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Instant> arrivals = new ConcurrentHashMap<>();
  /** Per incident (by uid), the models whose floor was decided for it at least once. */
  private final Map<String, Set<Object>> answered = new ConcurrentHashMap<>();

  public SurgeLatency(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** The informer delivered {@code incident} for the first time. */
  public void arrived(ShieldIncident incident) {
    arrivals.putIfAbsent(incident.getMetadata().getUid(), clock.instant());
  }

  /**
   * Whether this is the first floor decision for {@code incident} on {@code model} since the incident arrived; marks
   * it decided, so only the first answer to an incident counts towards its latency.
   */
  public boolean firstAnswer(ShieldIncident incident, Object model) {
    return answered.computeIfAbsent(incident.getMetadata().getUid(), uid -> ConcurrentHashMap.newKeySet())
        .add(model);
  }

  /** A model's floor was written for {@code incident} (the highest-severity one selecting it). */
  public void floorWritten(ShieldIncident incident) {
    Duration latency = Duration.between(start(incident), clock.instant());
    Timer.builder("shield_incident_floor_latency")
        .description("From a ShieldIncident reaching the operator to a selected model's private-cloud floor written")
        .tag("severity", String.valueOf(incident.getSpec().severity()).toLowerCase(java.util.Locale.ROOT))
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
        .register(registry)
        .record(latency.isNegative() ? Duration.ZERO : latency);
  }

  /** Forgets incidents that no longer exist (by uid). */
  public void retain(Set<String> uids) {
    arrivals.keySet().retainAll(uids);
    answered.keySet().retainAll(uids);
  }

  public int tracked() {
    return Math.max(arrivals.size(), answered.size());
  }

  Instant start(ShieldIncident incident) {
    Instant arrival = arrivals.get(incident.getMetadata().getUid());
    Instant created = IncidentLifecycle.instant(incident.getMetadata().getCreationTimestamp());
    if (arrival == null) {
      return created == null ? clock.instant() : created;
    }
    // creationTimestamp is truncated to the second: an arrival within that second is the better start
    return created != null && arrival.isAfter(created.plusSeconds(1)) ? created : arrival;
  }

}
