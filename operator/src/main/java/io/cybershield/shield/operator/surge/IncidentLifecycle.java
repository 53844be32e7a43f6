package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.GoDurations;
import io.cybershield.shield.api.v1alpha1.incident.IncidentPhase;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentSpec;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncidentStatus;
import io.cybershield.shield.operator.surge.IncidentState.Phase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The life cycle of a ShieldIncident, from the object alone: active from its creation until {@code spec.resolved}
 * is set or {@code spec.expiresAfter} passes. A deleted incident is simply absent (the caller's business).
 */
public final class IncidentLifecycle {

  /** {@link ShieldIncidentSpec#DEFAULT_EXPIRES_AFTER}, for objects that did not pass the API server's defaulting. */
  static final Duration DEFAULT_EXPIRES_AFTER = GoDurations.parse(ShieldIncidentSpec.DEFAULT_EXPIRES_AFTER);

  private IncidentLifecycle() {
  }

  /**
   * The state of {@code incident} at {@code now}. Expiry is exclusive of the incident: at exactly creation +
   * expiresAfter the incident has expired. A resolved incident without a recorded {@code status.endTime} ended
   * "now" (or at its expiry, if that came first); an incident recorded as Expired stays expired even if resolved
   * later.
   */
  public static IncidentState state(ShieldIncident incident, Instant now) {
    ShieldIncidentSpec spec = incident.getSpec();
    ShieldIncidentStatus status = incident.getStatus();
    Instant expiry = expiry(incident);
    Instant recordedEnd = status == null ? null : instant(status.endTime());
    boolean expired = expiry != null && !now.isBefore(expiry);
    boolean resolved = spec != null && Boolean.TRUE.equals(spec.resolved());

    if (resolved) {
      if (status != null && status.phase() == IncidentPhase.Expired) {
        return new IncidentState(Phase.EXPIRED, expiry, firstNonNull(recordedEnd, expiry, now));
      }
      // to the second, as status.endTime will record it, so a cooldown counted from it is the same before and after
      Instant end = recordedEnd != null ? recordedEnd : expired ? expiry : now.truncatedTo(ChronoUnit.SECONDS);
      return new IncidentState(Phase.RESOLVED, expiry, end);
    }
    if (expired) {
      return new IncidentState(Phase.EXPIRED, expiry, recordedEnd != null ? recordedEnd : expiry);
    }
    return new IncidentState(Phase.ACTIVE, expiry, null);
  }

  /**
   * Whether an update of an incident can change what it asks of the models it selects: its spec (severity, selector,
   * resolution, expiry), its deletion, or what {@link #state} reads from its status (a recorded expiry, the end time
   * a cooldown counts from). The phase Active being recorded, the list of surged models and the conditions are
   * reports, not inputs: the first status write of every new incident would otherwise wake each model it selects a
   * second time.
   */
  public static boolean surgeInputsChanged(ShieldIncident before, ShieldIncident after) {
    if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
        || !Objects.equals(before.getMetadata().getDeletionTimestamp(), after.getMetadata().getDeletionTimestamp())
        || !Objects.equals(before.getSpec(), after.getSpec())) {
      return true;
    }
    ShieldIncidentStatus was = before.getStatus();
    ShieldIncidentStatus is = after.getStatus();
    return recordedExpired(was) != recordedExpired(is)
        || !Objects.equals(was == null ? null : was.endTime(), is == null ? null : is.endTime());
  }

  private static boolean recordedExpired(ShieldIncidentStatus status) {
    return status != null && status.phase() == IncidentPhase.Expired;
  }

  /** Creation time plus {@code spec.expiresAfter} (24h when unset or malformed); null without a creation time. */
  public static Instant expiry(ShieldIncident incident) {
    Instant created = incident.getMetadata() == null ? null
        : instant(incident.getMetadata().getCreationTimestamp());
    if (created == null) {
      return null;
    }
    String expiresAfter = incident.getSpec() == null ? null : incident.getSpec().expiresAfter();
    return created.plus(GoDurations.parseOr(expiresAfter, DEFAULT_EXPIRES_AFTER));
  }

  /** An RFC 3339 timestamp as Kubernetes writes it, or null when absent or malformed. */
  public static Instant instant(String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant firstNonNull(Instant a, Instant b, Instant c) {
    return a != null ? a : b != null ? b : c;
  }
}
