package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the kubelet for every node: bound pods get ContainerCreating, then Running after the start delay, then
 * Ready after the readiness delay. Containers whose image starts with {@value #JOB_IMAGE_PREFIX} run for
 * {@code SANDBOX_DURATION} and exit with {@code SANDBOX_EXIT_CODE} and {@code SANDBOX_TERMINATION_MESSAGE}; all other
 * containers run until the pod is deleted; {@code SANDBOX_READY=false} or an image starting with
 * {@value #UNREADY_IMAGE_PREFIX} never turns ready, {@code SANDBOX_READY_DELAY} overrides the readiness delay. A
 * container the sandbox runs for real ({@link RealContainers}) is ready while its readiness probe passes against
 * the pod IP instead. Pods get distinct loopback pod IPs. Pods of deleted nodes, ReplicaSets and Jobs are deleted.
 */
final class KubeletController {

  static final String JOB_IMAGE_PREFIX = "sandbox.local/job";
  static final String ENV_DURATION = "SANDBOX_DURATION";
  static final String ENV_EXIT_CODE = "SANDBOX_EXIT_CODE";
  static final String ENV_MESSAGE = "SANDBOX_TERMINATION_MESSAGE";
  static final String ENV_READY = "SANDBOX_READY";
  static final String ENV_READY_DELAY = "SANDBOX_READY_DELAY";
  static final String UNREADY_IMAGE_PREFIX = "sandbox.local/unready";
  static final String COMPONENT = "kubelet";
  /** Pod IPs are {@code 127.244.0.2} upward, to {@code 127.255.255.254}. */
  static final int POD_RANGE_FIRST_OCTET = 244;
  static final int POD_RANGE_SIZE = (256 - POD_RANGE_FIRST_OCTET) * 256 * 253;

  private final SimContext ctx;
  private final ReadinessProber prober;
  /** Precise times (statuses only carry seconds): pod uid to acknowledge time, and container run starts. */
  private final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, Instant> runningSince = new ConcurrentHashMap<>();
  /** Pod IPs this kubelet handed out, by pod uid, until the pod is gone (the cache may not show them yet). */
  private final Map<String, String> podIps = new ConcurrentHashMap<>();

  KubeletController(SimContext ctx) {
    this.ctx = ctx;
    this.prober = new ReadinessProber(ctx);
  }

  void close() {
    prober.close();
  }

  /**
   * The one place where what the sandbox really runs changes the kubelet: such a container is Ready while its
   * readiness probe passes against the pod IP ({@link ReadinessProber}), not after the simulated delay.
   */
  private boolean runsForReal(Pod pod, Container c) {
    return !isJobContainer(c) && ctx.realContainers.runs(pod, c);
  }

  void reconcile(String ns, String name) {
    Pod pod = ctx.cached(ctx.pods, ns, name);
    if (pod == null) {
      purge();
      return;
    }
    String uid = pod.getMetadata().getUid();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      if (pod.getMetadata().getFinalizers().isEmpty()) {
        // graceful deletion: the containers are "stopped" at once and the kubelet removes the pod
        ctx.client.pods().inNamespace(ns).withName(name).withGracePeriod(0).delete();
      }
      forget(uid);
      return;
    }
    String nodeName = pod.getSpec().getNodeName();
    if (nodeName == null || nodeName.isEmpty()) {
      return;
    }
    if (orphaned(pod)) {
      SimContext.LOG.info("deleting pod {}/{}: its {} is gone", ns, name,
          SimContext.controllerRef(pod).map(r -> r.getKind() + " " + r.getName()).orElse("node " + nodeName));
      ctx.client.pods().inNamespace(ns).withName(name).delete();
      forget(uid);
      return;
    }
    if (PodResources.isTerminal(pod)) {
      forget(uid);
      return;
    }
    Node node = ctx.cached(ctx.nodes, null, nodeName);
    if (node == null) {
      return; // orphaned() confirmed the node exists; the informer will deliver it
    }
    Instant now = ctx.now();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    if (!"True".equals(SchedulerAlgorithm.readyStatus(node)) && !"Running".equals(status.getPhase())) {
      return; // a kubelet that is not ready starts nothing; the node's next change requeues its pods
    }
    if (status.getStartTime() == null) {
      if (admit(pod, node, now)) {
        acknowledge(pod, node, now);
      }
      return;
    }
    if (!"Running".equals(status.getPhase())) {
      Instant ack = acknowledged.computeIfAbsent(uid, u -> orNow(Times.parse(status.getStartTime()), now));
      Instant due = ack.plus(ctx.config.podStartDelay());
      if (now.isBefore(due)) {
        ctx.enqueueAfter(key(pod), Duration.between(now, due));
        return;
      }
      start(pod, node, now);
      return;
    }
    advance(pod, now);
  }

  private boolean orphaned(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    String nodeName = pod.getSpec().getNodeName();
    if (ctx.nodes.getStore().getByKey(nodeName) == null && ctx.client.nodes().withName(nodeName).get() == null) {
      return true;
    }
    return SimContext.controllerRef(pod).map(ref -> switch (ref.getKind()) {
      case "ReplicaSet" -> ctx.ownerGone(pod, "ReplicaSet", ctx.replicaSets,
          () -> ctx.client.apps().replicaSets().inNamespace(ns).withName(ref.getName()).get());
      case "Job" -> ctx.ownerGone(pod, "Job", ctx.jobs,
          () -> ctx.client.batch().v1().jobs().inNamespace(ns).withName(ref.getName()).get());
      default -> false;
    }).orElse(false);
  }

  // ---------------------------------------------------------------- phases

  /**
   * Kubelet admission, which matters for pods bound without the scheduler (spec.nodeName set by their author): a pod
   * that does not match the node or does not fit next to the pods the kubelet already admitted is Failed.
   */
  private boolean admit(Pod pod, Node node, Instant now) {
    String reason = null;
    String message = null;
    if (!SchedulerAlgorithm.matchesNodeSelectorAndAffinity(pod, node)) {
      reason = "NodeAffinity";
      message = "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector";
    } else {
      List<Pod> admitted = ctx.podsOnNode(node.getMetadata().getName()).stream()
          .filter(p -> !p.getMetadata().getUid().equals(pod.getMetadata().getUid()))
          .filter(p -> p.getStatus() != null && p.getStatus().getStartTime() != null && !PodResources.isTerminal(p))
          .toList();
      Map<String, java.math.BigDecimal> want = PodResources.requests(pod);
      SchedulerAlgorithm.FilterStatus fit = SchedulerAlgorithm.fitsResources(want, admitted, node);
      if (!fit.fits()) {
        String first = fit.reasons().get(0);
        String res = first.equals("Too many pods") ? "pods" : first.substring("Insufficient ".length());
        Map<String, java.math.BigDecimal> used = new java.util.TreeMap<>();
        admitted.forEach(p -> PodResources.add(used, PodResources.requests(p)));
        used.put("pods", java.math.BigDecimal.valueOf(admitted.size()));
        Map<String, java.math.BigDecimal> requested = new java.util.TreeMap<>(want);
        requested.put("pods", java.math.BigDecimal.ONE);
        Map<String, java.math.BigDecimal> capacity = PodResources.allocatable(node);
        java.math.BigDecimal scale = "cpu".equals(res) ? java.math.BigDecimal.valueOf(1000) : java.math.BigDecimal.ONE;
        reason = "OutOf" + res;
        message = String.format("Pod was rejected: Node didn't have enough resource: %s, requested: %s, used: %s, "
            + "capacity: %s", res,
            PodResources.format(requested.getOrDefault(res, java.math.BigDecimal.ZERO).multiply(scale)),
            PodResources.format(used.getOrDefault(res, java.math.BigDecimal.ZERO).multiply(scale)),
            PodResources.format(capacity.getOrDefault(res, java.math.BigDecimal.ZERO).multiply(scale)));
      }
    }
    if (reason == null) {
      return true;
    }
    Pod next = SimContext.copy(pod);
    PodStatus s = next.getStatus() == null ? new PodStatus() : next.getStatus();
    next.setStatus(s);
    s.setPhase("Failed");
    s.setReason(reason);
    s.setMessage(message);
    s.setStartTime(Times.format(now));
    Pod written = write(next);
    if (written != null) {
      ctx.events.warning(written, reason, message, COMPONENT, node.getMetadata().getName());
    }
    return false;
  }

  private void acknowledge(Pod pod, Node node, Instant now) {
    Pod next = SimContext.copy(pod);
    PodStatus s = next.getStatus() == null ? new PodStatus() : next.getStatus();
    next.setStatus(s);
    String t = Times.format(now);
    s.setPhase("Pending");
    s.setStartTime(t);
    String hostIp = hostIp(node);
    s.setHostIP(hostIp);
    s.setHostIPs(List.of(new HostIP(hostIp)));
    s.setQosClass(qosClass(pod));
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      statuses.add(new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withImageID("")
          .withReady(false).withStarted(false).withRestartCount(0)
          .withState(new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating").endWaiting().build())
          .build());
    }
    s.setContainerStatuses(statuses);
    setConditions(s, "Pending", false, unready(pod.getSpec().getContainers().stream().map(Container::getName).toList()),
        t);
    write(next);
    acknowledged.put(pod.getMetadata().getUid(), now);
    ctx.enqueueAfter(key(pod), ctx.config.podStartDelay());
  }

  private void start(Pod pod, Node node, Instant now) {
    Pod next = SimContext.copy(pod);
    PodStatus s = next.getStatus();
    String t = Times.format(now);
    String uid = pod.getMetadata().getUid();
    s.setPhase("Running");
    if (s.getHostIP() == null) {
      s.setHostIP(hostIp(node));
      s.setHostIPs(List.of(new HostIP(s.getHostIP())));
    }
    String podIp = Boolean.TRUE.equals(pod.getSpec().getHostNetwork()) ? s.getHostIP() : allocatePodIp(pod);
    s.setPodIP(podIp);
    s.setPodIPs(List.of(new PodIP(podIp)));
    List<ContainerStatus> init = new ArrayList<>();
    for (Container c : pod.getSpec().getInitContainers()) {
      boolean sidecar = "Always".equals(c.getRestartPolicy());
      ContainerState state = sidecar
          ? new ContainerStateBuilder().withNewRunning(t).build()
          : new ContainerStateBuilder().withNewTerminated().withExitCode(0).withReason("Completed").withStartedAt(t)
              .withFinishedAt(t).withContainerID(containerId(uid, c.getName(), 0)).endTerminated().build();
      init.add(new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
          .withImageID(imageId(c.getImage())).withContainerID(containerId(uid, c.getName(), 0))
          .withReady(true).withStarted(sidecar).withRestartCount(0).withState(state).build());
    }
    s.setInitContainerStatuses(init);
    List<ContainerStatus> statuses = new ArrayList<>();
    boolean allReady = true;
    List<String> unready = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      Instant due = readinessDue(c, now);
      boolean ready = !runsForReal(pod, c) && due != null && !due.isAfter(now);
      runningSince.put(runKey(uid, c.getName(), 0), now);
      statuses.add(running(uid, c, 0, t, ready, null));
      if (!ready) {
        allReady = false;
        unready.add(c.getName());
      }
    }
    s.setContainerStatuses(statuses);
    setConditions(s, "Running", allReady, unready(unready), t);
    Pod written = write(next);
    if (written != null) {
      for (Container c : pod.getSpec().getContainers()) {
        String field = "spec.containers{" + c.getName() + "}";
        ctx.events.record(written, field, "Normal", "Pulled",
            "Container image \"" + c.getImage() + "\" already present on machine", COMPONENT, node.getMetadata().getName());
        ctx.events.record(written, field, "Normal", "Created", "Created container: " + c.getName(), COMPONENT,
            node.getMetadata().getName());
        ctx.events.record(written, field, "Normal", "Started", "Started container " + c.getName(), COMPONENT,
            node.getMetadata().getName());
      }
    }
    ctx.enqueue(key(pod));
  }

  /** Running pod: readiness, job containers finishing, restarts, terminal phase. */
  private void advance(Pod pod, Instant now) {
    Pod next = SimContext.copy(pod);
    PodStatus s = next.getStatus();
    String uid = pod.getMetadata().getUid();
    String restartPolicy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
    Instant wake = null;
    List<ContainerStatus> out = new ArrayList<>();
    List<String> unready = new ArrayList<>();
    boolean allTerminated = true;
    boolean anyFailed = false;
    List<String> restarted = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      ContainerStatus found = s.getContainerStatuses().stream().filter(x -> c.getName().equals(x.getName()))
          .findFirst().orElse(null);
      if (found == null || found.getState() == null
          || (found.getState().getRunning() == null && found.getState().getTerminated() == null)) {
        runningSince.put(runKey(uid, c.getName(), 0), now);
        found = running(uid, c, 0, Times.format(now), false, null);
      }
      final ContainerStatus cs = found;
      int rc = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      if (cs.getState().getRunning() != null) {
        String rk = runKey(uid, c.getName(), rc);
        Instant since = runningSince.computeIfAbsent(rk,
            k -> orNow(Times.parse(cs.getState().getRunning().getStartedAt()), now));
        if (isJobContainer(c)) {
          JobScript script = JobScript.of(c, ctx.config.defaultJobDuration());
          Instant end = since.plus(script.duration());
          if (!now.isBefore(end)) {
            ContainerState terminated = new ContainerStateBuilder().withNewTerminated()
                .withExitCode(script.exitCode())
                .withReason(script.exitCode() == 0 ? "Completed" : "Error")
                .withMessage(script.message().isEmpty() ? null : script.message())
                .withStartedAt(cs.getState().getRunning().getStartedAt())
                .withFinishedAt(Times.format(now))
                .withContainerID(cs.getContainerID())
                .endTerminated().build();
            boolean restart = "Always".equals(restartPolicy)
                || ("OnFailure".equals(restartPolicy) && script.exitCode() != 0);
            if (restart) {
              runningSince.remove(rk);
              runningSince.put(runKey(uid, c.getName(), rc + 1), now);
              out.add(running(uid, c, rc + 1, Times.format(now), false, terminated));
              unready.add(c.getName());
              allTerminated = false;
              restarted.add(c.getName());
              wake = min(wake, now.plus(script.duration()));
              continue;
            }
            runningSince.remove(rk);
            ContainerStatus done = new ContainerStatusBuilder(cs).withReady(false).withStarted(false)
                .withState(terminated).build();
            out.add(done);
            anyFailed |= script.exitCode() != 0;
            unready.add(c.getName());
            continue;
          }
          wake = min(wake, end);
        }
        allTerminated = false;
        boolean ready = Boolean.TRUE.equals(cs.getReady());
        if (runsForReal(pod, c)) {
          ready = prober.ready(pod, c);
        } else if (!ready) {
          Instant readyAt = readinessDue(c, since);
          if (readyAt != null && !now.isBefore(readyAt)) {
            ready = true;
          } else if (readyAt != null) {
            wake = min(wake, readyAt);
          }
        }
        if (!ready) {
          unready.add(c.getName());
        }
        out.add(new ContainerStatusBuilder(cs).withReady(ready).withStarted(true).build());
      } else {
        ContainerStatus done = cs;
        anyFailed |= done.getState().getTerminated().getExitCode() != null
            && done.getState().getTerminated().getExitCode() != 0;
        unready.add(c.getName());
        out.add(done);
      }
    }
    s.setContainerStatuses(out);
    String t = Times.format(now);
    if (allTerminated) {
      String phase = anyFailed ? "Failed" : "Succeeded";
      s.setPhase(phase);
      setConditions(s, phase, false, null, t);
    } else {
      setConditions(s, "Running", unready.isEmpty(), unready(unready), t);
    }
    if (!Objects.equals(s, pod.getStatus())) {
      Pod written = write(next);
      if (written != null) {
        for (String c : restarted) {
          ctx.events.record(written, "spec.containers{" + c + "}", "Normal", "Started", "Started container " + c,
              COMPONENT, pod.getSpec().getNodeName());
        }
      }
    }
    if (allTerminated) {
      forget(uid);
    } else if (wake != null) {
      ctx.enqueueAfter(key(pod), Duration.between(now, wake));
    }
  }

  // ---------------------------------------------------------------- helpers

  private Pod write(Pod next) {
    try {
      return ctx.remember(ctx.client.pods().inNamespace(next.getMetadata().getNamespace()).resource(next)
          .updateStatus());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private ContainerStatus running(String uid, Container c, int restartCount, String startedAt, boolean ready,
                                  ContainerState lastState) {
    return new ContainerStatusBuilder()
        .withName(c.getName())
        .withImage(c.getImage())
        .withImageID(imageId(c.getImage()))
        .withContainerID(containerId(uid, c.getName(), restartCount))
        .withReady(ready)
        .withStarted(true)
        .withRestartCount(restartCount)
        .withState(new ContainerStateBuilder().withNewRunning(startedAt).build())
        .withLastState(lastState == null ? new ContainerState() : lastState)
        .build();
  }

  /** When the container turns ready; {@code null} for never ({@code SANDBOX_READY=false} or an unready image). */
  private Instant readinessDue(Container c, Instant since) {
    if (neverReady(c)) {
      return null;
    }
    String override = env(c, ENV_READY_DELAY);
    if (override != null) {
      try {
        return since.plus(Times.environmentDuration(override));
      } catch (IllegalArgumentException e) {
        SimContext.LOG.warn("ignoring invalid {}={} of container {}", ENV_READY_DELAY, override, c.getName());
      }
    }
    long probeSeconds = 0;
    for (Probe p : new Probe[] {c.getStartupProbe(), c.getReadinessProbe()}) {
      if (p != null && p.getInitialDelaySeconds() != null) {
        probeSeconds += p.getInitialDelaySeconds();
      }
    }
    long probeMillis = (long) (probeSeconds * 1000 * ctx.config.probeDelayFactor());
    return since.plus(ctx.config.readinessDelay()).plusMillis(probeMillis);
  }

  /**
   * Whether a container never turns ready: {@code SANDBOX_READY=false}, an image starting with
   * {@value #UNREADY_IMAGE_PREFIX}, or any environment value containing {@value #UNREADY_IMAGE_PREFIX} — so that
   * weights at a uri such as {@code s3://models/m/sandbox.local/unready/r2} (which the model server gets in its
   * environment) script a rollout that never becomes available.
   */
  static boolean neverReady(Container c) {
    return (c.getImage() != null && c.getImage().startsWith(UNREADY_IMAGE_PREFIX))
        || "false".equalsIgnoreCase(String.valueOf(env(c, ENV_READY)).trim())
        || c.getEnv().stream().anyMatch(e -> e.getValue() != null && e.getValue().contains(UNREADY_IMAGE_PREFIX));
  }

  static String env(Container c, String name) {
    return c.getEnv().stream().filter(e -> name.equals(e.getName()) && e.getValue() != null)
        .map(EnvVar::getValue).findFirst().orElse(null);
  }


  static boolean isJobContainer(Container c) {
    return c.getImage() != null && c.getImage().startsWith(JOB_IMAGE_PREFIX);
  }

  /** What a {@code sandbox.local/job} container does, from its environment. */
  record JobScript(Duration duration, int exitCode, String message) {
    static JobScript of(Container c, Duration defaultDuration) {
      Duration d = defaultDuration;
      int code = 0;
      String msg = "";
      for (EnvVar e : c.getEnv()) {
        if (e.getValue() == null) {
          continue;
        }
        try {
          switch (e.getName()) {
            case ENV_DURATION -> d = Times.environmentDuration(e.getValue());
            case ENV_EXIT_CODE -> code = Integer.parseInt(e.getValue().trim());
            case ENV_MESSAGE -> msg = e.getValue();
            default -> {
            }
          }
        } catch (IllegalArgumentException ex) {
          SimContext.LOG.warn("ignoring invalid {}={} of container {}", e.getName(), e.getValue(), c.getName());
        }
      }
      return new JobScript(d.isNegative() ? Duration.ZERO : d, code, msg);
    }
  }

  static void setConditions(PodStatus s, String phase, boolean ready, String unreadyMessage, String time) {
    boolean terminal = "Succeeded".equals(phase) || "Failed".equals(phase);
    String terminalReason = "Succeeded".equals(phase) ? "PodCompleted" : "PodFailed";
    boolean sandboxReady = "Running".equals(phase);
    List<PodCondition> desired = List.of(
        cond("PodReadyToStartContainers", sandboxReady ? "True" : "False", null, null, time),
        cond("Initialized", "True", "Succeeded".equals(phase) ? "PodCompleted" : null, null, time),
        terminal ? cond("Ready", "False", terminalReason, null, time)
            : cond("Ready", ready ? "True" : "False", ready ? null : "ContainersNotReady", ready ? null : unreadyMessage,
                time),
        terminal ? cond("ContainersReady", "False", terminalReason, null, time)
            : cond("ContainersReady", ready ? "True" : "False", ready ? null : "ContainersNotReady",
                ready ? null : unreadyMessage, time),
        cond("PodScheduled", "True", null, null, time));
    List<PodCondition> result = new ArrayList<>();
    for (PodCondition d : desired) {
      PodCondition old = SchedulerController.condition(s, d.getType());
      if (old != null && Objects.equals(old.getStatus(), d.getStatus()) && old.getLastTransitionTime() != null) {
        d.setLastTransitionTime(old.getLastTransitionTime());
      }
      result.add(d);
    }
    s.setConditions(result);
  }

  private static PodCondition cond(String type, String status, String reason, String message, String time) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(time).build();
  }

  private static String unready(List<String> names) {
    return names.isEmpty() ? null : "containers with unready status: [" + String.join(" ", names) + "]";
  }

  static String qosClass(Pod pod) {
    boolean any = false;
    boolean guaranteed = true;
    List<Container> all = new ArrayList<>(pod.getSpec().getContainers());
    all.addAll(pod.getSpec().getInitContainers());
    for (Container c : all) {
      Map<String, Quantity> limits = c.getResources() == null || c.getResources().getLimits() == null ? Map.of()
          : c.getResources().getLimits();
      Map<String, Quantity> requests = c.getResources() == null || c.getResources().getRequests() == null ? Map.of()
          : c.getResources().getRequests();
      for (String r : List.of("cpu", "memory")) {
        Quantity l = limits.get(r);
        Quantity q = requests.get(r);
        if (l != null || q != null) {
          any = true;
        }
        if (l == null || (q != null && q.getNumericalAmount().compareTo(l.getNumericalAmount()) != 0)) {
          guaranteed = false;
        }
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  private String hostIp(Node node) {
    if (node.getStatus() != null) {
      for (NodeAddress a : node.getStatus().getAddresses()) {
        if ("InternalIP".equals(a.getType())) {
          return a.getAddress();
        }
      }
    }
    int h = Math.floorMod(node.getMetadata().getName().hashCode(), 250 * 250);
    return "10.0." + (h / 250 + 1) + "." + (h % 250 + 2);
  }

  /**
   * The lowest loopback address of the pod range that no other live pod holds, cluster-wide: {@code 127.244.0.2}
   * upward ({@code .0}, {@code .1} and {@code .255} of each /24 are skipped, and {@code 127.0.0.x}, where local
   * services listen, is never used). Loopback addresses, so that what the sandbox runs for real (a DJL Serving
   * stand-in, a gateway process) can listen on its pod's IP. An address is taken by the pods the cache holds with
   * an IP and by what this kubelet handed out and the cache has not delivered yet; a gone pod's address is free.
   */
  private String allocatePodIp(Pod pod) {
    Set<String> live = new HashSet<>();
    Set<String> used = new HashSet<>();
    for (Pod other : ctx.pods.getStore().list()) {
      String otherUid = other.getMetadata().getUid();
      if (PodResources.isTerminal(other)) {
        continue;
      }
      live.add(otherUid);
      if (!otherUid.equals(pod.getMetadata().getUid()) && other.getStatus() != null
          && other.getStatus().getPodIP() != null && !Boolean.TRUE.equals(other.getSpec().getHostNetwork())) {
        used.add(other.getStatus().getPodIP());
      }
    }
    podIps.keySet().retainAll(live);
    podIps.forEach((uid, ip) -> {
      if (!uid.equals(pod.getMetadata().getUid())) {
        used.add(ip);
      }
    });
    for (int n = 0; n < POD_RANGE_SIZE; n++) {
      String candidate = podIpAt(n);
      if (!used.contains(candidate)) {
        podIps.put(pod.getMetadata().getUid(), candidate);
        return candidate;
      }
    }
    throw new IllegalStateException("the sandbox's pod address range 127.244.0.0-127.255.255.255 is exhausted");
  }

  /** The {@code n}-th address of the pod range (253 per /24, from {@code 127.244.0.2}). */
  static String podIpAt(int n) {
    int block = n / 253;
    int host = n % 253 + 2;
    int second = POD_RANGE_FIRST_OCTET + block / 256;
    return "127." + second + "." + (block % 256) + "." + host;
  }

  static String imageId(String image) {
    if (image == null) {
      return "";
    }
    String repo = image;
    int at = repo.indexOf('@');
    if (at >= 0) {
      return repo.contains("/") || repo.startsWith("docker.io") ? image : "docker.io/library/" + image;
    }
    int slash = repo.lastIndexOf('/');
    int colon = repo.lastIndexOf(':');
    if (colon > slash) {
      repo = repo.substring(0, colon);
    }
    String first = repo.contains("/") ? repo.substring(0, repo.indexOf('/')) : "";
    if (!first.contains(".") && !first.contains(":") && !"localhost".equals(first)) {
      repo = "docker.io/" + (repo.contains("/") ? repo : "library/" + repo);
    }
    return repo + "@sha256:" + sha256(image);
  }

  static String containerId(String podUid, String container, int restartCount) {
    return "containerd://" + sha256(podUid + "/" + container + "/" + restartCount);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String runKey(String uid, String container, int restartCount) {
    return uid + "|" + container + "|" + restartCount;
  }

  private static Instant orNow(Instant t, Instant now) {
    return t == null ? now : t;
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static String key(Pod pod) {
    return SimContext.key("pod", pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  private void forget(String uid) {
    prober.forget(uid);
    acknowledged.remove(uid);
    podIps.remove(uid);
    runningSince.keySet().removeIf(k -> k.startsWith(uid + "|"));
  }

  private void purge() {
    if (acknowledged.size() + runningSince.size() < 2048) {
      return;
    }
    Set<String> live = new HashSet<>();
    ctx.pods.getStore().list().forEach(p -> live.add(p.getMetadata().getUid()));
    acknowledged.keySet().removeIf(uid -> !live.contains(uid));
    runningSince.keySet().removeIf(k -> !live.contains(k.substring(0, k.indexOf('|'))));
  }
}
