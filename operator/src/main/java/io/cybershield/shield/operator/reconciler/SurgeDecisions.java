package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.cybershield.shield.operator.wake.Wake;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The surge decisions of the floor controller ({@link SurgeFloorReconciler}), handed to the ShieldModel controller
 * ({@link ShieldModelReconciler}) through an inbound event source: the floor controller decides and writes the floors;
 * a decision that changed then reconciles the model, whose status reports it. So an incident reaches the model
 * controller only after the floors it moved are written, and a floor never waits behind a model's full rebuild.
 * <p>
 * Only the latest decision per model is kept, and nothing depends on it surviving a restart: the floor controller
 * decides again from the cluster on its first reconcile, and until then the model's status keeps what it reported.
 */
@Singleton
public class SurgeDecisions {

  private final Map<ResourceID, Applied> latest = new ConcurrentHashMap<>();
  private final SimpleInboundEventSource<ShieldModel> events = new SimpleInboundEventSource<>("surge-decisions");

  /**
   * Records the decision just applied to the model's floors, with the floor its HPAs carry after the write; one
   * that changes what the model reports reconciles the model. The first decision for a model whose status reports no
   * surge, while nothing asks for one, changes nothing it reports: a new model's next reconcile picks it up without
   * an extra one.
   */
  public void publish(ShieldModel model, SurgeDecision decision, int carriedFloor) {
    publish(model, decision, carriedFloor, decision.floorByVariant(), null);
  }

  /**
   * As {@link #publish(ShieldModel, SurgeDecision, int)}, with the floors applied ({@code max(surge, wake)} per
   * variant) and the wake the gateways asked for (null when the model has no parked pool). A first decision while a
   * wake holds, or for a model whose status reports one, is news.
   */
  public void publish(ShieldModel model, SurgeDecision decision, int carriedFloor, Map<String, Integer> floorByVariant,
      Wake wake) {
    ResourceID id = ResourceID.fromResource(model);
    Applied applied = new Applied(decision, carriedFloor, floorByVariant, wake);
    Applied previous = latest.put(id, applied);
    boolean news = previous == null
        ? !decision.quiet() || reportsSurge(model) || (wake != null && wake.waking()) || reportsWaking(model)
        : !applied.equals(previous);
    if (news && events.isRunning()) {
      events.propagateEvent(id);
    }
  }

  private static boolean reportsSurge(ShieldModel model) {
    var status = model.getStatus();
    return status != null && (status.surge() != null || status.activeIncidents() != null
        || status.condition(ShieldModelStatus.SURGING).map(c -> c.status() == ConditionStatus.TRUE)
            .orElse(false));
  }

  private static boolean reportsWaking(ShieldModel model) {
    var status = model.getStatus();
    return status != null && status.condition(ShieldModelStatus.WAKING)
        .map(c -> c.status() == ConditionStatus.TRUE).orElse(false);
  }

  /**
   * A surge decision as applied: the decision, the floor the model's cloud HPAs carry after its write, the floor per
   * variant written ({@code max(surge floor, wake floor)}) and the wake it took in (null without a parked pool).
   */
  public record Applied(SurgeDecision decision, int carriedFloor, Map<String, Integer> floorByVariant, Wake wake) {

    public Applied {
      floorByVariant = Map.copyOf(floorByVariant);
    }

    /** A decision with no wake: its own floors. */
    public Applied(SurgeDecision decision, int carriedFloor) {
      this(decision, carriedFloor, decision.floorByVariant(), null);
    }
  }

  /** The latest decision for the model, if the floor controller has made one since the operator started. */
  public Optional<Applied> latest(ResourceID model) {
    return Optional.ofNullable(latest.get(model));
  }

  /** Forgets the models that no longer exist. */
  public void retain(Set<ResourceID> existing) {
    latest.keySet().retainAll(existing);
  }

  public int size() {
    return latest.size();
  }

  /** The event source of the ShieldModel controller. */
  EventSource<Void, ShieldModel> eventSource() {
    return events;
  }
}
