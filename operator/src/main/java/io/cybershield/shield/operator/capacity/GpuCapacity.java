package io.cybershield.shield.operator.capacity;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Taint;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GPUs of a cluster, node by node: what each node offers per GPU resource ({@code nvidia.com/gpu} and every MIG
 * resource {@code nvidia.com/mig-*}), what the non-terminated pods bound to it request, and what is free. A pure
 * snapshot of the Nodes and Pods it is built from.
 * <p>
 * Pool membership is a function of a node selector ({@link #pool(Map)}), so that pools with a custom
 * {@code nodeSelector} are counted the same way as the default {@code shield.cybershield.io/pool} label. Nodes that
 * are not Ready or are cordoned stay in {@link #nodes()} (so that messages can say why they do not count) but
 * contribute nothing to any total.
 */
public final class GpuCapacity {

  /** Prefix of the MIG extended resources, e.g. {@code nvidia.com/mig-3g.40gb}. */
  public static final String MIG_RESOURCE_PREFIX = "nvidia.com/mig-";

  private final List<NodeGpus> nodes;

  private GpuCapacity(List<NodeGpus> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /**
   * The GPU capacity of these nodes with the GPU requests of these pods. Pods that are terminated (Succeeded or
   * Failed) or not bound to one of the nodes are not counted.
   */
  public static GpuCapacity of(Collection<Node> nodes, Collection<Pod> pods) {
    Map<String, Map<String, Long>> requestedByNode = new HashMap<>();
    for (Pod pod : pods == null ? List.<Pod>of() : pods) {
      String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (nodeName == null || isTerminated(pod)) {
        continue;
      }
      Map<String, Long> requested = requestedByNode.computeIfAbsent(nodeName, name -> new TreeMap<>());
      podGpuRequests(pod).forEach((resource, count) -> requested.merge(resource, count, Long::sum));
    }
    List<NodeGpus> inventory = new ArrayList<>();
    for (Node node : nodes == null ? List.<Node>of() : nodes) {
      String name = node.getMetadata().getName();
      inventory.add(new NodeGpus(name,
          node.getMetadata().getLabels() == null ? Map.of() : Map.copyOf(node.getMetadata().getLabels()),
          node.getSpec() == null || node.getSpec().getTaints() == null ? List.of()
              : List.copyOf(node.getSpec().getTaints()),
          unschedulableReason(node),
          gpuAllocatable(node),
          requestedByNode.getOrDefault(name, Map.of())));
    }
    inventory.sort(Comparator.comparing(NodeGpus::name));
    return new GpuCapacity(inventory);
  }

  /** The node selector of a pool without an explicit one: {@code shield.cybershield.io/pool: <pool>}. */
  public static Map<String, String> defaultNodeSelector(Pool pool) {
    return Map.of(ShieldNames.POOL_LABEL, ShieldNames.poolLabelValue(pool));
  }

  /** The node selector a pool uses: its own when set, the default pool label otherwise. */
  public static Map<String, String> effectiveNodeSelector(Pool pool, Map<String, String> explicitSelector) {
    return explicitSelector == null || explicitSelector.isEmpty() ? defaultNodeSelector(pool) : explicitSelector;
  }

  /** Whether an extended resource is a GPU: {@code nvidia.com/gpu} or a MIG slice {@code nvidia.com/mig-*}. */
  public static boolean isGpuResource(String resource) {
    return GpuRequest.NVIDIA_GPU.equals(resource) || (resource != null && resource.startsWith(MIG_RESOURCE_PREFIX));
  }

  /** Whether a pod has ended (Succeeded or Failed) and so holds no resources any more. */
  public static boolean isTerminated(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /**
   * The GPUs a pod holds per resource, the way the scheduler counts them: the larger of the app containers' sum
   * (with restartable init containers, i.e. sidecars) and the largest single init container, plus pod overhead. A
   * limit without a request counts as the request, as Kubernetes defaults it for extended resources.
   */
  public static Map<String, Long> podGpuRequests(Pod pod) {
    Map<String, Long> total = new TreeMap<>();
    if (pod.getSpec() == null) {
      return total;
    }
    Map<String, Long> sidecars = new TreeMap<>();
    Map<String, Long> initPeak = new TreeMap<>();
    for (Container init : nullSafe(pod.getSpec().getInitContainers())) {
      Map<String, Long> asks = containerGpus(init);
      if ("Always".equals(init.getRestartPolicy())) {
        asks.forEach((resource, count) -> sidecars.merge(resource, count, Long::sum));
      } else {
        asks.forEach((resource, count) -> initPeak.merge(resource, count + sidecars.getOrDefault(resource, 0L),
            Math::max));
      }
    }
    for (Container container : nullSafe(pod.getSpec().getContainers())) {
      containerGpus(container).forEach((resource, count) -> total.merge(resource, count, Long::sum));
    }
    sidecars.forEach((resource, count) -> total.merge(resource, count, Long::sum));
    initPeak.forEach((resource, count) -> total.merge(resource, count, Math::max));
    if (pod.getSpec().getOverhead() != null) {
      pod.getSpec().getOverhead().forEach((resource, quantity) -> {
        if (isGpuResource(resource)) {
          total.merge(resource, count(quantity), Long::sum);
        }
      });
    }
    total.values().removeIf(count -> count <= 0);
    return total;
  }

  /** Every node, sorted by name, including those that do not count (see {@link NodeGpus#schedulable()}). */
  public List<NodeGpus> nodes() {
    return nodes;
  }

  /** A node by name. */
  public Optional<NodeGpus> node(String name) {
    return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
  }

  /** The capacity of the nodes a node selector selects; an empty selector selects every node. */
  public PoolCapacity pool(Map<String, String> nodeSelector) {
    Map<String, String> selector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    return new PoolCapacity(selector,
        nodes.stream().filter(node -> Scheduling.matches(selector, node.labels())).toList());
  }

  /** The capacity of a pool with its default node selector. */
  public PoolCapacity pool(Pool pool) {
    return pool(defaultNodeSelector(pool));
  }

  /** The capacity per value of the node label {@code shield.cybershield.io/pool}; unlabelled nodes are left out. */
  public Map<String, PoolCapacity> byPoolLabel() {
    Map<String, PoolCapacity> pools = new TreeMap<>();
    nodes.stream()
        .map(node -> node.labels().get(ShieldNames.POOL_LABEL))
        .filter(Objects::nonNull)
        .distinct()
        .forEach(value -> pools.put(value, pool(Map.of(ShieldNames.POOL_LABEL, value))));
    return pools;
  }

  private static String unschedulableReason(Node node) {
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      return "cordoned";
    }
    List<NodeCondition> conditions = node.getStatus() == null ? null : node.getStatus().getConditions();
    NodeCondition ready = nullSafe(conditions).stream()
        .filter(condition -> "Ready".equals(condition.getType()))
        .findFirst()
        .orElse(null);
    if (ready == null) {
      return "not reporting Ready";
    }
    if (!"True".equals(ready.getStatus())) {
      return "NotReady";
    }
    return null;
  }

  private static Map<String, Long> gpuAllocatable(Node node) {
    Map<String, Long> allocatable = new TreeMap<>();
    Map<String, Quantity> resources = node.getStatus() == null ? null : node.getStatus().getAllocatable();
    if (resources == null) {
      return allocatable;
    }
    resources.forEach((resource, quantity) -> {
      long count = count(quantity);
      if (isGpuResource(resource) && count > 0) {
        allocatable.put(resource, count);
      }
    });
    return allocatable;
  }

  private static Map<String, Long> containerGpus(Container container) {
    Map<String, Long> asks = new TreeMap<>();
    ResourceRequirements resources = container.getResources();
    if (resources == null) {
      return asks;
    }
    Map<String, Quantity> merged = new LinkedHashMap<>();
    if (resources.getLimits() != null) {
      merged.putAll(resources.getLimits());
    }
    if (resources.getRequests() != null) {
      merged.putAll(resources.getRequests());
    }
    merged.forEach((resource, quantity) -> {
      if (isGpuResource(resource)) {
        asks.merge(resource, count(quantity), Long::sum);
      }
    });
    return asks;
  }

  /** Whole devices in a quantity; extended resources are integers, anything fractional is rounded down. */
  static long count(Quantity quantity) {
    if (quantity == null || quantity.getAmount() == null || quantity.getAmount().isEmpty()) {
      return 0;
    }
    return quantity.getNumericalAmount().setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** GPU figures of one resource: what the nodes offer, what pods request, what is free. */
  public record GpuCount(long allocatable, long requested, long free) {

    static final GpuCount NONE = new GpuCount(0, 0, 0);

    GpuCount plus(GpuCount other) {
      return new GpuCount(allocatable + other.allocatable, requested + other.requested, free + other.free);
    }
  }

  /**
   * The GPUs of one node.
   *
   * @param name                the node's name
   * @param labels              the node's labels
   * @param taints              the node's taints
   * @param unschedulableReason why the node takes no new pods ({@code NotReady}, {@code cordoned}), or null
   * @param allocatable         allocatable count per GPU resource
   * @param requested           count requested by non-terminated pods bound to the node, per GPU resource
   */
  public record NodeGpus(String name, Map<String, String> labels, List<Taint> taints, String unschedulableReason,
                         Map<String, Long> allocatable, Map<String, Long> requested) {

    public NodeGpus {
      labels = Map.copyOf(labels);
      taints = List.copyOf(taints);
      allocatable = Map.copyOf(allocatable);
      requested = Map.copyOf(requested);
    }

    /** Whether the node is Ready and not cordoned, so that its GPUs count. */
    public boolean schedulable() {
      return unschedulableReason == null;
    }

    /** The node's {@code nvidia.com/gpu.product} label, or null. */
    public String product() {
      return labels.get(GpuRequest.PRODUCT_NODE_LABEL);
    }

    public long allocatable(String resource) {
      return allocatable.getOrDefault(resource, 0L);
    }

    public long requested(String resource) {
      return requested.getOrDefault(resource, 0L);
    }

    /** Allocatable minus requested, never negative. */
    public long free(String resource) {
      return Math.max(0, allocatable(resource) - requested(resource));
    }

    GpuCount count(String resource) {
      return new GpuCount(allocatable(resource), requested(resource), free(resource));
    }
  }

  /** The GPUs of the schedulable nodes a node selector selects. */
  public static final class PoolCapacity {

    private final Map<String, String> nodeSelector;
    private final List<NodeGpus> nodes;

    PoolCapacity(Map<String, String> nodeSelector, List<NodeGpus> nodes) {
      this.nodeSelector = nodeSelector;
      this.nodes = List.copyOf(nodes);
    }

    public Map<String, String> nodeSelector() {
      return nodeSelector;
    }

    /** Every node the selector selects, schedulable or not. */
    public List<NodeGpus> nodes() {
      return nodes;
    }

    /** The selected nodes that are Ready and not cordoned. */
    public List<NodeGpus> schedulableNodes() {
      return nodes.stream().filter(NodeGpus::schedulable).toList();
    }

    /** Totals per GPU resource over the schedulable nodes, sorted by resource name. */
    public Map<String, GpuCount> byResource() {
      Map<String, GpuCount> totals = new TreeMap<>();
      for (NodeGpus node : schedulableNodes()) {
        node.allocatable().keySet().forEach(resource -> totals.merge(resource, node.count(resource),
            GpuCount::plus));
      }
      return totals;
    }

    /** Totals per {@code nvidia.com/gpu.product} (nodes without the label under "") and GPU resource. */
    public Map<String, Map<String, GpuCount>> byProduct() {
      Map<String, Map<String, GpuCount>> totals = new TreeMap<>();
      for (NodeGpus node : schedulableNodes()) {
        Map<String, GpuCount> product = totals.computeIfAbsent(Objects.requireNonNullElse(node.product(), ""),
            key -> new TreeMap<>());
        node.allocatable().keySet().forEach(resource -> product.merge(resource, node.count(resource),
            GpuCount::plus));
      }
      return totals;
    }

    /** Totals of one GPU resource. */
    public GpuCount resource(String resource) {
      return byResource().getOrDefault(resource, GpuCount.NONE);
    }

    public long allocatable(String resource) {
      return resource(resource).allocatable();
    }

    public long requested(String resource) {
      return resource(resource).requested();
    }

    public long free(String resource) {
      return resource(resource).free();
    }

    /** Free count per GPU resource. */
    public Map<String, Long> free() {
      Map<String, Long> free = new TreeMap<>();
      byResource().forEach((resource, count) -> free.put(resource, count.free()));
      return free;
    }
  }
}
