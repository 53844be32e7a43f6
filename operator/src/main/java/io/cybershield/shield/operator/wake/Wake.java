package io.cybershield.shield.operator.wake;

import java.util.Map;

/**
 * What the gateways ask of a model's parked private-cloud pool at one instant: the wake floor per variant (1 for each
 * variant with a recent sign of work beyond the on-premises capacity, absent for the others) and the Waking
 * condition's reason and message.
 *
 * @param floorByVariant variant name to wake floor (1); empty while nothing asks for the pool
 * @param reason         CamelCase reason of the Waking condition: {@value #QUEUED_WORK}, {@value #UNSERVED_WORK} or
 *                       {@value #NO_EXCESS_WORK}
 * @param message        message of the Waking condition: the variant and the figure that woke it
 */
public record Wake(Map<String, Integer> floorByVariant, String reason, String message) {

  /** Reason: the on-premises pods of a variant had more work in flight than they take at once. */
  public static final String QUEUED_WORK = "QueuedWork";
  /** Reason: the gateway refused requests of a variant for want of a ready pod. */
  public static final String UNSERVED_WORK = "UnservedWork";
  /** Reason: no sign of work beyond the on-premises capacity within the hold; the pool stays (or goes) parked. */
  public static final String NO_EXCESS_WORK = "NoExcessWork";
  /** The floor a wake-up holds: one pod, from which the HPA scales on load. */
  public static final int FLOOR = 1;

  public Wake {
    floorByVariant = Map.copyOf(floorByVariant);
  }

  /** Whether a variant's pool is held awake. */
  public boolean waking() {
    return !floorByVariant.isEmpty();
  }
}
