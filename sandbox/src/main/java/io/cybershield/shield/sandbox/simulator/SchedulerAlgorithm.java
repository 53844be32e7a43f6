package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The pure part of the simulated scheduler: filters (node unschedulable, taints, node affinity/selector, resource
 * fit), scoring, and the failure message in the format kube-scheduler writes into the {@code PodScheduled}
 * condition and the {@code FailedScheduling} event.
 */
public final class SchedulerAlgorithm {

  public static final String DEFAULT_SCHEDULER = "default-scheduler";
  public static final String NO_NODES_MESSAGE = "no nodes available to schedule pods";
  static final String REASON_UNSCHEDULABLE_NODE = "node(s) were unschedulable";
  static final String REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
  static final String REASON_TOO_MANY_PODS = "Too many pods";
  static final String PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
  static final String NO_VICTIMS = "No preemption victims found for incoming pod";
  static final int DEFAULT_MAX_PODS = 110;

  private SchedulerAlgorithm() {
  }

  /** A node and the pods bound to it (terminal pods are ignored). */
  public record NodeInfo(Node node, List<Pod> pods) {
    public NodeInfo {
      Objects.requireNonNull(node, "node");
      pods = List.copyOf(pods);
    }

    public String name() {
      return node.getMetadata().getName();
    }

    List<Pod> activePods() {
      return pods.stream().filter(p -> !PodResources.isTerminal(p)).toList();
    }
  }

  /** Outcome of one filter on one node: no reasons means the node fits. */
  public record FilterStatus(List<String> reasons, boolean unresolvable) {
    static final FilterStatus FITS = new FilterStatus(List.of(), false);

    public boolean fits() {
      return reasons.isEmpty();
    }
  }

  /** Outcome of scheduling a pod: a node name, or the scheduler's failure message. */
  public record Result(String nodeName, String message) {
    public boolean scheduled() {
      return nodeName != null;
    }
  }

  /** Schedules one pod onto the best fitting node, or explains why none fits. */
  public static Result schedule(Pod pod, Collection<NodeInfo> nodes) {
    if (nodes.isEmpty()) {
      return new Result(null, NO_NODES_MESSAGE);
    }
    Map<String, FilterStatus> statuses = new TreeMap<>();
    List<NodeInfo> feasible = new ArrayList<>();
    for (NodeInfo n : nodes) {
      FilterStatus s = filter(pod, n);
      if (s.fits()) {
        feasible.add(n);
      } else {
        statuses.put(n.name(), s);
      }
    }
    if (!feasible.isEmpty()) {
      Map<String, BigDecimal> req = PodResources.requests(pod);
      boolean wantsGpu = req.entrySet().stream()
          .anyMatch(e -> PodResources.isGpuResource(e.getKey()) && e.getValue().signum() > 0);
      NodeInfo best = feasible.stream()
          .min(Comparator.<NodeInfo>comparingInt(n -> !wantsGpu && hasGpus(n.node()) ? 1 : 0)
              .thenComparing(n -> -leastAllocatedScore(req, n))
              .thenComparing(NodeInfo::name))
          .orElseThrow();
      return new Result(best.name(), null);
    }
    return new Result(null, fitErrorMessage(nodes.size(), statuses.values(), preemptionMessage(pod, nodes, statuses)));
  }

  /** Runs the filters in kube-scheduler's order and returns the first failing filter's status. */
  public static FilterStatus filter(Pod pod, NodeInfo nodeInfo) {
    Node node = nodeInfo.node();
    List<Toleration> tolerations = pod.getSpec() == null ? List.of() : pod.getSpec().getTolerations();
    // NodeUnschedulable
    if (Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable())) {
      Taint t = new Taint("NoSchedule", "node.kubernetes.io/unschedulable", null, null);
      if (tolerations.stream().noneMatch(tol -> tolerates(tol, t))) {
        return new FilterStatus(List.of(REASON_UNSCHEDULABLE_NODE), true);
      }
    }
    // TaintToleration (including the taints the node lifecycle controller puts on nodes that are not Ready)
    Optional<Taint> untolerated = firstUntoleratedTaint(tolerations, effectiveTaints(node));
    if (untolerated.isPresent()) {
      Taint t = untolerated.get();
      return new FilterStatus(List.of(String.format("node(s) had untolerated taint {%s: %s}", t.getKey(),
          t.getValue() == null ? "" : t.getValue())), true);
    }
    // NodeAffinity
    if (!matchesNodeSelectorAndAffinity(pod, node)) {
      return new FilterStatus(List.of(REASON_AFFINITY), true);
    }
    // NodeResourcesFit
    return fitsResources(PodResources.requests(pod), nodeInfo.activePods(), node);
  }

  /** NodeResourcesFit: pod count, then cpu, memory, ephemeral storage and extended resources. */
  public static FilterStatus fitsResources(Map<String, BigDecimal> podRequests, List<Pod> podsOnNode, Node node) {
    Map<String, BigDecimal> alloc = PodResources.allocatable(node);
    Map<String, BigDecimal> used = new TreeMap<>();
    int count = 0;
    for (Pod p : podsOnNode) {
      if (!PodResources.isTerminal(p)) {
        PodResources.add(used, PodResources.requests(p));
        count++;
      }
    }
    List<String> reasons = new ArrayList<>();
    boolean unresolvable = false;
    BigDecimal maxPods = alloc.getOrDefault(PodResources.PODS, BigDecimal.valueOf(DEFAULT_MAX_PODS));
    if (BigDecimal.valueOf(count + 1L).compareTo(maxPods) > 0) {
      reasons.add(REASON_TOO_MANY_PODS);
    }
    List<String> names = new ArrayList<>();
    for (String fixed : List.of(PodResources.CPU, PodResources.MEMORY, "ephemeral-storage")) {
      if (podRequests.containsKey(fixed)) {
        names.add(fixed);
      }
    }
    podRequests.keySet().stream()
        .filter(n -> n.contains("/") || n.startsWith("hugepages-"))
        .sorted()
        .forEach(names::add);
    for (String r : names) {
      BigDecimal want = podRequests.get(r);
      if (want == null || want.signum() <= 0) {
        continue;
      }
      BigDecimal have = alloc.getOrDefault(r, BigDecimal.ZERO);
      BigDecimal free = have.subtract(used.getOrDefault(r, BigDecimal.ZERO));
      if (want.compareTo(free) > 0) {
        reasons.add("Insufficient " + r);
        if (want.compareTo(have) > 0) {
          unresolvable = true;
        }
      }
    }
    return reasons.isEmpty() ? FilterStatus.FITS : new FilterStatus(reasons, unresolvable);
  }

  /** The node's taints plus {@code node.kubernetes.io/not-ready} or {@code unreachable} when it is not Ready. */
  public static List<Taint> effectiveTaints(Node node) {
    List<Taint> taints = new ArrayList<>(node.getSpec() == null ? List.of() : node.getSpec().getTaints());
    String ready = readyStatus(node);
    if ("False".equals(ready) && taints.stream().noneMatch(t -> "node.kubernetes.io/not-ready".equals(t.getKey()))) {
      taints.add(new Taint("NoSchedule", "node.kubernetes.io/not-ready", null, null));
    } else if (!"True".equals(ready) && !"False".equals(ready)
        && taints.stream().noneMatch(t -> "node.kubernetes.io/unreachable".equals(t.getKey()))) {
      taints.add(new Taint("NoSchedule", "node.kubernetes.io/unreachable", null, null));
    }
    return taints;
  }

  static String readyStatus(Node node) {
    if (node.getStatus() == null) {
      return null;
    }
    return node.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(NodeCondition::getStatus)
        .findFirst().orElse(null);
  }

  public static Optional<Taint> firstUntoleratedTaint(List<Toleration> tolerations, List<Taint> taints) {
    return taints.stream()
        .filter(t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()))
        .filter(t -> tolerations.stream().noneMatch(tol -> tolerates(tol, t)))
        .findFirst();
  }

  /** Toleration semantics of Kubernetes: empty key with Exists tolerates everything; empty effect matches all. */
  public static boolean tolerates(Toleration tol, Taint taint) {
    if (tol.getEffect() != null && !tol.getEffect().isEmpty() && !tol.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (tol.getKey() != null && !tol.getKey().isEmpty() && !tol.getKey().equals(taint.getKey())) {
      return false;
    }
    String op = tol.getOperator();
    if (op == null || op.isEmpty() || "Equal".equals(op)) {
      return Objects.equals(emptyToNull(tol.getValue()), emptyToNull(taint.getValue()));
    }
    return "Exists".equals(op);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** nodeSelector and required node affinity. */
  public static boolean matchesNodeSelectorAndAffinity(Pod pod, Node node) {
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    if (pod.getSpec() == null) {
      return true;
    }
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector != null) {
      for (Map.Entry<String, String> e : selector.entrySet()) {
        if (!Objects.equals(labels.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
    }
    var affinity = pod.getSpec().getAffinity();
    if (affinity == null || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return true;
    }
    List<NodeSelectorTerm> terms =
        affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
    return terms.stream().anyMatch(t -> termMatches(t, labels, node.getMetadata().getName()));
  }

  static boolean termMatches(NodeSelectorTerm term, Map<String, String> labels, String nodeName) {
    List<NodeSelectorRequirement> exprs = term.getMatchExpressions();
    List<NodeSelectorRequirement> fields = term.getMatchFields();
    if (exprs.isEmpty() && fields.isEmpty()) {
      return false;
    }
    for (NodeSelectorRequirement r : exprs) {
      if (!requirementMatches(r, labels.containsKey(r.getKey()), labels.get(r.getKey()))) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : fields) {
      if (!"metadata.name".equals(r.getKey()) || !requirementMatches(r, true, nodeName)) {
        return false;
      }
    }
    return true;
  }

  /** One node selector requirement (In, NotIn, Exists, DoesNotExist, Gt, Lt) against a label. */
  public static boolean requirementMatches(NodeSelectorRequirement r, boolean present, String value) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    switch (r.getOperator() == null ? "" : r.getOperator()) {
      case "In":
        return present && values.contains(value);
      case "NotIn":
        return !present || !values.contains(value);
      case "Exists":
        return present;
      case "DoesNotExist":
        return !present;
      case "Gt":
      case "Lt":
        if (!present || values.size() != 1) {
          return false;
        }
        try {
          long have = Long.parseLong(value.trim());
          long bound = Long.parseLong(values.get(0).trim());
          return "Gt".equals(r.getOperator()) ? have > bound : have < bound;
        } catch (NumberFormatException e) {
          return false;
        }
      default:
        return false;
    }
  }

  /**
   * The message kube-scheduler writes for a pod that fits no node: reasons counted over nodes, "count reason"
   * strings sorted, followed by the preemption post-filter message.
   */
  public static String fitErrorMessage(int numNodes, Collection<FilterStatus> failures, String postFilterMessage) {
    String msg = String.format("0/%d nodes are available: %s.", numNodes, histogram(
        failures.stream().flatMap(s -> s.reasons().stream()).toList()));
    if (postFilterMessage != null && !postFilterMessage.isEmpty()) {
      msg += " " + postFilterMessage + (postFilterMessage.endsWith(".") ? "" : ".");
    }
    return msg;
  }

  static String histogram(List<String> reasons) {
    Map<String, Integer> counts = new HashMap<>();
    reasons.forEach(r -> counts.merge(r, 1, Integer::sum));
    return counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /**
   * DefaultPreemption's message. Nodes failing for unresolvable reasons are "not helpful"; for the others the
   * scheduler looks for lower-priority victims. The simulator does not evict victims: when lower-priority pods would
   * make room the node is reported as having no victims.
   */
  static String preemptionMessage(Pod pod, Collection<NodeInfo> nodes, Map<String, FilterStatus> statuses) {
    if (pod.getSpec() != null && "Never".equals(pod.getSpec().getPreemptionPolicy())) {
      return "preemption: not eligible due to preemptionPolicy=Never";
    }
    int priority = priority(pod);
    List<String> reasons = new ArrayList<>();
    for (NodeInfo n : nodes) {
      FilterStatus s = statuses.get(n.name());
      if (s == null) {
        continue;
      }
      if (s.unresolvable()) {
        reasons.add(PREEMPTION_NOT_HELPFUL);
        continue;
      }
      List<Pod> remaining = n.activePods().stream().filter(p -> priority(p) >= priority).toList();
      if (remaining.size() == n.activePods().size()) {
        reasons.add(NO_VICTIMS);
        continue;
      }
      FilterStatus after = fitsResources(PodResources.requests(pod), remaining, n.node());
      if (after.fits()) {
        reasons.add(NO_VICTIMS);
      } else {
        reasons.addAll(after.reasons());
      }
    }
    return "preemption: 0/" + nodes.size() + " nodes are available: " + histogram(reasons) + ".";
  }

  public static int priority(Pod pod) {
    Integer p = pod.getSpec() == null ? null : pod.getSpec().getPriority();
    return p == null ? 0 : p;
  }

  static boolean hasGpus(Node node) {
    return PodResources.allocatable(node).entrySet().stream()
        .anyMatch(e -> PodResources.isGpuResource(e.getKey()) && e.getValue().signum() > 0);
  }

  /** kube-scheduler's LeastAllocated score over cpu and memory, in [0, 1]. */
  static double leastAllocatedScore(Map<String, BigDecimal> podRequests, NodeInfo n) {
    Map<String, BigDecimal> alloc = PodResources.allocatable(n.node());
    Map<String, BigDecimal> used = new TreeMap<>(podRequests);
    n.activePods().forEach(p -> PodResources.add(used, PodResources.requests(p)));
    double total = 0;
    for (String r : List.of(PodResources.CPU, PodResources.MEMORY)) {
      BigDecimal a = alloc.getOrDefault(r, BigDecimal.ZERO);
      if (a.signum() <= 0) {
        continue;
      }
      BigDecimal free = a.subtract(used.getOrDefault(r, BigDecimal.ZERO));
      total += Math.max(0, free.divide(a, MathContext.DECIMAL64).doubleValue());
    }
    return total / 2;
  }

  /** Whether this scheduler is responsible for the pod and it still needs a node. */
  public static boolean needsScheduling(Pod pod) {
    if (pod.getSpec() == null || pod.getMetadata().getDeletionTimestamp() != null || PodResources.isTerminal(pod)) {
      return false;
    }
    String nodeName = pod.getSpec().getNodeName();
    String schedulerName = pod.getSpec().getSchedulerName();
    boolean ours = schedulerName == null || schedulerName.isEmpty() || DEFAULT_SCHEDULER.equals(schedulerName);
    boolean gated = pod.getSpec().getSchedulingGates() != null && !pod.getSpec().getSchedulingGates().isEmpty();
    return ours && !gated && (nodeName == null || nodeName.isEmpty());
  }
}
