package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.GoDurations;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelSpec;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.spec.IncidentSurge;
import io.cybershield.shield.api.v1alpha1.model.spec.PrivateCloudPool;
import io.cybershield.shield.api.v1alpha1.model.spec.SurgeFloors;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.api.v1alpha1.model.status.SurgeStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The incident surge of one ShieldModel, decided from plain inputs: the model (spec and its current status), the
 * ShieldIncidents of its namespace, the free GPUs of the private-cloud pool, and the time. Restart-safe: nothing is
 * remembered between calls; a cooldown is carried by the model's {@code status.surge} and the incidents.
 */
public final class SurgePolicy {

  /** Cooldown when {@code incidentSurge.cooldown} is unset (the CRD's default). */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(15);

  private static final Comparator<Severity> HIGHEST_FIRST =
      Comparator.nullsLast(Comparator.comparingInt(Severity::ordinal));

  private SurgePolicy() {
  }

  /**
   * The surge of {@code model} at {@code now}.
   *
   * @param incidentsInNamespace    the ShieldIncidents that exist (a deleted one is absent); incidents of other
   *                                namespaces or not selecting the model are ignored
   * @param freeCloudGpusByResource GPUs per extended resource the private-cloud pool can give this model,
   *                                including what its own cloud pods hold; a resource not in the map has none free;
   *                                null when unknown (no limit)
   */
  public static SurgeDecision decide(ShieldModel model, Collection<ShieldIncident> incidentsInNamespace,
                                     Map<String, Long> freeCloudGpusByResource, Instant now) {
    ShieldModelSpec spec = model.getSpec();
    IncidentSurge surge = spec.autoscaling() == null ? null : spec.autoscaling().incidentSurge();
    SurgeFloors floors = surge == null ? null : surge.floors();
    PrivateCloudPool cloud = spec.placement() == null ? null : spec.placement().privateCloud();
    boolean hasCloudPool = spec.dataClassification() != DataClassification.RESTRICTED
        && cloud != null && cloud.maxReplicas() != null && cloud.maxReplicas() > 0;
    int minReplicas = hasCloudPool && cloud.minReplicas() != null ? cloud.minReplicas() : 0;
    int maxReplicas = hasCloudPool ? cloud.maxReplicas() : 0;
    List<Variant> variants = spec.variants() == null ? List.of() : spec.variants();
    Budget budget = new Budget(variants, surge == null ? null : surge.maxGpus(), freeCloudGpusByResource,
        minReplicas);

    List<ShieldIncident> selecting = incidentsInNamespace.stream()
        .filter(incident -> incident.getSpec() != null && incident.getMetadata() != null)
        .filter(incident -> IncidentSelection.selects(incident, model))
        .toList();
    Map<ShieldIncident, IncidentState> states = new LinkedHashMap<>();
    selecting.forEach(incident -> states.put(incident, IncidentLifecycle.state(incident, now)));

    List<ActiveIncident> active = states.entrySet().stream()
        .filter(entry -> entry.getValue().active() || endPending(entry.getKey(), entry.getValue()))
        .map(entry -> new ActiveIncident(entry.getKey().getMetadata().getName(),
            entry.getKey().getSpec().severity(), floorFor(floors, entry.getKey().getSpec().severity())))
        .sorted(Comparator.comparing(ActiveIncident::severity, HIGHEST_FIRST)
            .thenComparing(ActiveIncident::name))
        .toList();

    if (!hasCloudPool) {
      return withoutCloudPool(model, active);
    }
    if (!active.isEmpty()) {
      Optional<Instant> nextExpiry = states.values().stream()
          .filter(IncidentState::active)
          .map(IncidentState::expiry)
          .filter(Objects::nonNull)
          .filter(now::isBefore)
          .min(Comparator.naturalOrder());
      SurgeDecision byActive = whileActive(active, minReplicas, maxReplicas, budget, variants, nextExpiry);
      Hold hold = heldWhileActive(model, surge, states, active, byActive.requestedFloor(), minReplicas, maxReplicas,
          now);
      return hold == null ? byActive : holding(byActive, hold, maxReplicas, budget, variants, nextExpiry);
    }
    return afterIncidents(model, surge, states, minReplicas, maxReplicas, budget, variants, now);
  }

  /**
   * A resolved incident whose end the incident controller has not recorded yet ({@code status.endTime}): for the
   * floors it stands a moment longer, until that record, so a cooldown always counts from the one recorded end. (Two
   * guesses of "now" made a second apart, one here and one by the incident controller, would report two different
   * cooldown ends.) An expired incident's end is its expiry, known to both: it never waits.
   */
  private static boolean endPending(ShieldIncident incident, IncidentState state) {
    return state.phase() == IncidentState.Phase.RESOLVED
        && (incident.getStatus() == null || incident.getStatus().endTime() == null)
        && (state.expiry() == null || !state.expiry().equals(state.endedAt()));
  }

  /** A floor held for a cooldown after the incident that asked for it ended. */
  private record Hold(int floor, Instant until, List<String> ended) {
  }

  /**
   * Incidents compose as a maximum over time: an incident starting never lowers the floor, and one ending lowers it
   * only after the cooldown, whether or not other incidents are still active. So while incidents are active, a
   * higher floor that an ended (or downgraded) incident asked for is held until its cooldown ends: the one recorded
   * in the status, or — when the drop is seen for the first time — the latest end among the incidents the status
   * listed as active that are no longer, plus the cooldown.
   */
  private static Hold heldWhileActive(ShieldModel model, IncidentSurge surge, Map<ShieldIncident, IncidentState> states,
                                      List<ActiveIncident> active, int activeRequested, int minReplicas,
                                      int maxReplicas, Instant now) {
    ShieldModelStatus status = model.getStatus();
    SurgeStatus previous = status == null ? null : status.surge();
    if (previous == null || previous.requestedFloor() == null
        || Math.min(previous.requestedFloor(), maxReplicas) <= Math.max(activeRequested, minReplicas)) {
      return null;
    }
    Instant recorded = IncidentLifecycle.instant(previous.cooldownUntil());
    if (recorded != null) {
      return now.isBefore(recorded) ? new Hold(previous.requestedFloor(), recorded, List.of()) : null;
    }
    Set<String> stillActive = active.stream().map(ActiveIncident::name).collect(Collectors.toSet());
    List<ActiveIncident> gone = status.activeIncidents() == null ? List.of() : status.activeIncidents()
        .stream().filter(a -> !stillActive.contains(a.name())).toList();
    List<String> ended = new ArrayList<>();
    Instant end = gone.isEmpty() ? now.truncatedTo(ChronoUnit.SECONDS) : lastEnd(gone, states, now, ended);
    Instant until = end.plus(cooldown(surge));
    return now.isBefore(until) ? new Hold(previous.requestedFloor(), until, ended) : null;
  }

  /** The active incidents' decision, with the held floor above theirs until the hold ends. */
  private static SurgeDecision holding(SurgeDecision byActive, Hold hold, int maxReplicas, Budget budget,
                                       List<Variant> variants, Optional<Instant> nextExpiry) {
    Budget.Cut cut = budget.cut(Math.min(hold.floor(), maxReplicas));
    Instant next = nextExpiry.filter(expiry -> expiry.isBefore(hold.until())).orElse(hold.until());
    String after = hold.ended().isEmpty() ? "a higher surge ended" : incidents(hold.ended()) + " ended";
    String message = byActive.message() + "; the floor of " + cut.floor() + " is held until " + hold.until()
        + " after " + after + (cut.shortfall() > 0 ? " (budget allows " + cut.floor() + ": short " + cut.shortfall()
        + ")" : "");
    return new SurgeDecision(byActive.activeIncidents(), byActive.severity(), cut.requested(), cut.floor(),
        byActive.minReplicas(), cut.shortfall(), cut.shortGpusTotal(), cut.shortGpus(),
        floorByVariant(variants, cut.floor()), hold.until(), Optional.of(next),
        cut.shortfall() > 0 ? SurgeDecision.BUDGET_LIMITED : SurgeDecision.INCIDENT_ACTIVE, message);
  }

  private static SurgeDecision whileActive(List<ActiveIncident> active, int minReplicas, int maxReplicas,
                                           Budget budget, List<Variant> variants, Optional<Instant> nextExpiry) {
    Severity severity = active.get(0).severity();
    ActiveIncident raiser = active.stream()
        .filter(incident -> incident.floor() != null)
        .max(Comparator.comparingInt(ActiveIncident::floor)
            .thenComparing(ActiveIncident::severity, HIGHEST_FIRST.reversed())
            .thenComparing(ActiveIncident::name, Comparator.reverseOrder()))
        .orElse(null);
    Budget.Cut cut = budget.cut(raiser == null ? 0 : Math.min(raiser.floor(), maxReplicas));
    int requested = cut.requested();
    int floor = cut.floor();
    int shortfall = cut.shortfall();
    Map<String, Long> shortGpus = cut.shortGpus();
    long shortGpusTotal = cut.shortGpusTotal();

    String reason;
    String message;
    String more = active.size() > 1 ? " (" + active.size() + " active incidents)" : "";
    if (raiser == null || requested <= minReplicas) {
      reason = SurgeDecision.INCIDENT_ACTIVE;
      message = describe(active.get(0)) + " is active" + more + " but asks for no private-cloud floor above "
          + minReplicas;
    } else if (shortfall > 0) {
      reason = SurgeDecision.BUDGET_LIMITED;
      message = describe(raiser) + " raises the private-cloud floor to " + requested + more + " (budget allows "
          + floor + ": short " + shortfall + " replica" + (shortfall == 1 ? "" : "s") + ", "
          + gpuList(shortGpus) + ")";
    } else {
      reason = SurgeDecision.INCIDENT_ACTIVE;
      message = describe(raiser) + " raises the private-cloud floor to " + floor + more;
    }
    return new SurgeDecision(active, severity, requested, floor, minReplicas, shortfall, shortGpusTotal,
        shortGpus, floorByVariant(variants, floor), null, nextExpiry, reason, message);
  }

  /** No active incident: hold the previous surge floor for the cooldown if the model was surging, else idle. */
  private static SurgeDecision afterIncidents(ShieldModel model, IncidentSurge surge,
                                              Map<ShieldIncident, IncidentState> states, int minReplicas,
                                              int maxReplicas, Budget budget, List<Variant> variants, Instant now) {
    ShieldModelStatus status = model.getStatus();
    List<ActiveIncident> previouslyActive = status == null || status.activeIncidents() == null ? List.of()
        : status.activeIncidents();
    SurgeStatus previous = status == null ? null : status.surge();
    Instant recordedCooldown = previous == null ? null : IncidentLifecycle.instant(previous.cooldownUntil());
    Integer previousFloor = previous == null ? null : previous.floor();
    boolean coolingInStatus = previousFloor != null && previousFloor > minReplicas
        && recordedCooldown != null && now.isBefore(recordedCooldown);

    if (previouslyActive.isEmpty() && !coolingInStatus) {
      return idle(minReplicas, variants, "no active incident selects this model");
    }

    int held = previousFloor != null ? previousFloor
        : previouslyActive.stream().map(ActiveIncident::floor).filter(Objects::nonNull)
            .mapToInt(Integer::intValue).max().orElse(0);
    Budget.Cut cut = budget.cut(Math.min(held, maxReplicas));
    int floor = cut.floor();

    List<String> endedNames = new ArrayList<>();
    Instant cooldownUntil;
    if (recordedCooldown != null && previouslyActive.isEmpty()) {
      cooldownUntil = recordedCooldown;
      states.entrySet().stream().filter(e -> e.getValue().endedAt() != null)
          .map(e -> e.getKey().getMetadata().getName()).sorted().forEach(endedNames::add);
    } else {
      cooldownUntil = lastEnd(previouslyActive, states, now, endedNames).plus(cooldown(surge));
    }
    if (floor <= minReplicas || !now.isBefore(cooldownUntil)) {
      return idle(minReplicas, variants, "no active incident selects this model"
          + (floor > minReplicas ? "; the cooldown ended at " + cooldownUntil : ""));
    }

    Severity severity = previous != null && previous.severity() != null ? previous.severity()
        : previouslyActive.stream().map(ActiveIncident::severity).filter(Objects::nonNull)
            .min(HIGHEST_FIRST).orElse(null);
    String after = endedNames.isEmpty() ? "the last incident" : incidents(endedNames);
    String message = "private-cloud floor held at " + floor + ": cooling down until " + cooldownUntil + " after "
        + after + " ended";
    return new SurgeDecision(List.of(), severity, cut.requested(), floor, minReplicas, cut.shortfall(),
        cut.shortGpusTotal(), cut.shortGpus(), floorByVariant(variants, floor), cooldownUntil, Optional.of(cooldownUntil), SurgeDecision.COOLING_DOWN, message);
  }

  /**
   * When the surge ended: the latest end of the incidents the status recorded as active (an incident that vanished
   * or stopped selecting the model ended now); without such a record, the latest end of the selecting incidents
   * that ended, or now.
   */
  private static Instant lastEnd(List<ActiveIncident> previouslyActive, Map<ShieldIncident, IncidentState> states,
                                 Instant now, List<String> endedNames) {
    Map<String, IncidentState> byName = new HashMap<>();
    states.forEach((incident, state) -> byName.put(incident.getMetadata().getName(), state));
    Instant latest = null;
    Set<String> names = previouslyActive.isEmpty()
        ? states.entrySet().stream().filter(e -> e.getValue().endedAt() != null)
            .map(e -> e.getKey().getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new))
        : previouslyActive.stream().map(ActiveIncident::name).collect(Collectors.toCollection(
            TreeSet::new));
    for (String name : names) {
      IncidentState state = byName.get(name);
      Instant end = state == null || state.endedAt() == null ? now.truncatedTo(ChronoUnit.SECONDS)
          : state.endedAt();
      latest = latest == null || end.isAfter(latest) ? end : latest;
      endedNames.add(name);
    }
    return latest == null ? now.truncatedTo(ChronoUnit.SECONDS) : latest;
  }

  private static SurgeDecision idle(int minReplicas, List<Variant> variants, String message) {
    return new SurgeDecision(List.of(), null, 0, minReplicas, minReplicas, 0, 0, Map.of(),
        floorByVariant(variants, minReplicas), null, Optional.empty(), SurgeDecision.NO_ACTIVE_INCIDENT, message);
  }

  /** Restricted data, or no private-cloud pool: nothing ever surges, whatever selects the model. */
  private static SurgeDecision withoutCloudPool(ShieldModel model, List<ActiveIncident> active) {
    boolean restricted = model.getSpec().dataClassification() == DataClassification.RESTRICTED;
    String why = restricted ? "restricted model stays on premises" : "model has no private-cloud pool";
    if (active.isEmpty()) {
      return new SurgeDecision(List.of(), null, 0, 0, 0, 0, 0, Map.of(), Map.of(), null, Optional.empty(),
          SurgeDecision.NO_ACTIVE_INCIDENT, "no active incident selects this model; " + why);
    }
    return new SurgeDecision(active, active.get(0).severity(), 0, 0, 0, 0, 0, Map.of(), Map.of(), null,
        Optional.empty(), SurgeDecision.INCIDENT_ACTIVE, describe(active.get(0)) + " is active but the " + why
        + ": no private-cloud surge");
  }

  private static Map<String, Integer> floorByVariant(List<Variant> variants, int floor) {
    Map<String, Integer> byVariant = new TreeMap<>();
    variants.stream().filter(variant -> variant.name() != null)
        .forEach(variant -> byVariant.put(variant.name(), floor));
    return byVariant;
  }

  static Integer floorFor(SurgeFloors floors, Severity severity) {
    if (floors == null || severity == null) {
      return null;
    }
    return switch (severity) {
      case CRITICAL -> floors.critical();
      case HIGH -> floors.high();
      case MEDIUM -> floors.medium();
      case LOW -> floors.low();
    };
  }

  /** {@code incidentSurge.cooldown}, or {@link #DEFAULT_COOLDOWN}. */
  private static Duration cooldown(IncidentSurge surge) {
    return GoDurations.parseOr(surge == null ? null : surge.cooldown(), DEFAULT_COOLDOWN);
  }

  /** "incident a" or "incidents a, b", for messages. */
  private static String incidents(List<String> names) {
    return (names.size() == 1 ? "incident " : "incidents ") + String.join(", ", names);
  }

  private static String describe(ActiveIncident incident) {
    String severity = incident.severity() == null ? "" : incident.severity().name().toLowerCase() + " ";
    return severity + "incident " + incident.name();
  }

  private static String gpuList(Map<String, Long> gpus) {
    return gpus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(" + "));
  }

  /** The GPUs of the private-cloud pool at a floor, and the largest floor the budget and the pool allow. */
  private record Budget(List<Variant> variants, Integer maxGpus, Map<String, Long> free, int minReplicas) {

    /** A requested floor cut to the budget: the floor that fits, and what the rest would have needed. */
    record Cut(int requested, int floor, int shortfall, Map<String, Long> shortGpus) {

      long shortGpusTotal() {
        return shortGpus.values().stream().mapToLong(Long::longValue).sum();
      }
    }

    Cut cut(int requested) {
      int floor = largestFloor(requested);
      int shortfall = Math.max(0, requested - floor);
      return new Cut(requested, floor, shortfall, gpus(shortfall));
    }

    /** The largest floor at most {@code requested} that fits, never below minReplicas. */
    int largestFloor(int requested) {
      int floor = requested;
      while (floor > minReplicas && !fits(floor)) {
        floor--;
      }
      return Math.max(floor, minReplicas);
    }

    boolean fits(int floor) {
      Map<String, Long> need = gpus(floor);
      long total = need.values().stream().mapToLong(Long::longValue).sum();
      if (maxGpus != null && total > maxGpus) {
        return false;
      }
      return free == null || need.entrySet().stream()
          .allMatch(e -> e.getValue() <= free.getOrDefault(e.getKey(), 0L));
    }

    /** GPUs per resource of {@code replicas} of every variant; CPU-only variants need none. */
    Map<String, Long> gpus(int replicas) {
      Map<String, Long> need = new TreeMap<>();
      if (replicas <= 0) {
        return need;
      }
      for (Variant variant : variants) {
        GpuRequest gpu = variant.gpu();
        if (gpu == null || gpu.count() == null || gpu.count() <= 0) {
          continue;
        }
        String resource = gpu.resource() == null ? GpuRequest.NVIDIA_GPU : gpu.resource();
        need.merge(resource, (long) replicas * gpu.count(), Long::sum);
      }
      return need;
    }
  }
}
