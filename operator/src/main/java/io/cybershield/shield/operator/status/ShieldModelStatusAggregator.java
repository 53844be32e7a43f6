package io.cybershield.shield.operator.status;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.cybershield.shield.api.v1alpha1.model.status.GatewayStatus;
import io.cybershield.shield.api.v1alpha1.model.status.PoolStatus;
import io.cybershield.shield.api.v1alpha1.model.status.SurgeStatus;
import io.cybershield.shield.api.v1alpha1.model.status.VariantStatus;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.cybershield.shield.operator.wake.Wake;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Derives the status of a ShieldModel from its spec, its previous status and what is observed in the cluster: its
 * Deployments, their Pods, the GPU {@link CapacityPlan} and the replicas the builders want. Pure: the same inputs and
 * clock give the same status, and a restarted operator writes what the last one wrote.
 * <p>
 * The conditions:
 * <ul>
 * <li>{@code Ready}: True ({@code AllReplicasReady}) when every Deployment runs the target version with its desired
 * replicas available; otherwise False with the most telling reason, in this order: {@code DeploymentsMissing},
 * {@code InsufficientCapacity}, {@code Unschedulable}, {@code ProgressDeadlineExceeded}, {@code Progressing}. A pool
 * with 0 desired replicas (a parked cloud pool) is ready.</li>
 * <li>{@code Progressing}: True while Deployments are created ({@code CreatingDeployments}), a version or template
 * rolls out ({@code RollingOut}) or replicas come up ({@code Scaling}); False with {@code RolloutComplete} when done,
 * or with {@code ProgressDeadlineExceeded} when a Deployment gave up, as the Deployment controller reports it.</li>
 * <li>{@code Degraded}: True when pods are Pending for GPUs ({@code PodsPendingForGpu}), a rollout exceeded its
 * deadline, or some but not all replicas of a Deployment that is not mid-rollout are ready
 * ({@code ReplicasUnavailable}); otherwise False ({@code AsExpected}).</li>
 * <li>{@code CapacityAvailable}: from the CapacityPlan; Unknown ({@code CapacityUnknown}) without one.</li>
 * <li>{@code Surging} (with {@code activeIncidents} and {@code surge}): from the floor controller's surge decision;
 * see {@link #surge}.</li>
 * <li>{@code Waking}: for a model with a parked private-cloud pool, whether the gateways' excess work holds it awake;
 * see {@link #setWaking}.</li>
 * <li>{@code gateway}: the gateway Service and URL, once the gateway Deployment has an available replica; until
 * then {@code Ready} is False ({@code GatewayUnavailable}) even when every model server is ready.</li>
 * </ul>
 * The target version is {@code spec.model.version} of the model given to {@link #forModel}: for a model following a
 * ShieldRetrain, the served copy with the promoted version (see {@code ModelRelease}).
 * {@code servedVersion} becomes the target version once every Deployment has fully rolled it out (its controller
 * observed the latest generation, and updated, current and available replicas all equal the desired count); until
 * then the previous served version stays, because the old pods still answer.
 */
public final class ShieldModelStatusAggregator {

  /** Reasons this aggregator writes. */
  public static final String ALL_REPLICAS_READY = "AllReplicasReady";
  public static final String DEPLOYMENTS_MISSING = "DeploymentsMissing";
  public static final String INSUFFICIENT_CAPACITY = "InsufficientCapacity";
  public static final String UNSCHEDULABLE = "Unschedulable";
  public static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  public static final String PROGRESSING = "Progressing";
  public static final String CREATING_DEPLOYMENTS = "CreatingDeployments";
  public static final String ROLLING_OUT = "RollingOut";
  public static final String SCALING = "Scaling";
  public static final String ROLLOUT_COMPLETE = "RolloutComplete";
  public static final String PODS_PENDING_FOR_GPU = "PodsPendingForGpu";
  public static final String REPLICAS_UNAVAILABLE = "ReplicasUnavailable";
  public static final String AS_EXPECTED = "AsExpected";
  public static final String CAPACITY_UNKNOWN = "CapacityUnknown";
  public static final String RECONCILE_ERROR = "ReconcileError";
  public static final String GATEWAY_UNAVAILABLE = "GatewayUnavailable";
  public static final String NOT_PARKED = "NotParked";

  private static final int MAX_NAMED_PODS = 5;

  private final ShieldModel model;
  private final Clock clock;
  private List<DesiredReplicas> desired = List.of();
  private Collection<Deployment> deployments = List.of();
  private Collection<Pod> pods = List.of();
  private CapacityPlan capacity;
  private SurgeDecision surge;
  private Wake wake;
  private boolean parkable;
  private int carriedFloor;
  private String servedBecause;
  private Deployment gatewayDeployment;
  private GatewayStatus gatewayStatus;
  private boolean gatewayExpected;

  private ShieldModelStatusAggregator(ShieldModel model, Clock clock) {
    this.model = Objects.requireNonNull(model, "model");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An aggregator for a model (spec and current status), transitions timed by the clock. */
  public static ShieldModelStatusAggregator forModel(ShieldModel model, Clock clock) {
    return new ShieldModelStatusAggregator(model, clock);
  }

  /** What the builders want per variant and pool. */
  public ShieldModelStatusAggregator desired(List<DesiredReplicas> desired) {
    this.desired = desired == null ? List.of() : List.copyOf(desired);
    return this;
  }

  /** The Deployments observed for the model; missing ones are reported as such. */
  public ShieldModelStatusAggregator deployments(Collection<Deployment> deployments) {
    this.deployments = deployments == null ? List.of() : List.copyOf(deployments);
    return this;
  }

  /** The model's pods, for reporting the ones that cannot be scheduled. */
  public ShieldModelStatusAggregator pods(Collection<Pod> pods) {
    this.pods = pods == null ? List.of() : List.copyOf(pods);
    return this;
  }

  /** The GPU capacity check of the desired replicas, or null when it was not made. */
  public ShieldModelStatusAggregator capacity(CapacityPlan capacity) {
    this.capacity = capacity;
    return this;
  }

  /**
   * The floor controller's surge decision, and the floor the model's cloud HPAs really carry (the lowest, 0 without
   * any); a null decision (none made since the operator started) keeps what the previous status reported.
   */
  public ShieldModelStatusAggregator surge(SurgeDecision surge, int carriedFloor) {
    this.surge = surge;
    this.carriedFloor = carriedFloor;
    return this;
  }

  /**
   * What the gateways' excess work asks of the model's parked pool, as the floor controller took it in (null when it
   * has none yet), and whether the model has a parked pool to wake at all ({@code minReplicas} 0, no KEDA). See
   * {@link #setWaking}.
   */
  public ShieldModelStatusAggregator wake(Wake wake, boolean parkable) {
    this.wake = wake;
    this.parkable = parkable;
    return this;
  }

  /**
   * For a model with spec.model.retrainRef: what the ShieldRetrain made it serve, or why it is not followed
   * ({@code ModelRelease.explanation()}); the Ready message carries it. Null for a model without one.
   */
  /**
   * The gateway: its Deployment as observed (null when not created yet) and the status to report once it has an
   * available replica. Without this call the model has no gateway to wait for.
   */
  public ShieldModelStatusAggregator gateway(Deployment deployment, GatewayStatus status) {
    this.gatewayExpected = true;
    this.gatewayDeployment = deployment;
    this.gatewayStatus = status;
    return this;
  }

  private int gatewayAvailable() {
    if (gatewayDeployment == null || gatewayDeployment.getStatus() == null
        || gatewayDeployment.getStatus().getAvailableReplicas() == null) {
      return 0;
    }
    return gatewayDeployment.getStatus().getAvailableReplicas();
  }

  public ShieldModelStatusAggregator servedBecause(String explanation) {
    this.servedBecause = explanation;
    return this;
  }

  /** A new status; the model and the inputs are not modified. */
  public ShieldModelStatus aggregate() {
    ShieldModelStatus previous = model.getStatus();
    Long generation = model.getMetadata() == null ? null : model.getMetadata().getGeneration();
    String target = model.getSpec().model().version();

    Map<String, Deployment> byName = new HashMap<>();
    for (Deployment deployment : deployments) {
      byName.put(deployment.getMetadata().getName(), deployment);
    }
    List<Observed> observed = orderedDesired().stream()
        .map(want -> Observed.of(want, want.deployment() == null ? null : byName.get(want.deployment()), target))
        .toList();
    List<Pod> unschedulable = pods.stream().filter(ShieldModelStatusAggregator::isUnschedulable).toList();
    List<Pod> pendingForGpu = unschedulable.stream().filter(ShieldModelStatusAggregator::waitsForGpu).toList();

    ShieldModelStatusBuilder status = new ShieldModelStatusBuilder();
    status.withObservedGeneration(generation);
    boolean rolledOut = observed.stream().allMatch(Observed::rolledOut);
    status.withServedVersion(rolledOut ? target : previous == null ? null : previous.servedVersion());
    int desiredTotal = observed.stream().mapToInt(Observed::desired).sum();
    int readyTotal = observed.stream().mapToInt(Observed::ready).sum();
    status.withReplicas(readyTotal + "/" + desiredTotal);
    status.withVariants(variantStatuses(observed));

    Conditions conditions = new Conditions(previous == null ? null : previous.conditions(), clock, generation);
    Rollout rollout = new Rollout(observed, target, previous == null ? null : previous.servedVersion());
    setReady(conditions, observed, rollout, unschedulable);
    setProgressing(conditions, observed, rollout);
    setDegraded(conditions, observed, pendingForGpu);
    setCapacityAvailable(conditions);
    setSurge(status, conditions, previous);
    setWaking(conditions, previous);
    status.withConditions(conditions.toList());

    if (gatewayExpected) {
      if (gatewayAvailable() > 0 && gatewayStatus != null) {
        status.withGateway(new GatewayStatus(gatewayStatus.service(), gatewayStatus.url()));
      }
    } else if (previous != null && previous.gateway() != null) {
      status.withGateway(new GatewayStatus(previous.gateway().service(), previous.gateway().url()));
    }
    return status.build();
  }

  /**
   * {@code activeIncidents}, {@code surge} and the Surging condition, from the surge decision: {@code surge} is
   * present exactly while the floor is held above minReplicas (by an incident or its cooldown), with the floor the
   * HPAs really carry; {@code activeIncidents} exactly while incidents select the model. Without a decision yet, the
   * previous status's report stands.
   */
  private void setSurge(ShieldModelStatusBuilder status, Conditions conditions, ShieldModelStatus previous) {
    if (surge == null) {
      if (previous != null) {
        status.withActiveIncidents(previous.activeIncidents()).withSurge(previous.surge());
      }
      return;
    }
    status.withActiveIncidents(surge.activeIncidents().isEmpty() ? null : surge.activeIncidents());
    if (surge.surging()) {
      status.withSurge(new SurgeStatus(surge.severity(), surge.requestedFloor(), carriedFloor, surge.shortfall(),
          surge.cooldownUntil() == null ? null : surge.cooldownUntil().toString()));
    }
    conditions.set(ShieldModelStatus.SURGING, surge.surging() ? ConditionStatus.TRUE : ConditionStatus.FALSE,
        surge.reason(), surge.message());
  }

  /**
   * The Waking condition, for a model with a pool to wake: True while the gateways' excess work holds the pool awake
   * ({@code QueuedWork}, {@code UnservedWork}, with the variant and the figure that woke it), False
   * ({@code NoExcessWork}) while it is parked. Before the first wake (just after a start) the previous report stands;
   * a model whose pool is no longer parked ({@code minReplicas} above 0, or KEDA wakes it) reports it once, False
   * ({@code NotParked}), if it reported Waking before; one that never did gets no Waking condition.
   */
  private void setWaking(Conditions conditions, ShieldModelStatus previous) {
    if (parkable && wake != null) {
      conditions.set(ShieldModelStatus.WAKING, wake.waking() ? ConditionStatus.TRUE : ConditionStatus.FALSE,
          wake.reason(), wake.message());
    } else if (!parkable && previous != null && previous.condition(ShieldModelStatus.WAKING).isPresent()) {
      conditions.setFalse(ShieldModelStatus.WAKING, NOT_PARKED, "the private-cloud pool is not parked: its floor "
          + "is above 0, or KEDA wakes it");
    }
  }

  private void setReady(Conditions conditions, List<Observed> observed, Rollout rollout, List<Pod> unschedulable) {
    int desiredTotal = observed.stream().mapToInt(Observed::desired).sum();
    List<String> missing = missing(observed);
    if (missing.isEmpty() && observed.stream().allMatch(Observed::isReady) && gatewayExpected
        && gatewayAvailable() == 0) {
      conditions.setFalse(ShieldModelStatus.READY, GATEWAY_UNAVAILABLE, explained("every model server is ready, "
          + "but the gateway " + (gatewayDeployment == null ? "Deployment is not created yet"
          : gatewayDeployment.getMetadata().getName() + " has no available replica yet")));
    } else if (missing.isEmpty() && observed.stream().allMatch(Observed::isReady)) {
      int variants = (int) observed.stream().map(o -> o.want().variant()).distinct().count();
      conditions.setTrue(ShieldModelStatus.READY, ALL_REPLICAS_READY, explained("all " + desiredTotal
          + " desired " + plural(desiredTotal, "replica", "replicas") + " of " + variants + " "
          + plural(variants, "variant", "variants") + " serve version " + rollout.target()));
    } else if (!missing.isEmpty()) {
      conditions.setFalse(ShieldModelStatus.READY, DEPLOYMENTS_MISSING, explained("Deployments not created "
          + "yet: " + String.join(", ", missing)));
    } else if (capacity != null && !capacity.fits()) {
      conditions.setFalse(ShieldModelStatus.READY, INSUFFICIENT_CAPACITY, explained(capacity.message()));
    } else if (!unschedulable.isEmpty()) {
      conditions.setFalse(ShieldModelStatus.READY, UNSCHEDULABLE, explained(describePods(unschedulable)));
    } else if (!deadlineExceeded(observed).isEmpty()) {
      conditions.setFalse(ShieldModelStatus.READY, PROGRESS_DEADLINE_EXCEEDED,
          explained(deadlineMessage(observed)));
    } else {
      conditions.setFalse(ShieldModelStatus.READY, PROGRESSING, explained(rollout.message()));
    }
  }

  /** A Ready message, with why the version is what it is for a model following a ShieldRetrain. */
  private String explained(String message) {
    return servedBecause == null ? message : message + "; " + servedBecause;
  }

  private void setProgressing(Conditions conditions, List<Observed> observed, Rollout rollout) {
    List<String> missing = missing(observed);
    if (!missing.isEmpty()) {
      conditions.setTrue(ShieldModelStatus.PROGRESSING, CREATING_DEPLOYMENTS, "creating Deployments "
          + String.join(", ", missing) + " for version " + rollout.target());
    } else if (!deadlineExceeded(observed).isEmpty()) {
      conditions.setFalse(ShieldModelStatus.PROGRESSING, PROGRESS_DEADLINE_EXCEEDED, deadlineMessage(observed));
    } else if (!rollout.complete()) {
      conditions.setTrue(ShieldModelStatus.PROGRESSING, rollout.updating() ? ROLLING_OUT : SCALING,
          rollout.message());
    } else {
      conditions.setFalse(ShieldModelStatus.PROGRESSING, ROLLOUT_COMPLETE, "version " + rollout.target()
          + " is rolled out: " + rollout.available() + "/" + rollout.desired() + " replicas available");
    }
  }

  private void setDegraded(Conditions conditions, List<Observed> observed, List<Pod> pendingForGpu) {
    if (!pendingForGpu.isEmpty()) {
      conditions.setTrue(ShieldModelStatus.DEGRADED, PODS_PENDING_FOR_GPU, describePods(pendingForGpu));
      return;
    }
    if (!deadlineExceeded(observed).isEmpty()) {
      conditions.setTrue(ShieldModelStatus.DEGRADED, PROGRESS_DEADLINE_EXCEEDED, deadlineMessage(observed));
      return;
    }
    // A rolling update briefly has fewer ready replicas by design, and a model whose first pods are still starting
    // is not serving at all (Ready says so): degraded is some replicas serving while a settled Deployment lacks
    // others.
    List<Observed> settled = observed.stream().filter(o -> o.deployment() != null && !o.updating()).toList();
    List<Observed> shortOfReplicas = settled.stream().filter(o -> o.ready() < o.desired()).toList();
    int totalReady = observed.stream().mapToInt(Observed::ready).sum();
    if (!shortOfReplicas.isEmpty() && totalReady > 0) {
      int ready = observed.stream().mapToInt(o -> Math.min(o.ready(), o.desired())).sum();
      int wanted = observed.stream().mapToInt(Observed::desired).sum();
      conditions.setTrue(ShieldModelStatus.DEGRADED, REPLICAS_UNAVAILABLE, ready + "/" + wanted
          + " replicas ready (" + shortOfReplicas.stream().map(o -> o.want().deployment() + " " + o.ready() + "/"
          + o.desired()).collect(Collectors.joining(", ")) + ")");
      return;
    }
    conditions.setFalse(ShieldModelStatus.DEGRADED, AS_EXPECTED, "no replica is missing or waiting for GPUs");
  }

  private void setCapacityAvailable(Conditions conditions) {
    if (capacity == null) {
      conditions.setUnknown(ShieldModelStatus.CAPACITY_AVAILABLE, CAPACITY_UNKNOWN, "GPU capacity was not checked");
    } else if (capacity.fits()) {
      conditions.setTrue(ShieldModelStatus.CAPACITY_AVAILABLE, capacity.reason(), capacity.message());
    } else {
      conditions.setFalse(ShieldModelStatus.CAPACITY_AVAILABLE, capacity.reason(), capacity.message());
    }
  }

  /** The desired entries by variant in spec order, on-prem before cloud. */
  private List<DesiredReplicas> orderedDesired() {
    List<String> variantOrder = model.getSpec().variants() == null ? List.of()
        : model.getSpec().variants().stream().map(Variant::name).toList();
    List<DesiredReplicas> ordered = new ArrayList<>(desired);
    ordered.sort(Comparator.comparingInt((DesiredReplicas want) -> {
      int index = variantOrder.indexOf(want.variant());
      return index < 0 ? Integer.MAX_VALUE : index;
    }).thenComparing(DesiredReplicas::variant).thenComparing(DesiredReplicas::pool));
    return ordered;
  }

  private List<VariantStatus> variantStatuses(List<Observed> observed) {
    Map<String, List<PoolStatus>> variants = new LinkedHashMap<>();
    String modelName = model.getMetadata().getName();
    for (Observed o : observed) {
      List<PoolStatus> pools = variants.computeIfAbsent(o.want().variant(), name -> new ArrayList<>());
      PoolStatus pool = new PoolStatus(o.want().pool(), o.want().deployment(), o.desired(), o.ready(),
          o.want().floor());
      pools.add(pool);
    }
    return variants.entrySet().stream()
        .map(variant -> new VariantStatus(variant.getKey(), ShieldNames.service(modelName, variant.getKey()),
            List.copyOf(variant.getValue())))
        .toList();
  }

  private static List<String> missing(List<Observed> observed) {
    return observed.stream().filter(Observed::missing).map(o -> o.want().deployment()).toList();
  }

  private static List<Observed> deadlineExceeded(List<Observed> observed) {
    return observed.stream().filter(o -> o.deadlineCondition().isPresent()).toList();
  }

  private static String deadlineMessage(List<Observed> observed) {
    return deadlineExceeded(observed).stream()
        .map(o -> "Deployment " + o.want().deployment() + ": "
            + Objects.requireNonNullElse(o.deadlineCondition().orElseThrow().getMessage(), "progress deadline exceeded"))
        .collect(Collectors.joining("; "));
  }

  /** Pods grouped by the scheduler's message: {@code pod a, pod b: 0/9 nodes are available: ...}. */
  private static String describePods(List<Pod> pods) {
    Map<String, List<String>> byMessage = new LinkedHashMap<>();
    pods.stream().sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
        .forEach(pod -> byMessage.computeIfAbsent(scheduledCondition(pod).map(PodCondition::getMessage).orElse(""),
            message -> new ArrayList<>()).add(pod.getMetadata().getName()));
    String summary = pods.size() == 1 ? "1 pod cannot be scheduled" : pods.size() + " pods cannot be scheduled";
    return summary + ": " + byMessage.entrySet().stream().map(entry -> {
      List<String> names = entry.getValue();
      String named = String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMED_PODS)))
          + (names.size() > MAX_NAMED_PODS ? " and " + (names.size() - MAX_NAMED_PODS) + " more" : "");
      return (names.size() == 1 ? "pod " : "pods ") + named + ": " + entry.getKey();
    }).collect(Collectors.joining("; "));
  }

  private static boolean isUnschedulable(Pod pod) {
    if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    if (GpuCapacity.isTerminated(pod) || (pod.getSpec() != null && pod.getSpec().getNodeName() != null)) {
      return false;
    }
    return scheduledCondition(pod)
        .filter(condition -> "False".equals(condition.getStatus()) && UNSCHEDULABLE.equals(condition.getReason()))
        .isPresent();
  }

  private static boolean waitsForGpu(Pod pod) {
    return scheduledCondition(pod).map(PodCondition::getMessage)
        .filter(message -> message.contains("Insufficient nvidia.com")).isPresent();
  }

  private static Optional<PodCondition> scheduledCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst();
  }

  private static String plural(int count, String one, String many) {
    return count == 1 ? one : many;
  }

  /**
   * The status after a reconcile failed: the previous one with {@code Ready=False}, reason {@code ReconcileError},
   * and the error's message.
   */
  public static ShieldModelStatus failed(ShieldModel model, Clock clock, String message) {
    ShieldModelStatus previous = model.getStatus();
    ShieldModelStatusBuilder status = previous == null ? new ShieldModelStatusBuilder()
        : new ShieldModelStatusBuilder(previous);
    return status.withConditions(new Conditions(previous == null ? null : previous.conditions(), clock,
        model.getMetadata().getGeneration()).setFalse(ShieldModelStatus.READY, RECONCILE_ERROR, message).toList())
        .build();
  }

  /** What was observed of one desired variant-and-pool. */
  private record Observed(DesiredReplicas want, Deployment deployment, int desired, int ready, int available,
                          int updated, boolean currentTemplate, boolean rolledOut, boolean updating,
                          Optional<DeploymentCondition> deadlineCondition) {

    static Observed of(DesiredReplicas want, Deployment deployment, String target) {
      if (deployment == null) {
        return new Observed(want, null, want.replicas(), 0, 0, 0, want.replicas() == 0, want.replicas() == 0,
            false, Optional.empty());
      }
      int specReplicas = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
          : deployment.getSpec().getReplicas();
      int desired = want.autoscaled() ? Math.max(want.replicas(), specReplicas) : want.replicas();
      DeploymentStatus status = deployment.getStatus();
      int ready = status == null ? 0 : zeroIfNull(status.getReadyReplicas());
      int available = status == null ? 0 : zeroIfNull(status.getAvailableReplicas());
      int updated = status == null ? 0 : zeroIfNull(status.getUpdatedReplicas());
      int current = status == null ? 0 : zeroIfNull(status.getReplicas());
      Long generation = deployment.getMetadata().getGeneration();
      Long observedGeneration = status == null ? null : status.getObservedGeneration();
      boolean generationObserved = generation == null
          || (observedGeneration != null && observedGeneration >= generation);
      String version = templateVersion(deployment);
      boolean currentTemplate = version == null || version.equals(target);
      boolean updating = !generationObserved || !currentTemplate || updated < desired || current > desired
          || specReplicas != desired;
      boolean rolledOut = generationObserved && currentTemplate && specReplicas == desired
          && updated == desired && current == desired && available == desired;
      Optional<DeploymentCondition> deadline = status == null || status.getConditions() == null ? Optional.empty()
          : status.getConditions().stream()
              .filter(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus())
                  && PROGRESS_DEADLINE_EXCEEDED.equals(c.getReason()))
              .findFirst();
      return new Observed(want, deployment, desired, ready, available, updated, currentTemplate, rolledOut,
          updating, deadline);
    }

    /** A Deployment that should run replicas but does not exist. */
    boolean missing() {
      return deployment == null && want.deployment() != null && desired > 0;
    }

    /** Serves the target version with its desired replicas available; a pool that wants none always is. */
    boolean isReady() {
      if (desired == 0) {
        return true;
      }
      return deployment != null && currentTemplate && !updatingTemplate() && available >= desired
          && updated >= desired;
    }

    private boolean updatingTemplate() {
      Long generation = deployment.getMetadata().getGeneration();
      Long observedGeneration = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
      return generation != null && (observedGeneration == null || observedGeneration < generation);
    }

    private static int zeroIfNull(Integer value) {
      return value == null ? 0 : value;
    }

    private static String templateVersion(Deployment deployment) {
      ObjectMeta template = deployment.getSpec() == null || deployment.getSpec().getTemplate() == null ? null
          : deployment.getSpec().getTemplate().getMetadata();
      if (template != null && template.getLabels() != null
          && template.getLabels().containsKey(ShieldNames.APP_VERSION_LABEL)) {
        return template.getLabels().get(ShieldNames.APP_VERSION_LABEL);
      }
      return null;
    }
  }

  /** The progress of the rollout over all Deployments. */
  private record Rollout(String target, String served, boolean complete, boolean updating, int desired,
                         int updated, int available) {

    Rollout(List<Observed> observed, String target, String served) {
      this(target, served, observed.stream().allMatch(Observed::rolledOut),
          observed.stream().anyMatch(o -> o.deployment() != null && o.updating() && hasTemplateWork(o))
              || !target.equals(served),
          observed.stream().mapToInt(Observed::desired).sum(),
          observed.stream().mapToInt(o -> o.currentTemplate() ? Math.min(o.updated(), o.desired()) : 0).sum(),
          observed.stream().mapToInt(o -> Math.min(o.available(), o.desired())).sum());
    }

    private static boolean hasTemplateWork(Observed o) {
      return !o.currentTemplate() || o.updated() < o.desired() || o.updatingTemplate();
    }

    String message() {
      if (!updating && served != null) {
        return "scaling version " + target + ": " + available + "/" + desired + " replicas available";
      }
      String prefix = served == null || !served.equals(target) ? "rolling out version " + target
          : "rolling out a change to version " + target;
      String message = prefix + ": " + updated + "/" + desired + " replicas updated";
      return updated >= desired && available < desired ? message + ", " + available + "/" + desired + " available"
          : message;
    }
  }
}
