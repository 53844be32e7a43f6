package io.cybershield.shield.operator.surge;

import java.time.Instant;

/**
 * Where a ShieldIncident stands at one instant.
 *
 * @param phase   active, resolved or expired
 * @param expiry  creation time plus {@code spec.expiresAfter}; null when the creation time is unknown
 * @param endedAt when the incident stopped being active: {@code status.endTime} when recorded, else the expiry of
 *                an expired incident, else "now" for a resolved one; null while active
 */
public record IncidentState(Phase phase, Instant expiry, Instant endedAt) {

  /** Life-cycle phase, as {@code status.phase} records it. */
  public enum Phase {
    ACTIVE, RESOLVED, EXPIRED
  }

  public boolean active() {
    return phase == Phase.ACTIVE;
  }
}
