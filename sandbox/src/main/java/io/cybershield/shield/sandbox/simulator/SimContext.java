package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shared state of the simulator's controllers: the client, the informer caches, the single work queue (all
 * reconciles run one at a time on one thread, so controllers never race each other) and an overlay of objects the
 * simulator itself wrote and the informers have not delivered yet.
 */
final class SimContext {

  static final Logger LOG = LoggerFactory.getLogger("io.cybershield.shield.sandbox.simulator");
  static final String BY_OWNER = "byControllerUid";
  static final String BY_NODE = "byNodeName";
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  final KubernetesClient client;
  final SimulatorConfig config;
  final ScheduledExecutorService executor;
  final EventRecorder events;

  SharedIndexInformer<Node> nodes;
  SharedIndexInformer<Pod> pods;
  SharedIndexInformer<ReplicaSet> replicaSets;
  SharedIndexInformer<Deployment> deployments;
  SharedIndexInformer<Job> jobs;
  SharedIndexInformer<HorizontalPodAutoscaler> hpas;
  SharedIndexInformer<Service> services;
  SharedIndexInformer<EndpointSlice> endpointSlices;
  volatile boolean hpasAvailable = true;
  volatile boolean endpointSlicesAvailable = true;
  /** The containers the sandbox runs for real, whose readiness is probed instead of timed. */
  volatile RealContainers realContainers = RealContainers.NONE;

  private final LinkedHashSet<String> queue = new LinkedHashSet<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, HasMetadata> written = new ConcurrentHashMap<>();
  private volatile Reconciler reconciler;
  private volatile boolean closed;
  private boolean ready;

  interface Reconciler {
    void reconcile(String key);
  }

  SimContext(KubernetesClient client, SimulatorConfig config, ScheduledExecutorService executor,
             EventRecorder events) {
    this.client = client;
    this.config = config;
    this.executor = executor;
    this.events = events;
  }

  void setReconciler(Reconciler reconciler) {
    this.reconciler = reconciler;
  }

  Instant now() {
    return config.clock().instant();
  }

  String nowText() {
    return Times.format(now());
  }

  // ---------------------------------------------------------------- queue

  static String key(String kind, String namespace, String name) {
    return kind + "|" + (namespace == null ? "" : namespace) + "|" + name;
  }

  void enqueue(String key) {
    if (closed) {
      return;
    }
    synchronized (queue) {
      if (!queue.add(key) || !ready) {
        return;
      }
    }
    try {
      executor.execute(this::processNext);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  void enqueueAfter(String key, Duration delay) {
    if (closed) {
      return;
    }
    if (delay.isNegative() || delay.isZero()) {
      enqueue(key);
      return;
    }
    try {
      executor.schedule(() -> enqueue(key), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  /** Starts processing: until now keys were only collected. */
  void markReady() {
    int pending;
    synchronized (queue) {
      ready = true;
      pending = queue.size();
    }
    for (int i = 0; i < pending; i++) {
      try {
        executor.execute(this::processNext);
      } catch (RejectedExecutionException e) {
        return;
      }
    }
  }

  private void processNext() {
    String key;
    synchronized (queue) {
      Iterator<String> it = queue.iterator();
      if (!it.hasNext()) {
        return;
      }
      key = it.next();
      it.remove();
    }
    if (closed) {
      return;
    }
    try {
      reconciler.reconcile(key);
      failures.remove(key);
    } catch (KubernetesClientException e) {
      int n = failures.merge(key, 1, Integer::sum);
      long backoff = e.getCode() == 409 ? 10L << Math.min(n, 6) : Math.min(5000L, 50L << Math.min(n, 7));
      if (e.getCode() == 409) {
        LOG.debug("conflict on {} (attempt {}), retrying in {} ms", key, n, backoff);
      } else if (!closed) {
        LOG.warn("reconcile of {} failed (attempt {}): {}", key, n, e.getMessage());
      }
      enqueueAfter(key, Duration.ofMillis(backoff));
    } catch (RuntimeException e) {
      if (closed) {
        return;
      }
      int n = failures.merge(key, 1, Integer::sum);
      LOG.warn("reconcile of {} failed (attempt {})", key, n, e);
      enqueueAfter(key, Duration.ofMillis(Math.min(5000L, 100L << Math.min(n, 6))));
    }
  }

  void close() {
    closed = true;
  }

  boolean closed() {
    return closed;
  }

  // ---------------------------------------------------------------- caches

  static String cacheKey(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : Cache.namespaceKeyFunc(namespace, name);
  }

  <T extends HasMetadata> T cached(SharedIndexInformer<T> informer, String namespace, String name) {
    return fresh(informer.getStore().getByKey(cacheKey(namespace, name)));
  }

  <T extends HasMetadata> List<T> ownedBy(SharedIndexInformer<T> informer, String ownerUid) {
    return informer.getIndexer().byIndex(BY_OWNER, ownerUid).stream().map(this::fresh).toList();
  }

  List<Pod> podsOnNode(String nodeName) {
    return pods.getIndexer().byIndex(BY_NODE, nodeName).stream().map(this::fresh).toList();
  }

  /** The newer of the cached object and the last version this simulator wrote. */
  @SuppressWarnings("unchecked")
  <T extends HasMetadata> T fresh(T cached) {
    if (cached == null) {
      return null;
    }
    String k = writtenKey(cached);
    HasMetadata mine = written.get(k);
    if (mine == null) {
      return cached;
    }
    if (Objects.equals(mine.getMetadata().getUid(), cached.getMetadata().getUid())
        && newer(mine.getMetadata().getResourceVersion(), cached.getMetadata().getResourceVersion())) {
      return (T) mine;
    }
    written.remove(k, mine);
    return cached;
  }

  <T extends HasMetadata> T remember(T result) {
    if (result != null && result.getMetadata() != null && result.getMetadata().getResourceVersion() != null) {
      written.put(writtenKey(result), result);
    }
    return result;
  }

  void forget(HasMetadata obj) {
    written.remove(writtenKey(obj));
  }

  private static String writtenKey(HasMetadata o) {
    return o.getKind() + "|" + o.getMetadata().getNamespace() + "|" + o.getMetadata().getName();
  }

  private static boolean newer(String a, String b) {
    try {
      return Long.parseLong(a) > Long.parseLong(b);
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  static <T> T copy(T o) {
    return SERIALIZATION.clone(o);
  }

  // ---------------------------------------------------------------- ownership

  static Optional<OwnerReference> controllerRef(HasMetadata o) {
    return o.getMetadata().getOwnerReferences().stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst();
  }

  static String controllerUid(HasMetadata o) {
    return controllerRef(o).map(OwnerReference::getUid).orElse(null);
  }

  static OwnerReference ownerRefTo(HasMetadata owner) {
    OwnerReference r = new OwnerReference();
    r.setApiVersion(owner.getApiVersion());
    r.setKind(owner.getKind());
    r.setName(owner.getMetadata().getName());
    r.setUid(owner.getMetadata().getUid());
    r.setController(true);
    r.setBlockOwnerDeletion(true);
    return r;
  }

  /**
   * Whether the controller owner of {@code child} (of the given kind) is gone. The cache is consulted first, and a
   * miss is confirmed with a GET so that informer lag never makes the simulator delete a live object's children.
   */
  <O extends HasMetadata> boolean ownerGone(HasMetadata child, String ownerKind, SharedIndexInformer<O> ownerInformer,
                                            java.util.function.Supplier<O> liveGet) {
    Optional<OwnerReference> ref = controllerRef(child);
    if (ref.isEmpty() || !ownerKind.equals(ref.get().getKind())) {
      return false;
    }
    O owner = ownerInformer.getStore().getByKey(cacheKey(child.getMetadata().getNamespace(), ref.get().getName()));
    if (owner != null && ref.get().getUid().equals(owner.getMetadata().getUid())) {
      return false;
    }
    O live = liveGet.get();
    return live == null || !ref.get().getUid().equals(live.getMetadata().getUid());
  }
}
