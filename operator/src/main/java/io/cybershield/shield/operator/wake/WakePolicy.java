package io.cybershield.shield.operator.wake;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayLoad;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether a model's parked private-cloud pool should wake, from its gateways' {@code /q/load} documents, one poll
 * after another. A variant shows a sign of work beyond the on-premises capacity when, in this poll,
 * <ul>
 * <li>its on-premises pool has queued work over all gateway replicas: the replicas' in-flight requests summed, less
 * the pool's capacity taken once (every replica sees the same pods), above 0 ({@link Wake#QUEUED_WORK}); or</li>
 * <li>a gateway replica refused more of its requests for want of a ready pod than at the last poll
 * ({@link Wake#UNSERVED_WORK}). Counts are compared per replica, so a replica that did not answer one poll, or one
 * that restarted (its count starts again at 0), is no sign; a replica seen for the first time only gives the count
 * to compare the next poll with.</li>
 * </ul>
 * A sign holds the variant's wake floor ({@value Wake#FLOOR}) for {@code hold} after it; the hold ends with no further
 * sign. Pure: the caller keeps the {@link State} between polls (in memory: after a restart the first poll starts
 * afresh, and the pool stays as the floor controller left it until then).
 */
public final class WakePolicy {

  private WakePolicy() {
  }

  /**
   * What is kept between two polls of one model.
   *
   * @param unservedByReplica per gateway replica (pod name), the unserved count per variant it last reported
   * @param held              per variant held awake: until when and the sign that woke it
   */
  public record State(Map<String, Map<String, Long>> unservedByReplica, Map<String, Held> held) {

    /** Before the first poll. */
    public static final State EMPTY = new State(Map.of(), Map.of());

    public State {
      unservedByReplica = Map.copyOf(unservedByReplica);
      held = Map.copyOf(held);
    }

    /** The wake this state asks for now: the floor of every variant still held. */
    public Wake wake(Instant now) {
      Map<String, Held> active = new TreeMap<>();
      held.forEach((variant, h) -> {
        if (now.isBefore(h.until())) {
          active.put(variant, h);
        }
      });
      if (active.isEmpty()) {
        return new Wake(Map.of(), Wake.NO_EXCESS_WORK, "no work beyond the on-premises capacity and none refused "
            + "for want of a ready pod: the private-cloud pool is parked");
      }
      Map<String, Integer> floors = active.keySet().stream()
          .collect(Collectors.toMap(variant -> variant, variant -> Wake.FLOOR));
      Held first = active.values().iterator().next();
      return new Wake(floors, first.reason(), active.values().stream().map(Held::message)
          .collect(Collectors.joining("; ")));
    }

    /** When the earliest hold ends, if any is held. */
    public Optional<Instant> nextLapse(Instant now) {
      return held.values().stream().map(Held::until).filter(now::isBefore).min(Instant::compareTo);
    }
  }

  /**
   * A variant held awake.
   *
   * @param until   when the hold ends without a further sign
   * @param reason  the reason of the sign that woke it
   * @param message the variant and the figure of that sign
   */
  public record Held(Instant until, String reason, String message) {
  }

  /**
   * The state after one poll.
   *
   * @param previous the state after the last poll ({@link State#EMPTY} before the first)
   * @param replicas the model's ready gateway pods this poll asked
   * @param answers  the documents of those that answered, by pod name
   * @param now      the poll's instant
   * @param hold     how long a sign holds the wake floor
   */
  public static State observe(State previous, Collection<String> replicas, Map<String, GatewayLoad> answers,
      Instant now, Duration hold) {
    Map<String, Map<String, Long>> unserved = new HashMap<>();
    Map<String, Long> unservedGrowth = new TreeMap<>();
    for (String replica : replicas) {
      GatewayLoad load = answers.get(replica);
      Map<String, Long> before = previous.unservedByReplica().get(replica);
      if (load == null) {
        if (before != null) {
          unserved.put(replica, before);
        }
        continue;
      }
      Map<String, Long> counts = new HashMap<>();
      for (GatewayLoad.VariantLoad variant : variants(load)) {
        counts.put(variant.name(), variant.unserved());
        Long was = before == null ? null : before.get(variant.name());
        if (was != null && variant.unserved() > was) {
          unservedGrowth.merge(variant.name(), variant.unserved() - was, Long::sum);
        }
      }
      unserved.put(replica, counts);
    }

    Map<String, Held> held = new HashMap<>();
    previous.held().forEach((variant, h) -> {
      if (now.isBefore(h.until())) {
        held.put(variant, h);
      }
    });
    Map<String, OnPrem> onPrem = onPrem(answers.values());
    for (Map.Entry<String, OnPrem> entry : onPrem.entrySet()) {
      long queued = entry.getValue().queued();
      if (queued > 0) {
        sign(held, entry.getKey(), now, hold, Wake.QUEUED_WORK, "variant " + entry.getKey() + ": " + queued + " "
            + requests(queued) + " beyond the on-premises capacity of " + entry.getValue().capacity() + " ("
            + entry.getValue().inflight() + " in flight over " + entry.getValue().replicas() + " gateway "
            + (entry.getValue().replicas() == 1 ? "replica" : "replicas") + ")");
      }
    }
    unservedGrowth.forEach((variant, growth) -> {
      if (!onPrem.containsKey(variant) || onPrem.get(variant).queued() == 0) {
        sign(held, variant, now, hold, Wake.UNSERVED_WORK, "variant " + variant + ": " + growth + " "
            + requests(growth) + " refused for want of a ready pod since the last poll");
      }
    });
    return new State(unserved, held);
  }

  /** A sign: the hold runs from now; a variant already held keeps the sign that woke it. */
  private static void sign(Map<String, Held> held, String variant, Instant now, Duration hold, String reason,
      String message) {
    Held was = held.get(variant);
    held.put(variant, was == null ? new Held(now.plus(hold), reason, message)
        : new Held(now.plus(hold), was.reason(), was.message()));
  }

  /** In flight summed over the replicas, capacity the largest any reports (all see the same pods). */
  private record OnPrem(long inflight, long capacity, int replicas) {
    long queued() {
      return Math.max(0, inflight - capacity);
    }
  }

  private static Map<String, OnPrem> onPrem(Collection<GatewayLoad> answers) {
    Map<String, OnPrem> byVariant = new TreeMap<>();
    for (GatewayLoad load : answers) {
      for (GatewayLoad.VariantLoad variant : variants(load)) {
        for (GatewayLoad.PoolLoad pool : variant.pools() == null ? List.<GatewayLoad.PoolLoad>of() : variant.pools()) {
          if (ShieldNames.POOL_ONPREM.equals(pool.pool())) {
            byVariant.merge(variant.name(), new OnPrem(pool.inflight(), pool.capacity(), 1),
                (a, b) -> new OnPrem(a.inflight() + b.inflight(), Math.max(a.capacity(), b.capacity()),
                    a.replicas() + b.replicas()));
          }
        }
      }
    }
    return byVariant;
  }

  private static List<GatewayLoad.VariantLoad> variants(GatewayLoad load) {
    return load.variants() == null ? List.of() : load.variants().stream().filter(v -> v.name() != null).toList();
  }

  private static String requests(long count) {
    return count == 1 ? "request" : "requests";
  }
}
