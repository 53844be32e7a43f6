package io.cybershield.shield.operator.capacity;

import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Placement;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.cybershield.shield.operator.capacity.GpuCapacity.NodeGpus;
import io.cybershield.shield.operator.capacity.GpuCapacity.PoolCapacity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether the GPUs of the pools can hold a ShieldModel's desired replicas, checked node by node the way the
 * scheduler places them: a replica asking for 2 GPUs needs 2 free on one node that its pool's node selector selects,
 * whose taints it tolerates and whose {@code nvidia.com/gpu.product} is the variant's product, if it names one.
 * <p>
 * GPUs this model's own pods already hold count as available to it, so a running model never reports itself short
 * of the GPUs it occupies. Replicas of all variants and pools share the nodes: they are packed first-fit, larger asks
 * first (a 4-GPU replica is harder to place than a 1-GPU one), onto nodes in name order.
 * <p>
 * Pure: {@link #check} reads only its arguments.
 */
public final class CapacityPlan {

  /** Why the plan does or does not fit, as the CamelCase reason of the CapacityAvailable condition. */
  public enum Reason {
    /** Every replica has a node with the GPUs it needs. */
    SUFFICIENT("Sufficient"),
    /** Some replicas find no node with enough free GPUs. */
    INSUFFICIENT_GPU("InsufficientGpu"),
    /** No schedulable node is in the pool, tolerated, offers the GPU resource or has the product. */
    NO_MATCHING_NODES("NoMatchingNodes");

    private final String value;

    Reason(String value) {
      this.value = value;
    }

    /** The CamelCase condition reason. */
    public String value() {
      return value;
    }
  }

  /**
   * The check of one variant in one pool.
   *
   * @param variant           the variant's name
   * @param pool              the pool
   * @param resource          the GPU resource a replica asks for; null for a CPU-only variant
   * @param product           the GPU product a replica requires, or null
   * @param gpusPerReplica    GPUs per replica (0 for a CPU-only variant)
   * @param replicas          desired replicas
   * @param placeableReplicas replicas that found a node
   * @param gpusAvailable     GPUs of the resource free for this model on the nodes the replicas may use, counting
   *                          those its own pods hold, after the placements packed before this entry
   * @param largestOnOneNode  the most such GPUs on any single one of those nodes
   * @param matchingNodes     how many nodes the replicas may use
   * @param reason            the outcome
   * @param message           the outcome for a person; empty when the entry fits
   */
  public record Entry(String variant, Pool pool, String resource, String product, int gpusPerReplica,
                      int replicas, int placeableReplicas, long gpusAvailable, long largestOnOneNode,
                      int matchingNodes, Reason reason, String message) {

    /** Whether every replica found a node. */
    public boolean fits() {
      return reason == Reason.SUFFICIENT;
    }

    /** Whether the variant asks for GPUs at all. */
    public boolean usesGpus() {
      return resource != null;
    }

    /** GPUs all desired replicas need. */
    public long gpusNeeded() {
      return (long) gpusPerReplica * replicas;
    }

    /** Replicas that found no node. */
    public int shortfallReplicas() {
      return replicas - placeableReplicas;
    }

    /** GPUs the replicas that found no node would need, each on one node. */
    public long shortfallGpus() {
      return (long) gpusPerReplica * shortfallReplicas();
    }
  }

  private final List<Entry> entries;
  private final Map<Pool, Map<String, Long>> freeGpus;

  private CapacityPlan(List<Entry> entries, Map<Pool, Map<String, Long>> freeGpus) {
    this.entries = List.copyOf(entries);
    this.freeGpus = freeGpus;
  }

  /**
   * Checks a model's desired replicas against the cluster's GPUs.
   *
   * @param model           the ShieldModel (variants' GPU asks, pools' node selectors and tolerations)
   * @param desiredReplicas desired replicas per variant name and pool; absent means 0
   * @param capacity        the cluster's GPUs
   * @param ownPods         the model's own pods; the GPUs they hold count as available to the model
   */
  public static CapacityPlan check(ShieldModel model, Map<String, Map<Pool, Integer>> desiredReplicas,
                                   GpuCapacity capacity, Collection<Pod> ownPods) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(capacity, "capacity");
    Map<String, Map<Pool, Integer>> desired = desiredReplicas == null ? Map.of() : desiredReplicas;
    Placement placement = model.getSpec().placement();

    Map<String, Map<String, Long>> remaining = availableToModel(capacity, ownPods);

    List<Request> requests = new ArrayList<>();
    List<Variant> variants = model.getSpec().variants() == null ? List.of() : model.getSpec().variants();
    for (Variant variant : variants) {
      for (Pool pool : Pool.values()) {
        int replicas = desired.getOrDefault(variant.name(), Map.of()).getOrDefault(pool, 0);
        if (replicas > 0) {
          requests.add(new Request(requests.size(), variant.name(), "variant " + variant.name(), variant.gpu(), pool,
              replicas, scheduling(placement, pool)));
        }
      }
    }
    List<Request> packingOrder = new ArrayList<>(requests);
    packingOrder.sort(Comparator.comparingInt(Request::gpusPerReplica).reversed()
        .thenComparingInt(Request::order));
    Entry[] results = new Entry[requests.size()];
    for (Request request : packingOrder) {
      results[request.order()] = pack(request, capacity, remaining);
    }

    Map<Pool, Map<String, Long>> free = new EnumMap<>(Pool.class);
    for (Pool pool : Pool.values()) {
      PoolScheduling scheduling = scheduling(placement, pool);
      free.put(pool, capacity.pool(GpuCapacity.effectiveNodeSelector(pool,
          scheduling == null ? null : scheduling.nodeSelector())).free());
    }
    return new CapacityPlan(List.of(results), free);
  }

  /**
   * Whether one pod — a retrain run's training Job — finds a node with the GPUs it asks for in a pool, the way
   * {@link #check} places a replica; it competes with every pod already placed.
   *
   * @param name       the entry's name (for example the Job's), reported as the entry's variant
   * @param label      what the pod is, for messages (for example "training job threat-intel-r3-train")
   * @param gpu        its GPU ask; null or 0 GPUs always fits
   * @param pool       the pool it runs in
   * @param scheduling the pool's node selector and tolerations; null for the pool's default nodes
   * @param capacity   the cluster's GPUs
   */
  public static Entry checkPod(String name, String label, GpuRequest gpu, Pool pool, PoolScheduling scheduling,
                               GpuCapacity capacity) {
    Objects.requireNonNull(capacity, "capacity");
    return pack(new Request(0, name, label, gpu, pool, 1, scheduling), capacity, availableToModel(capacity, List.of()));
  }

  /** Whether every replica of every variant in every pool found a node. */
  public boolean fits() {
    return entries.stream().allMatch(Entry::fits);
  }

  /** One entry per variant and pool with desired replicas, in the order of the variants, on-prem first. */
  public List<Entry> entries() {
    return entries;
  }

  /** The entry of a variant in a pool, if it has desired replicas. */
  public Optional<Entry> entry(String variant, Pool pool) {
    return entries.stream().filter(entry -> entry.variant().equals(variant) && entry.pool() == pool).findFirst();
  }

  /** The outcome: NoMatchingNodes before InsufficientGpu before Sufficient. */
  public Reason reasonCode() {
    if (entries.stream().anyMatch(entry -> entry.reason() == Reason.NO_MATCHING_NODES)) {
      return Reason.NO_MATCHING_NODES;
    }
    return fits() ? Reason.SUFFICIENT : Reason.INSUFFICIENT_GPU;
  }

  /** The CamelCase reason: {@code Sufficient}, {@code InsufficientGpu} or {@code NoMatchingNodes}. */
  public String reason() {
    return reasonCode().value();
  }

  /** For a person: every entry that does not fit, joined by "; ", or what fits when all do. */
  public String message() {
    List<String> problems = entries.stream().filter(entry -> !entry.fits()).map(Entry::message).toList();
    if (!problems.isEmpty()) {
      return String.join("; ", problems);
    }
    long gpuReplicas = entries.stream().filter(Entry::usesGpus).mapToLong(Entry::replicas).sum();
    if (gpuReplicas == 0) {
      return "no replica asks for GPUs";
    }
    Map<String, Long> needed = new TreeMap<>();
    entries.stream().filter(Entry::usesGpus)
        .forEach(entry -> needed.merge(entry.resource(), entry.gpusNeeded(), Long::sum));
    return "all " + gpuReplicas + " GPU replicas fit on the nodes of their pools ("
        + needed.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
        + ")";
  }

  /** GPUs (or MIG slices) missing in a pool, over all variants and resources; 0 when it fits. */
  public long gpuShortfall(Pool pool) {
    return entries.stream().filter(entry -> entry.pool() == pool).mapToLong(Entry::shortfallGpus).sum();
  }

  /** {@link #gpuShortfall(Pool)} of every pool. */
  public Map<Pool, Long> gpuShortfallByPool() {
    Map<Pool, Long> shortfall = new EnumMap<>(Pool.class);
    for (Pool pool : Pool.values()) {
      shortfall.put(pool, gpuShortfall(pool));
    }
    return shortfall;
  }

  /** Free GPUs per resource on the schedulable nodes of a pool's node selector, whoever could use them. */
  public Map<String, Long> freeGpus(Pool pool) {
    return freeGpus.getOrDefault(pool, Map.of());
  }

  /** Free GPUs of one resource in a pool. */
  public long freeGpus(Pool pool, String resource) {
    return freeGpus(pool).getOrDefault(resource, 0L);
  }

  @Override
  public String toString() {
    return "CapacityPlan{" + reason() + ": " + message() + "}";
  }

  private static Entry pack(Request request, GpuCapacity capacity, Map<String, Map<String, Long>> remaining) {
    GpuRequest gpu = request.gpu();
    if (gpu == null || gpu.count() == null || gpu.count() <= 0) {
      return new Entry(request.name(), request.pool(), null, null, 0, request.replicas(), request.replicas(),
          0, 0, 0, Reason.SUFFICIENT, "");
    }
    String resource = gpu.resource() == null || gpu.resource().isEmpty() ? GpuRequest.NVIDIA_GPU
        : gpu.resource();
    String product = gpu.product();
    int perReplica = gpu.count();
    Candidates candidates = candidates(request, capacity, resource, product);
    if (candidates.nodes().isEmpty()) {
      return new Entry(request.name(), request.pool(), resource, product, perReplica, request.replicas(), 0, 0,
          0, 0, Reason.NO_MATCHING_NODES, candidates.whyNone());
    }
    long available = 0;
    long largest = 0;
    for (NodeGpus node : candidates.nodes()) {
      long left = remaining.get(node.name()).getOrDefault(resource, 0L);
      available += left;
      largest = Math.max(largest, left);
    }
    int placed = 0;
    for (NodeGpus node : candidates.nodes()) {
      Map<String, Long> left = remaining.get(node.name());
      while (placed < request.replicas() && left.getOrDefault(resource, 0L) >= perReplica) {
        left.merge(resource, (long) -perReplica, Long::sum);
        placed++;
      }
    }
    Reason reason = placed == request.replicas() ? Reason.SUFFICIENT : Reason.INSUFFICIENT_GPU;
    Entry draft = new Entry(request.name(), request.pool(), resource, product, perReplica, request.replicas(),
        placed, available, largest, candidates.nodes().size(), reason, "");
    return reason == Reason.SUFFICIENT ? draft
        : new Entry(draft.variant(), draft.pool(), resource, product, perReplica, draft.replicas(), placed,
            available, largest, draft.matchingNodes(), reason, shortfallMessage(draft, request.label()));
  }

  private static String shortfallMessage(Entry entry, String label) {
    StringBuilder message = new StringBuilder()
        .append("pool ").append(entry.pool().value())
        .append(" lacks ").append(entry.shortfallGpus()).append(' ').append(entry.resource())
        .append(" for ").append(label)
        .append(" (needs ").append(entry.gpusNeeded()).append(" for ").append(entry.replicas())
        .append(entry.replicas() == 1 ? " replica, " : " replicas, ")
        .append(entry.gpusAvailable()).append(" free on nodes matching the pool");
    if (entry.product() != null) {
      message.append(" and product ").append(entry.product());
    }
    // Free GPUs that a whole replica cannot use: the shortage is fragmentation, not the total.
    if (entry.gpusAvailable() - (long) entry.placeableReplicas() * entry.gpusPerReplica()
        >= entry.gpusPerReplica() || entry.largestOnOneNode() < entry.gpusPerReplica()) {
      message.append(", but each replica needs ").append(entry.gpusPerReplica())
          .append(" on one node and at most ").append(entry.largestOnOneNode()).append(" are free on any one");
    }
    return message.append(')').toString();
  }

  /** The nodes a request may use, or why there are none, narrowing one scheduler filter at a time. */
  private static Candidates candidates(Request request, GpuCapacity capacity, String resource, String product) {
    String pool = request.pool().value();
    PoolScheduling scheduling = request.scheduling();
    Map<String, String> selector = GpuCapacity.effectiveNodeSelector(request.pool(),
        scheduling == null ? null : scheduling.nodeSelector());
    List<Toleration> tolerations = scheduling == null || scheduling.tolerations() == null ? List.of()
        : scheduling.tolerations();

    List<NodeGpus> inPool = capacity.pool(selector).nodes();
    if (inPool.isEmpty()) {
      return Candidates.none("pool " + pool + " has no node for " + request.label()
          + ": no node matches the node selector " + new TreeMap<>(selector));
    }
    List<NodeGpus> schedulable = inPool.stream().filter(NodeGpus::schedulable).toList();
    if (schedulable.isEmpty()) {
      return Candidates.none("pool " + pool + " has no node for " + request.label()
          + ": none of its nodes is Ready and schedulable (" + inPool.stream()
          .map(node -> node.name() + " " + node.unschedulableReason()).collect(Collectors.joining(", ")) + ")");
    }
    List<NodeGpus> tolerated = schedulable.stream()
        .filter(node -> Scheduling.firstUntoleratedTaint(node.taints(), tolerations).isEmpty()).toList();
    if (tolerated.isEmpty()) {
      Taint taint = Scheduling.firstUntoleratedTaint(schedulable.get(0).taints(), tolerations).orElseThrow();
      return Candidates.none("pool " + pool + " has no node for " + request.label()
          + ": the pool's tolerations do not tolerate the taints of its nodes (for example "
          + Scheduling.describe(taint) + " on " + schedulable.get(0).name() + ")");
    }
    List<NodeGpus> offering = tolerated.stream().filter(node -> node.allocatable(resource) > 0).toList();
    if (offering.isEmpty()) {
      return Candidates.none("pool " + pool + " has no node for " + request.label()
          + ": no node of the pool offers " + resource);
    }
    if (product == null) {
      return new Candidates(offering, null);
    }
    List<NodeGpus> ofProduct = offering.stream().filter(node -> product.equals(node.product())).toList();
    if (ofProduct.isEmpty()) {
      TreeSet<String> found = offering.stream().map(NodeGpus::product).filter(Objects::nonNull)
          .collect(Collectors.toCollection(TreeSet::new));
      return Candidates.none("pool " + pool + " has no node for " + request.label()
          + ": no node of the pool offering " + resource + " has " + GpuRequest.PRODUCT_NODE_LABEL + "="
          + product + (found.isEmpty() ? "" : " (the pool has " + String.join(", ", found) + ")"));
    }
    return new Candidates(ofProduct, null);
  }

  /** Per node: its free GPUs plus those the model's own pods hold there, capped at what the node offers. */
  private static Map<String, Map<String, Long>> availableToModel(GpuCapacity capacity, Collection<Pod> ownPods) {
    Map<String, Map<String, Long>> held = new HashMap<>();
    for (Pod pod : ownPods == null ? List.<Pod>of() : ownPods) {
      String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (nodeName == null || GpuCapacity.isTerminated(pod)) {
        continue;
      }
      GpuCapacity.podGpuRequests(pod).forEach((resource, count) ->
          held.computeIfAbsent(nodeName, name -> new HashMap<>()).merge(resource, count, Long::sum));
    }
    Map<String, Map<String, Long>> available = new HashMap<>();
    for (NodeGpus node : capacity.nodes()) {
      Map<String, Long> perResource = new HashMap<>();
      Map<String, Long> ownOnNode = held.getOrDefault(node.name(), Map.of());
      node.allocatable().keySet().forEach(resource -> perResource.put(resource,
          Math.min(node.allocatable(resource), node.free(resource) + ownOnNode.getOrDefault(resource, 0L))));
      available.put(node.name(), perResource);
    }
    return available;
  }

  private static PoolScheduling scheduling(Placement placement, Pool pool) {
    if (placement == null) {
      return null;
    }
    return pool == Pool.ONPREM ? placement.onPrem() : placement.privateCloud();
  }

  private record Request(int order, String name, String label, GpuRequest gpu, Pool pool, int replicas,
                         PoolScheduling scheduling) {

    int gpusPerReplica() {
      return gpu == null || gpu.count() == null ? 0 : gpu.count();
    }
  }

  private record Candidates(List<NodeGpus> nodes, String whyNone) {

    static Candidates none(String why) {
      return new Candidates(List.of(), why);
    }
  }
}
