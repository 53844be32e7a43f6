package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The sandbox's simulated data plane and controllers: kubelets for a {@link NodeInventory} of GPU and CPU nodes, a
 * scheduler, and the Deployment, ReplicaSet, Job, HPA and EndpointSlice controllers. It talks to the API server only
 * through the given client (informers for reads, ordinary writes), so it works against any API server.
 *
 * <p>All reconciles run one at a time on a single thread, are level-triggered (everything is derived from the
 * objects each time) and idempotent, so a new simulator started against an existing cluster picks up where the
 * cluster is. Timed transitions (pod start, readiness, job containers finishing, deadlines) are scheduled on the
 * same executor.
 */
public final class ClusterSimulator implements AutoCloseable {

  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);

  private final KubernetesClient client;
  private final SimulatorConfig config;
  private final NodeInventory inventory;
  private final ScheduledExecutorService executor;
  private final ExecutorService eventExecutor;
  private final SimContext ctx;
  private final NodeController nodeController;
  private final SchedulerController scheduler;
  private final KubeletController kubelet;
  private final ReplicaSetController replicaSetController;
  private final DeploymentController deploymentController;
  private final JobController jobController;
  private final HpaController hpaController;
  private final EndpointSliceController endpointSliceController;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private boolean started;
  private boolean closed;

  /** A simulator with the {@linkplain NodeInventory#defaultInventory() default node inventory}. */
  public ClusterSimulator(KubernetesClient client, SimulatorConfig config) {
    this(client, config, NodeInventory.defaultInventory());
  }

  /**
   * @param inventory the Nodes to create (or replace) at start; {@code null} creates none and only simulates the
   *                  Nodes that exist or are added later
   */
  public ClusterSimulator(KubernetesClient client, SimulatorConfig config, NodeInventory inventory) {
    this.client = Objects.requireNonNull(client, "client");
    this.config = Objects.requireNonNull(config, "config");
    this.inventory = inventory;
    ScheduledThreadPoolExecutor ses = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "sandbox-simulator");
      t.setDaemon(true);
      return t;
    });
    ses.setRemoveOnCancelPolicy(true);
    ses.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = ses;
    this.eventExecutor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "sandbox-simulator-events");
      t.setDaemon(true);
      return t;
    });
    EventRecorder events = new EventRecorder(client, eventExecutor, config.clock());
    this.ctx = new SimContext(client, config, executor, events);
    this.nodeController = new NodeController(ctx);
    this.scheduler = new SchedulerController(ctx);
    this.kubelet = new KubeletController(ctx);
    this.replicaSetController = new ReplicaSetController(ctx);
    this.deploymentController = new DeploymentController(ctx);
    this.jobController = new JobController(ctx);
    this.hpaController = new HpaController(ctx);
    this.endpointSliceController = new EndpointSliceController(ctx);
    ctx.setReconciler(this::dispatch);
  }

  /**
   * Tells the kubelets which containers the sandbox runs for real, so that their readiness follows their readiness
   * probes; call it before {@link #start()}. By default every container is only simulated.
   */
  public ClusterSimulator realContainers(RealContainers real) {
    ctx.realContainers = Objects.requireNonNull(real, "real");
    return this;
  }

  public SimulatorConfig config() {
    return config;
  }

  /** The inventory this simulator creates at start (may be null). */
  public NodeInventory inventory() {
    return inventory;
  }

  /**
   * Creates the inventory's Nodes, starts the informers, waits until they have synced and reconciles everything
   * once. Returns when the simulator is running.
   */
  public synchronized ClusterSimulator start() {
    if (started) {
      return this;
    }
    if (closed) {
      throw new IllegalStateException("simulator is closed");
    }
    started = true;
    if (inventory != null) {
      try {
        nodeController.applyInventory(inventory);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    try {
      ctx.events.prime(client.v1().events().inAnyNamespace().list().getItems(), java.util.Set.of(
          SchedulerAlgorithm.DEFAULT_SCHEDULER, KubeletController.COMPONENT, ReplicaSetController.COMPONENT,
          DeploymentController.COMPONENT, JobController.COMPONENT));
    } catch (RuntimeException e) {
      SimContext.LOG.debug("could not list existing events: {}", e.getMessage());
    }
    ctx.nodes = informer(client.nodes().runnableInformer(0), Map.of(), this::onNode);
    ctx.pods = informer(client.pods().inAnyNamespace().runnableInformer(0), Map.of(
        SimContext.BY_OWNER, ClusterSimulator::controllerUidIndex,
        SimContext.BY_NODE, p -> p.getSpec() == null || p.getSpec().getNodeName() == null
            || p.getSpec().getNodeName().isEmpty() ? List.of() : List.of(p.getSpec().getNodeName())), this::onPod);
    ctx.replicaSets = informer(client.apps().replicaSets().inAnyNamespace().runnableInformer(0),
        Map.of(SimContext.BY_OWNER, ClusterSimulator::controllerUidIndex), this::onReplicaSet);
    ctx.deployments = informer(client.apps().deployments().inAnyNamespace().runnableInformer(0), Map.of(),
        this::onDeployment);
    ctx.jobs = informer(client.batch().v1().jobs().inAnyNamespace().runnableInformer(0), Map.of(), this::onJob);
    ctx.hpas = informer(client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().runnableInformer(0),
        Map.of(), this::onHpa);
    ctx.services = informer(client.services().inAnyNamespace().runnableInformer(0), Map.of(), this::onService);
    ctx.endpointSlices = informer(client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0),
        Map.of(), this::onEndpointSlice);
    List<CompletableFuture<Void>> syncs = new ArrayList<>();
    for (SharedIndexInformer<?> i : informers) {
      syncs.add(i.start().toCompletableFuture());
    }
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    for (int i = 0; i < syncs.size(); i++) {
      try {
        syncs.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while starting the simulator", e);
      } catch (ExecutionException | TimeoutException e) {
        if (informers.get(i) == ctx.hpas) {
          // HPAs are optional: an API server without autoscaling/v2 still gets a working simulator
          SimContext.LOG.warn("not simulating HorizontalPodAutoscalers: {}", e.getMessage());
          ctx.hpas.stop();
          ctx.hpasAvailable = false;
          continue;
        }
        if (informers.get(i) == ctx.endpointSlices) {
          SimContext.LOG.warn("not maintaining EndpointSlices: {}", e.getMessage());
          ctx.endpointSlices.stop();
          ctx.endpointSlicesAvailable = false;
          continue;
        }
        close();
        throw new IllegalStateException("simulator informers did not sync: " + e.getMessage(), e);
      }
    }
    // full resync: every object once, then the scheduler
    ctx.nodes.getStore().list().forEach(n -> ctx.enqueue(SimContext.key("node", null, n.getMetadata().getName())));
    ctx.deployments.getStore().list().forEach(d -> ctx.enqueue(key("deploy", d)));
    ctx.replicaSets.getStore().list().forEach(r -> ctx.enqueue(key("rs", r)));
    ctx.jobs.getStore().list().forEach(j -> ctx.enqueue(key("job", j)));
    ctx.pods.getStore().list().forEach(p -> ctx.enqueue(key("pod", p)));
    if (ctx.hpasAvailable) {
      ctx.hpas.getStore().list().forEach(h -> ctx.enqueue(key("hpa", h)));
    }
    if (ctx.endpointSlicesAvailable) {
      ctx.services.getStore().list().forEach(s -> ctx.enqueue(key("svc", s)));
      // slices of Services deleted while no simulator ran
      ctx.endpointSlices.getStore().list().forEach(this::enqueueService);
    }
    ctx.enqueue(SchedulerController.KEY);
    // nothing is reconciled before every cache has synced (a ReplicaSet must never count pods on a partial cache)
    ctx.markReady();
    SimContext.LOG.info("sandbox simulator started: {} node(s), {} pod(s)", ctx.nodes.getStore().list().size(),
        ctx.pods.getStore().list().size());
    SimContext.LOG.debug("nodes:\n{}", nodeSummary());
    return this;
  }

  /** A table of the Nodes the cluster has now (all of them, not only the inventory's). */
  public String nodeSummary() {
    List<Node> nodes = ctx.nodes == null ? client.nodes().list().getItems() : ctx.nodes.getStore().list();
    return NodeInventory.summary(nodes.stream().sorted((a, b) -> a.getMetadata().getName()
        .compareTo(b.getMetadata().getName())).toList());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ctx.close();
    ctx.events.close();
    kubelet.close();
    informers.forEach(SharedIndexInformer::stop);
    executor.shutdownNow();
    eventExecutor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
      eventExecutor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- wiring

  private <T extends HasMetadata> SharedIndexInformer<T> informer(SharedIndexInformer<T> informer,
                                                                 Map<String, Function<T, List<String>>> indexers,
                                                                 Handler<T> handler) {
    if (!indexers.isEmpty()) {
      informer.addIndexers(indexers);
    }
    informer.addEventHandler(new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T obj) {
        handler.handle(null, obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        handler.handle(oldObj, newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        handler.deleted(obj);
      }
    });
    informers.add(informer);
    return informer;
  }

  private interface Handler<T> {
    void handle(T oldObj, T newObj);

    default void deleted(T obj) {
      handle(obj, null);
    }
  }

  private static List<String> controllerUidIndex(HasMetadata o) {
    String uid = SimContext.controllerUid(o);
    return uid == null ? List.of() : List.of(uid);
  }

  private static String key(String kind, HasMetadata o) {
    return SimContext.key(kind, o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  private void onNode(Node oldNode, Node node) {
    Node any = node != null ? node : oldNode;
    ctx.enqueue(SimContext.key("node", null, any.getMetadata().getName()));
    ctx.enqueue(SchedulerController.KEY);
    if (node == null || (oldNode != null && !Objects.equals(SchedulerAlgorithm.readyStatus(oldNode),
        SchedulerAlgorithm.readyStatus(node)))) {
      ctx.pods.getIndexer().byIndex(SimContext.BY_NODE, any.getMetadata().getName())
          .forEach(p -> ctx.enqueue(key("pod", p)));
    }
  }

  private void onPod(Pod oldPod, Pod pod) {
    Pod any = pod != null ? pod : oldPod;
    if (pod == null) {
      ctx.forget(oldPod);
    }
    if (pod != null && pod.getSpec() != null && pod.getSpec().getNodeName() != null
        && !pod.getSpec().getNodeName().isEmpty()) {
      ctx.enqueue(key("pod", pod));
    }
    SimContext.controllerRef(any).ifPresent(ref -> {
      if ("ReplicaSet".equals(ref.getKind())) {
        ctx.enqueue(SimContext.key("rs", any.getMetadata().getNamespace(), ref.getName()));
      } else if ("Job".equals(ref.getKind())) {
        ctx.enqueue(SimContext.key("job", any.getMetadata().getNamespace(), ref.getName()));
      }
    });
    enqueueServicesOf(oldPod, pod);
    if (pod == null || oldPod == null || SchedulerAlgorithm.needsScheduling(pod)
        || !Objects.equals(oldPod.getSpec().getNodeName(), pod.getSpec().getNodeName())
        || PodResources.isTerminal(oldPod) != PodResources.isTerminal(pod)) {
      ctx.enqueue(SchedulerController.KEY);
    }
  }

  private void onService(Service oldService, Service service) {
    ctx.enqueue(key("svc", service != null ? service : oldService));
  }

  private void onEndpointSlice(EndpointSlice oldSlice, EndpointSlice slice) {
    EndpointSlice any = slice != null ? slice : oldSlice;
    if (slice == null) {
      ctx.forget(oldSlice);
    }
    enqueueService(any);
  }

  private void enqueueService(EndpointSlice slice) {
    Map<String, String> labels = slice.getMetadata().getLabels();
    if (labels != null
        && EndpointSliceController.MANAGED_BY.equals(labels.get(EndpointSliceController.MANAGED_BY_LABEL))
        && labels.get(EndpointSliceController.SERVICE_NAME_LABEL) != null) {
      ctx.enqueue(SimContext.key("svc", slice.getMetadata().getNamespace(),
          labels.get(EndpointSliceController.SERVICE_NAME_LABEL)));
    }
  }

  /** The Services whose selector picks the pod as it was or as it is now. */
  private void enqueueServicesOf(Pod oldPod, Pod pod) {
    if (!ctx.endpointSlicesAvailable || ctx.services == null) {
      return;
    }
    Pod any = pod != null ? pod : oldPod;
    for (Service s : ctx.services.getStore().list()) {
      if (!Objects.equals(s.getMetadata().getNamespace(), any.getMetadata().getNamespace()) || s.getSpec() == null
          || s.getSpec().getSelector() == null || s.getSpec().getSelector().isEmpty()) {
        continue;
      }
      if ((pod != null && EndpointSliceController.selects(s.getSpec().getSelector(), pod))
          || (oldPod != null && EndpointSliceController.selects(s.getSpec().getSelector(), oldPod))) {
        ctx.enqueue(key("svc", s));
      }
    }
  }

  private void onReplicaSet(ReplicaSet oldRs, ReplicaSet rs) {
    ReplicaSet any = rs != null ? rs : oldRs;
    ctx.enqueue(key("rs", any));
    SimContext.controllerRef(any).filter(r -> "Deployment".equals(r.getKind()))
        .ifPresent(r -> ctx.enqueue(SimContext.key("deploy", any.getMetadata().getNamespace(), r.getName())));
    if (rs == null) {
      ctx.forget(oldRs);
      ctx.pods.getIndexer().byIndex(SimContext.BY_OWNER, oldRs.getMetadata().getUid())
          .forEach(p -> ctx.enqueue(key("pod", p)));
    }
  }

  private void onDeployment(Deployment oldD, Deployment d) {
    Deployment any = d != null ? d : oldD;
    ctx.enqueue(key("deploy", any));
    if (d == null) {
      ctx.forget(oldD);
      ctx.replicaSets.getIndexer().byIndex(SimContext.BY_OWNER, oldD.getMetadata().getUid())
          .forEach(r -> ctx.enqueue(key("rs", r)));
    }
    if (!ctx.hpasAvailable) {
      return;
    }
    ctx.hpas.getStore().list().stream()
        .filter(h -> Objects.equals(h.getMetadata().getNamespace(), any.getMetadata().getNamespace()))
        .filter(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
            && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
            && any.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
        .forEach(h -> ctx.enqueue(key("hpa", h)));
  }

  private void onJob(Job oldJob, Job job) {
    Job any = job != null ? job : oldJob;
    ctx.enqueue(key("job", any));
    if (job == null) {
      ctx.forget(oldJob);
      ctx.pods.getIndexer().byIndex(SimContext.BY_OWNER, oldJob.getMetadata().getUid())
          .forEach(p -> ctx.enqueue(key("pod", p)));
    }
  }

  private void onHpa(HorizontalPodAutoscaler oldH, HorizontalPodAutoscaler h) {
    ctx.enqueue(key("hpa", h != null ? h : oldH));
  }

  private void dispatch(String key) {
    String[] parts = key.split("\\|", 3);
    String ns = parts[1].isEmpty() ? null : parts[1];
    String name = parts[2];
    switch (parts[0]) {
      case "node" -> nodeController.reconcile(name);
      case "scheduler" -> scheduler.pass();
      case "pod" -> kubelet.reconcile(ns, name);
      case "rs" -> replicaSetController.reconcile(ns, name);
      case "deploy" -> deploymentController.reconcile(ns, name);
      case "job" -> jobController.reconcile(ns, name);
      case "hpa" -> hpaController.reconcile(ns, name);
      case "svc" -> {
        if (ctx.endpointSlicesAvailable) {
          endpointSliceController.reconcile(ns, name);
        }
      }
      default -> SimContext.LOG.warn("unknown work item {}", key);
    }
  }
}
