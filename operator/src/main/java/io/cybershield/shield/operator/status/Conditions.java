package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionBuilder;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the conditions of a status from the ones already on the object, so that a condition whose status does not
 * change keeps its {@code lastTransitionTime} and a restarted operator writes the same status: only a change of
 * {@code status} (True, False, Unknown) moves the timestamp to now. Conditions that are not set again (those another
 * component owns, such as Surging) are carried over unchanged. The result is ordered Ready, Progressing, Degraded,
 * CapacityAvailable, Surging, then any other type by name.
 * <p>
 * Never modifies the conditions it is given: they may come from an informer's cache.
 */
public final class Conditions {

  /** The order conditions are listed in. */
  public static final List<String> ORDER = List.of(ShieldModelStatus.READY, ShieldModelStatus.PROGRESSING,
      ShieldModelStatus.DEGRADED, ShieldModelStatus.CAPACITY_AVAILABLE, ShieldModelStatus.SURGING,
      ShieldModelStatus.WAKING);

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final Map<String, Condition> existing = new LinkedHashMap<>();
  private final Map<String, Condition> updated = new LinkedHashMap<>();
  private final Clock clock;
  private final Long observedGeneration;

  /**
   * @param existing           the conditions on the object now; may be null
   * @param clock              the time a changed condition transitions at
   * @param observedGeneration the generation the new conditions are computed from; may be null
   */
  public Conditions(List<Condition> existing, Clock clock, Long observedGeneration) {
    if (existing != null) {
      existing.stream().filter(Objects::nonNull).filter(condition -> condition.type() != null)
          .forEach(condition -> this.existing.putIfAbsent(condition.type(), condition));
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.observedGeneration = observedGeneration;
  }

  /** Sets a condition, replacing any earlier one of its type. */
  public Conditions set(String type, ConditionStatus status, String reason, String message) {
    updated.put(type, new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(observedGeneration)
        .build());
    return this;
  }

  public Conditions setTrue(String type, String reason, String message) {
    return set(type, ConditionStatus.TRUE, reason, message);
  }

  public Conditions setFalse(String type, String reason, String message) {
    return set(type, ConditionStatus.FALSE, reason, message);
  }

  public Conditions setUnknown(String type, String reason, String message) {
    return set(type, ConditionStatus.UNKNOWN, reason, message);
  }

  /** The merged conditions: those set here with their transition times, then the untouched existing ones. */
  public List<Condition> toList() {
    String now = timestamp(clock.instant());
    Map<String, Condition> merged = new LinkedHashMap<>();
    merged.putAll(existing);
    updated.forEach((type, condition) -> {
      Condition previous = existing.get(type);
      boolean unchanged = previous != null && previous.status() == condition.status()
          && previous.lastTransitionTime() != null;
      merged.put(type, new ConditionBuilder(condition)
          .withLastTransitionTime(unchanged ? previous.lastTransitionTime() : now)
          .build());
    });
    List<Condition> ordered = new ArrayList<>(merged.values());
    ordered.sort(ORDERING);
    return ordered;
  }

  /**
   * Merges desired conditions into existing ones: the desired ones win, with the lastTransitionTime derived as
   * described above; existing types not desired are kept.
   */
  public static List<Condition> merge(List<Condition> existing, List<Condition> desired, Clock clock) {
    Conditions conditions = new Conditions(existing, clock, null);
    for (Condition condition : desired == null ? List.<Condition>of() : desired) {
      conditions.updated.put(condition.type(), new ConditionBuilder(condition).withLastTransitionTime(null).build());
    }
    return conditions.toList();
  }

  /** A condition of a type in a list, or null. */
  public static Condition find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(condition -> type.equals(condition.type())).findFirst().orElse(null);
  }

  /** Whether a list has a condition of this type with status True. */
  public static boolean isTrue(List<Condition> conditions, String type) {
    Condition condition = find(conditions, type);
    return condition != null && condition.status() == ConditionStatus.TRUE;
  }

  /** RFC 3339 in UTC with second precision, as Kubernetes writes metav1.Time: {@code 2026-11-27T22:00:00Z}. */
  public static String timestamp(Instant instant) {
    return RFC3339.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static final Comparator<Condition> ORDERING = Comparator
      .comparingInt((Condition condition) -> {
        int index = ORDER.indexOf(condition.type());
        return index < 0 ? ORDER.size() : index;
      })
      .thenComparing(Condition::type);
}
