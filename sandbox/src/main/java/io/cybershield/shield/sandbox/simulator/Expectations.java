package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pods a controller created or deleted that its informer has not reflected yet (the "expectations" of
 * kube-controller-manager), so that a reconcile running before the watch event neither creates nor deletes twice.
 */
final class Expectations {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Map<String, Instant>> creates = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Instant>> deletes = new ConcurrentHashMap<>();

  void expectCreate(String ownerUid, String podName, Instant now) {
    creates.computeIfAbsent(ownerUid, k -> new ConcurrentHashMap<>()).put(podName, now);
  }

  void expectDelete(String ownerUid, String podName, Instant now) {
    deletes.computeIfAbsent(ownerUid, k -> new ConcurrentHashMap<>()).put(podName, now);
  }

  /** Settles the expectations against the owned pods the cache shows now. */
  void observe(String ownerUid, List<Pod> cached, Instant now) {
    Set<String> names = new java.util.HashSet<>();
    cached.forEach(p -> names.add(p.getMetadata().getName()));
    Map<String, Instant> c = creates.get(ownerUid);
    if (c != null) {
      c.entrySet().removeIf(e -> names.contains(e.getKey()) || e.getValue().plus(TIMEOUT).isBefore(now));
    }
    Map<String, Instant> d = deletes.get(ownerUid);
    if (d != null) {
      d.entrySet().removeIf(e -> !names.contains(e.getKey()) || e.getValue().plus(TIMEOUT).isBefore(now));
    }
  }

  int pendingCreates(String ownerUid) {
    Map<String, Instant> c = creates.get(ownerUid);
    return c == null ? 0 : c.size();
  }

  boolean deleting(String ownerUid, String podName) {
    Map<String, Instant> d = deletes.get(ownerUid);
    return d != null && d.containsKey(podName);
  }

  void forget(String ownerUid) {
    creates.remove(ownerUid);
    deletes.remove(ownerUid);
  }
}
