package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the incident surge asks of one ShieldModel's private-cloud pool at one instant.
 *
 * @param activeIncidents         the active incidents that select the model, by severity (highest first) then
 *                                name, each with the floor its severity asks for (null when none is configured)
 * @param severity                highest severity of the active incidents; while cooling down the severity of the
 *                                surge being held; null otherwise
 * @param requestedFloor          private-cloud floor per variant the incidents ask for (capped at maxReplicas);
 *                                while cooling down the floor being held; 0 when none
 * @param floor                   private-cloud floor per variant applied, after the GPU budget and the free GPUs of
 *                                the pool, never below minReplicas (0 for a model without a private-cloud pool)
 * @param minReplicas             the normal floor, {@code placement.privateCloud.minReplicas}
 * @param shortfall               {@code requestedFloor - floor} replicas per variant, 0 when none
 * @param shortfallGpus           GPUs of all resources the shortfall would have needed
 * @param shortfallGpusByResource the same per GPU resource, only resources with a shortfall
 * @param floorByVariant          variant name to effective private-cloud floor (what the builders use); empty for
 *                                a model without a private-cloud pool
 * @param cooldownUntil           while cooling down: when the floor returns to minReplicas; null otherwise
 * @param nextCheck               earliest future instant at which the decision changes by time alone
 * @param reason                  CamelCase reason of the Surging condition
 * @param message                 message of the Surging condition
 */
public record SurgeDecision(
    List<ActiveIncident> activeIncidents,
    Severity severity,
    int requestedFloor,
    int floor,
    int minReplicas,
    int shortfall,
    long shortfallGpus,
    Map<String, Long> shortfallGpusByResource,
    Map<String, Integer> floorByVariant,
    Instant cooldownUntil,
    Optional<Instant> nextCheck,
    String reason,
    String message) {

  /** Reason: an active incident raises the floor and the budget allows all of it. */
  public static final String INCIDENT_ACTIVE = "IncidentActive";
  /** Reason: no incident is active any more, the floor stays raised until cooldownUntil. */
  public static final String COOLING_DOWN = "CoolingDown";
  /** Reason: no incident raises the floor. */
  public static final String NO_ACTIVE_INCIDENT = "NoActiveIncident";
  /** Reason: an active incident raises the floor, but the GPU budget or the pool's free GPUs cut it. */
  public static final String BUDGET_LIMITED = "BudgetLimited";

  public SurgeDecision {
    activeIncidents = List.copyOf(activeIncidents);
    shortfallGpusByResource = Map.copyOf(shortfallGpusByResource);
    floorByVariant = Map.copyOf(floorByVariant);
  }

  /** The floor is held above minReplicas, by an active incident or a cooldown. */
  public boolean surging() {
    return floor > minReplicas;
  }

  /** Nothing asks for a surge: no incident selects the model and no cooldown holds its floor. */
  public boolean quiet() {
    return activeIncidents.isEmpty() && !surging() && !coolingDown();
  }

  /** No incident is active, and the floor of the last surge is held until {@link #cooldownUntil()}. */
  public boolean coolingDown() {
    return cooldownUntil != null;
  }
}
