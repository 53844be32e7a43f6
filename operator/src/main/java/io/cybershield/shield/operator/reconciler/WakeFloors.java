package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
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
 * The wake-ups of the wake controller ({@link WakeReconciler}), handed to the floor controller
 * ({@link SurgeFloorReconciler}) as {@link SurgeDecisions} hands the floor controller's decisions on: an in-memory
 * fact per model and an event to the floor controller's queue when it changed. So the floor controller stays the only
 * writer of HPAs, and the ShieldModel controller learns of a wake-up with the floors it moved.
 * <p>
 * Only the latest wake per model is kept, and only for models with a parked pool; nothing depends on it surviving a
 * restart (the wake controller polls again at once).
 */
@Singleton
public class WakeFloors {

  private final Map<ResourceID, Wake> latest = new ConcurrentHashMap<>();
  private final SimpleInboundEventSource<ShieldModel> events = new SimpleInboundEventSource<>("wake-floors");

  /** Records the wake the gateways ask of a model now; one that changed reconciles the model's floors. */
  public void publish(ResourceID model, Wake wake) {
    Wake previous = latest.put(model, wake);
    if (!wake.equals(previous)) {
      propagate(model);
    }
  }

  /** The model has no parked pool (any more): a wake it had goes, and its floors are reconciled without it. */
  public void forget(ResourceID model) {
    if (latest.remove(model) != null) {
      propagate(model);
    }
  }

  /** The latest wake of the model, if it has a parked pool the wake controller polled since the operator started. */
  public Optional<Wake> latest(ResourceID model) {
    return Optional.ofNullable(latest.get(model));
  }

  /** Forgets the models that no longer exist. */
  public void retain(Set<ResourceID> existing) {
    latest.keySet().retainAll(existing);
  }

  public int size() {
    return latest.size();
  }

  private void propagate(ResourceID model) {
    if (events.isRunning()) {
      events.propagateEvent(model);
    }
  }

  /** The event source of the floor controller. */
  EventSource<Void, ShieldModel> eventSource() {
    return events;
  }
}
