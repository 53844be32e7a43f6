package io.cybershield.shield.sandbox.runtime;

import io.cybershield.shield.sandbox.server.ContainerLogs;
import io.cybershield.shield.sandbox.simulator.RealContainers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the workloads of the sandbox's pods for real: when a pod is Running with a (loopback) pod IP on a node, each
 * container whose image a {@link Launcher} of the {@link RuntimeConfig} handles is started, bound to the pod's IP
 * — a DJL Serving stand-in in this JVM, the Shield gateway as a process. It stops them when the pod is being
 * deleted, is gone, turns terminal or its node goes; a pod recreated under the same name (a new uid) gets fresh
 * workloads. It is also the {@link ContainerLogs} the API server's {@code pods/log} reads: what those workloads
 * print, the newest {@link RuntimeConfig#logLines()} lines a container.
 *
 * <p>It watches pods and nodes through its own informers and acts on one thread, so a pod's old workload has
 * stopped (its address and port are free) before a new pod that reuses the address starts. A container whose
 * launcher cannot run here (the gateway's jar is not built) stays simulated; the runtime says so once in its log
 * and with a {@code SandboxNotRun} Event on each such pod.
 */
public final class PodRuntime implements ContainerLogs, AutoCloseable {

  /** The reason of the Event on a pod whose container the runtime would run but cannot. */
  public static final String NOT_RUN_REASON = "SandboxNotRun";
  /** The component that Events of the runtime name as their source. */
  public static final String COMPONENT = "sandbox-runtime";

  private static final Logger LOG = LoggerFactory.getLogger(PodRuntime.class);

  private final KubernetesClient client;
  private final RuntimeConfig config;
  private final Path kubeconfig;
  private final ExecutorService executor;
  /** Pods that have (had) workloads, by uid; touched on the runtime's thread, read by log readers. */
  private final Map<String, PodWorkloads> pods = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final Set<String> notRunReported = ConcurrentHashMap.newKeySet();
  private volatile SharedIndexInformer<Pod> podInformer;
  private volatile SharedIndexInformer<Node> nodeInformer;
  private volatile boolean closed;

  /**
   * @param client     the client the runtime watches pods and reads ConfigMaps and Secrets with
   * @param kubeconfig a kubeconfig for the sandbox's API server, passed to processes as {@code KUBECONFIG}
   */
  public PodRuntime(KubernetesClient client, RuntimeConfig config, Path kubeconfig) {
    this.client = Objects.requireNonNull(client, "client");
    this.config = Objects.requireNonNull(config, "config");
    this.kubeconfig = kubeconfig;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "sandbox-runtime");
      t.setDaemon(true);
      return t;
    });
    try {
      this.secretVolumes = new SecretVolumes(client, java.nio.file.Files.createTempDirectory("shield-sandbox-volumes"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot make the directory of the Secret volumes", e);
    }
    this.secretRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sandbox-secret-volumes");
      t.setDaemon(true);
      return t;
    });
    // the kubelet updates a mounted Secret within its sync period; the sandbox within a second
    secretRefresh.scheduleWithFixedDelay(() -> {
      try {
        secretVolumes.refresh();
        if (!waitingForSecrets.isEmpty() && podInformer != null) {
          submit(() -> {
            for (String uid : List.copyOf(waitingForSecrets)) {
              waitingForSecrets.remove(uid);
              podInformer.getStore().list().stream().filter(p -> uid.equals(p.getMetadata().getUid()))
                  .findFirst().ifPresent(this::sync);
            }
          });
        }
      } catch (RuntimeException e) {
        LOG.debug("sandbox runtime: refreshing the Secret volumes: {}", e.toString());
      }
    }, 1, 1, TimeUnit.SECONDS);
  }

  private final SecretVolumes secretVolumes;
  /** Pods with a container waiting for a Secret its volume needs. */
  private final Set<String> waitingForSecrets = ConcurrentHashMap.newKeySet();
  private final Set<String> missingReported = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.ScheduledExecutorService secretRefresh;

  /**
   * Which containers this runtime runs, for the kubelet simulator to probe their readiness: those whose launcher
   * can run here. A pure function of the image, so it holds before the workload has started.
   */
  public RealContainers realContainers() {
    return (pod, container) -> {
      if (Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
        return false; // its IP is the node's, not a loopback address the runtime could bind
      }
      Launcher launcher = config.launcherFor(container.getImage());
      return launcher != null && launcher.unavailable() == null;
    };
  }

  /** Starts watching pods and nodes; returns once the caches have synced. */
  public synchronized PodRuntime start() {
    for (Launcher l : config.launchers()) {
      String why = l.unavailable();
      if (why != null && warned.add(why)) {
        LOG.warn("{}", why);
      }
    }
    nodeInformer = client.nodes().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        // pods bound to a node this cache did not have yet were skipped
        submit(() -> nodeAdded(node.getMetadata().getName()));
      }

      @Override
      public void onUpdate(Node oldNode, Node node) {
      }

      @Override
      public void onDelete(Node node, boolean unknown) {
        submit(() -> nodeGone(node.getMetadata().getName()));
      }
    }, 0);
    podInformer = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        submit(() -> sync(pod));
      }

      @Override
      public void onUpdate(Pod oldPod, Pod pod) {
        submit(() -> sync(pod));
      }

      @Override
      public void onDelete(Pod pod, boolean unknown) {
        submit(() -> gone(pod.getMetadata().getUid(), "its pod was deleted"));
      }
    }, 0);
    LOG.info("sandbox runtime started: {}", config.launchers());
    return this;
  }

  /** The workload of a container, while it runs (for tests and diagnostics). */
  public Optional<Workload> workload(String namespace, String pod, String container) {
    return find(namespace, pod).map(p -> p.containers.get(container)).map(c -> c.workload);
  }

  @Override
  public Subscription read(String namespace, String pod, String container, boolean follow, Consumer<String> onLine,
                           Runnable onEnd) {
    Optional<PodWorkloads> found = find(namespace, pod);
    ContainerRun run = found.map(p -> container == null ? p.containers.values().stream().findFirst().orElse(null)
        : p.containers.get(container)).orElse(null);
    if (run == null) {
      onEnd.run();
      return () -> { };
    }
    return run.log.read(follow, onLine, onEnd);
  }

  /** Stops every workload and waits until they have stopped. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (podInformer != null) {
      podInformer.stop();
    }
    if (nodeInformer != null) {
      nodeInformer.stop();
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (String uid : List.copyOf(pods.keySet())) {
      gone(uid, "the sandbox stops");
    }
    secretRefresh.shutdownNow();
    secretVolumes.close();
  }

  // ---------------------------------------------------------------- the runtime's thread

  private void submit(Runnable task) {
    if (closed) {
      return;
    }
    try {
      executor.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.warn("sandbox runtime: {}", e.toString(), e);
        }
      });
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void sync(Pod pod) {
    if (closed) {
      return;
    }
    String uid = pod.getMetadata().getUid();
    String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      stopWorkloads(uid, "its pod is being deleted");
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      stopWorkloads(uid, "its pod is " + phase);
      return;
    }
    String podIp = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    if (!"Running".equals(phase) || podIp == null || !podIp.startsWith("127.") || nodeName == null
        || nodeName.isEmpty() || Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
      return;
    }
    if (nodeInformer.getStore().getByKey(nodeName) == null) {
      return;
    }
    PodWorkloads workloads = pods.get(uid);
    for (Container c : pod.getSpec().getContainers()) {
      if (workloads != null && ((workloads.containers.containsKey(c.getName())
          && !workloads.containers.get(c.getName()).waitingForSecret) || workloads.stopped)) {
        continue;
      }
      Launcher launcher = config.launcherFor(c.getImage());
      if (launcher == null) {
        continue;
      }
      String why = launcher.unavailable();
      if (why != null) {
        notRun(pod, c, why);
        continue;
      }
      if (workloads == null) {
        workloads = new PodWorkloads(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), nodeName);
        pods.put(uid, workloads);
      }
      ContainerRun waiting = workloads.containers.get(c.getName());
      ContainerRun run = start(pod, c, podIp, launcher, waiting == null ? null : waiting.log);
      if (run.waitingForSecret) {
        // a Secret it mounts is missing: tried again when the Secret volumes are next refreshed, as the kubelet
        // retries a failed mount
        waitingForSecrets.add(uid);
      }
      workloads.containers.put(c.getName(), run);
    }
  }

  /** The system property naming a directory where every container's log lines are kept too (tests). */
  public static final String CONTAINER_LOG_DIR = "shield.sandbox.container-log-dir";

  private ContainerRun start(Pod pod, Container c, String podIp, Launcher launcher, ContainerLog waitingLog) {
    String where = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/" + c.getName();
    // a test run keeps what every container printed (shield.sandbox.container-log-dir), for the suite's log scan
    String archiveDir = System.getProperty(CONTAINER_LOG_DIR);
    ContainerLog log = waitingLog != null ? waitingLog : new ContainerLog(config.logLines(),
        archiveDir == null || archiveDir.isBlank() ? null
            : java.nio.file.Path.of(archiveDir, where.replace('/', '_') + ".log"));
    Map<String, String> env;
    try {
      env = secretVolumes.mount(pod, c, ContainerEnvironment.resolve(pod, c, client, log::append), log::append);
    } catch (SecretVolumes.MissingSecret e) {
      if (missingReported.add(pod.getMetadata().getUid() + "|" + c.getName())) {
        LOG.warn("cannot run {} yet: {}", where, e.getMessage());
        log.append("[sandbox] " + e.getMessage() + ": the container starts once it exists");
      }
      return new ContainerRun(log, null, true);
    }
    try {
      Workload workload = launcher.start(new WorkloadContext(pod, c, podIp, env, kubeconfig, log::append));
      workload.onEnd(log::end);
      LOG.info("running {} ({}) on {}: {}", where, c.getImage(), podIp, workload);
      return new ContainerRun(log, workload);
    } catch (RuntimeException e) {
      log.append("[sandbox] could not start " + c.getImage() + ": " + e.getMessage());
      log.end();
      LOG.warn("could not run {} ({}): {}", where, c.getImage(), e.getMessage());
      return new ContainerRun(log, null);
    }
  }

  private void notRun(Pod pod, Container c, String why) {
    if (warned.add(why)) {
      LOG.warn("{}", why);
    }
    if (!notRunReported.add(pod.getMetadata().getUid() + "|" + c.getName())) {
      return;
    }
    String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Event event = new EventBuilder()
        .withNewMetadata().withNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName() + "." + Long.toHexString(System.nanoTime())).endMetadata()
        .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid())
        .withFieldPath("spec.containers{" + c.getName() + "}").endInvolvedObject()
        .withType("Warning").withReason(NOT_RUN_REASON)
        .withMessage("Container " + c.getName() + " is only simulated: " + why)
        .withNewSource().withComponent(COMPONENT).withHost(pod.getSpec().getNodeName()).endSource()
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1).withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(pod.getMetadata().getNamespace()).resource(event).create();
    } catch (RuntimeException e) {
      LOG.debug("could not record the {} event of {}: {}", NOT_RUN_REASON, pod.getMetadata().getName(),
          e.getMessage());
    }
  }

  private void nodeAdded(String nodeName) {
    if (podInformer == null) {
      return;
    }
    for (Pod pod : podInformer.getStore().list()) {
      if (pod.getSpec() != null && nodeName.equals(pod.getSpec().getNodeName())) {
        sync(pod);
      }
    }
  }

  private void nodeGone(String nodeName) {
    for (Map.Entry<String, PodWorkloads> e : List.copyOf(pods.entrySet())) {
      if (nodeName.equals(e.getValue().nodeName)) {
        stopWorkloads(e.getKey(), "its node " + nodeName + " is gone");
      }
    }
  }

  /** Stops a pod's workloads; its logs stay readable until the pod is gone. */
  private void stopWorkloads(String uid, String why) {
    PodWorkloads workloads = pods.get(uid);
    if (workloads == null || workloads.stopped) {
      return;
    }
    workloads.stopped = true;
    for (Map.Entry<String, ContainerRun> e : workloads.containers.entrySet()) {
      ContainerRun run = e.getValue();
      if (run.workload != null) {
        LOG.info("stopping {}/{}/{}: {}", workloads.namespace, workloads.name, e.getKey(), why);
        try {
          run.workload.stop();
        } catch (RuntimeException ex) {
          LOG.warn("stopping {}/{}/{}: {}", workloads.namespace, workloads.name, e.getKey(), ex.toString());
        }
      }
      run.log.end();
    }
  }

  private void gone(String uid, String why) {
    stopWorkloads(uid, why);
    secretVolumes.unmount(uid);
    waitingForSecrets.remove(uid);
    missingReported.removeIf(k -> k.startsWith(uid + "|"));
    pods.remove(uid);
    notRunReported.removeIf(k -> k.startsWith(uid + "|"));
  }

  private Optional<PodWorkloads> find(String namespace, String pod) {
    PodWorkloads best = null;
    for (PodWorkloads p : pods.values()) {
      if (p.namespace.equals(namespace) && p.name.equals(pod) && (best == null || best.stopped)) {
        best = p;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The workloads of one pod (one uid), by container name. */
  private static final class PodWorkloads {
    final String namespace;
    final String name;
    final String nodeName;
    final Map<String, ContainerRun> containers = new ConcurrentHashMap<>();
    volatile boolean stopped;

    PodWorkloads(String namespace, String name, String nodeName) {
      this.namespace = namespace;
      this.name = name;
      this.nodeName = nodeName;
    }
  }

  /** A container's log and its workload ({@code null} when it could not start). */
  private record ContainerRun(ContainerLog log, Workload workload, boolean waitingForSecret) {

    ContainerRun(ContainerLog log, Workload workload) {
      this(log, workload, false);
    }
  }

  @Override
  public String toString() {
    List<String> running = new ArrayList<>();
    pods.values().forEach(p -> running.add(p.namespace + "/" + p.name + (p.stopped ? " (stopped)" : "")));
    return "PodRuntime" + running;
  }
}
