package io.cybershield.shield.operator.capacity;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The last {@link GpuCapacity} computed, reused while the informer caches hold exactly the same Node and Pod objects.
 * An informer replaces an object on every change and never mutates one, so "the same instances" means "the same
 * cluster": an exact test, not a heuristic. Reconciles in a burst (an incident selecting many models) then share one
 * computation instead of each walking every pod of the cluster.
 */
public final class CapacityMemo {

  private record Snapshot(Set<Object> nodes, Set<Object> pods, GpuCapacity capacity) {

    boolean holds(Collection<Node> currentNodes, Collection<Pod> currentPods) {
      return nodes.size() == currentNodes.size() && pods.size() == currentPods.size()
          && nodes.containsAll(currentNodes) && pods.containsAll(currentPods);
    }
  }

  private volatile Snapshot last;

  /** The capacity of these nodes and pods, computed or reused. */
  public GpuCapacity capacity(Collection<Node> nodes, Collection<Pod> pods) {
    Snapshot snapshot = last;
    if (snapshot != null && snapshot.holds(nodes, pods)) {
      return snapshot.capacity();
    }
    GpuCapacity capacity = GpuCapacity.of(nodes, pods);
    last = new Snapshot(identitySet(nodes), identitySet(pods), capacity);
    return capacity;
  }

  private static Set<Object> identitySet(Collection<?> objects) {
    Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>(objects.size() * 2));
    set.addAll(objects);
    return set;
  }
}
