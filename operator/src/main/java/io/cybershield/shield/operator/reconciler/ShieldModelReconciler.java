package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder;
import io.cybershield.shield.operator.capacity.CapacityMemo;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.operator.events.ModelEvents;
import io.cybershield.shield.operator.metrics.ShieldMetrics;
import io.cybershield.shield.operator.metrics.SurgeLatency;
import io.cybershield.shield.operator.reconciler.dependent.ModelAutoscalersDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelDeploymentsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelDisruptionBudgetsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelNetworkPoliciesDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelServiceAccountDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelServiceMonitorDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelServicesDependent;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.operator.status.Conditions;
import io.cybershield.shield.operator.surge.IncidentLifecycle;
import io.cybershield.shield.operator.surge.IncidentSelection;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.cybershield.shield.operator.status.DesiredReplicas;
import io.cybershield.shield.operator.status.ShieldModelStatusAggregator;
import io.cybershield.shield.operator.status.StatusDiff;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Reconciles a ShieldModel: the managed workflow applies the objects the pure builders describe (DJL Serving
 * Deployments per variant and pool, Services, HPAs, PDBs, NetworkPolicies, a ServiceAccount, a ServiceMonitor where
 * the Prometheus Operator is installed); this class then derives the status from what the cluster shows — rollout
 * progress, ready replicas, pods the scheduler cannot place, and whether the pools' GPUs can hold what the model
 * asks for — and records Events and metrics for every change a person would want to see.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "service-account", type = ModelServiceAccountDependent.class),
    @Dependent(name = "deployments", type = ModelDeploymentsDependent.class),
    @Dependent(name = "services", type = ModelServicesDependent.class),
    @Dependent(name = "disruption-budgets", type = ModelDisruptionBudgetsDependent.class),
    @Dependent(name = "network-policies", type = ModelNetworkPoliciesDependent.class),
    @Dependent(name = "service-monitor", type = ModelServiceMonitorDependent.class,
        activationCondition = CRDPresentActivationCondition.class)
})
@ControllerConfiguration(name = ShieldModelReconciler.NAME)
// read-only views for capacity: every node and pod counts towards what a pool can still hold
@RBACRule(apiGroups = "", resources = {"nodes", "pods"}, verbs = {"get", "list", "watch"})
// the HPAs are a standalone dependent (applied ahead of the workflow), so their rule is not derived from it
@RBACRule(apiGroups = "autoscaling", resources = "horizontalpodautoscalers",
    verbs = {"get", "list", "watch", "create", "patch", "update", "delete"})
// Events about ShieldModels, for kubectl describe
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
public class ShieldModelReconciler implements Reconciler<ShieldModel> {

  public static final String NAME = "shieldmodel";
  /** How long a full reconcile waits for other models' floors to be written; a burst takes a few hundred ms. */
  static final Duration AFTER_FLOORS = Duration.ofMillis(200);
  private static final String PODS = SurgeContext.PODS;
  private static final String NODES = SurgeContext.NODES;

  private final ShieldMetrics metrics;
  private final SurgeLatency surgeLatency;
  private final ModelEvents events;
  private final Clock clock;
  private final ModelAutoscalersDependent autoscalers = new ModelAutoscalersDependent();
  private final CapacityMemo capacityMemo = new CapacityMemo();
  /**
   * Per model, the HPA floors last applied ahead of the workflow. Each move of the floor gets that head start once;
   * should the HPAs not show it afterwards (another writer, a mutating webhook), the full reconcile runs regardless.
   * A scheduling hint only: lost on restart, nothing depends on it but the order of work.
   */
  private final Map<ResourceID, Map<String, Integer>> headStarts = new ConcurrentHashMap<>();
  /** Floor-first steps in progress: while any runs, full reconciles wait (a burst of floors goes first). */
  private final AtomicInteger floorsBeingWritten = new AtomicInteger();

  @Inject
  public ShieldModelReconciler(MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  public ShieldModelReconciler(MeterRegistry registry, Clock clock) {
    this.metrics = new ShieldMetrics(registry);
    this.surgeLatency = new SurgeLatency(registry, clock);
    this.events = new ModelEvents(clock);
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, ShieldModel>> prepareEventSources(EventSourceContext<ShieldModel> context) {
    // every pod counts for capacity (other tenants hold GPUs too); a model's own pods also trigger its reconcile
    InformerEventSource<Pod, ShieldModel> pods = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Pod.class, ShieldModel.class).withName(PODS)
            .withWatchAllNamespaces()
            .withSecondaryToPrimaryMapper(pod -> {
              String model = pod.getMetadata().getLabels() == null ? null
                  : pod.getMetadata().getLabels().get(ShieldNames.MODEL_LABEL);
              return model == null ? Set.of() : Set.of(new ResourceID(model, pod.getMetadata().getNamespace()));
            }).build(), context);
    // a node joining, leaving or changing capacity may change what every model can get
    InformerEventSource<Node, ShieldModel> nodes = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Node.class, ShieldModel.class).withName(NODES)
            .withSecondaryToPrimaryMapper(node -> context.getPrimaryCache().list().map(ResourceID::fromResource)
                .collect(Collectors.toSet())).build(), context);
    // an incident raises (or, ending, lowers) the private-cloud floor of every model it selects
    InformerEventSource<ShieldIncident, ShieldModel> incidents = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ShieldIncident.class, ShieldModel.class)
            .withName(SurgeContext.INCIDENTS)
            // the incident reconciler's reports (surged models, conditions) would wake every selected model
            .withOnUpdateFilter(IncidentLifecycle::surgeInputsChanged)
            // not a filter: the moment an incident arrives starts its floor latency
            .withOnAddFilter(incident -> {
              surgeLatency.arrived(incident);
              return true;
            })
            .withSecondaryToPrimaryMapper(incident -> context.getPrimaryCache().list()
                .filter(model -> IncidentSelection.selects(incident, model))
                .map(ResourceID::fromResource).collect(Collectors.toSet())).build(), context);
    return List.of(pods, nodes, incidents, autoscalers.eventSource(context).orElseThrow());
  }

  @Override
  public UpdateControl<ShieldModel> reconcile(ShieldModel model, Context<ShieldModel> context) {
    SurgeContext.useMemo(context, capacityMemo);
    SurgeDecision surge = SurgeContext.of(model, context);
    // Floor first. When the private-cloud floor moves (an incident starts or ends, a cooldown runs out), the HPAs
    // that carry it are written on their own, and the rest of this model's work (Deployments, budgets, status,
    // Events) waits until no other model is writing its floor: an incident selecting a hundred models raises all
    // hundred floors before any of them rebuilds everything else.
    ResourceID id = ResourceID.fromResource(model);
    Collection<HorizontalPodAutoscaler> wanted = autoscalers.desiredResources(model, context).values();
    Set<HorizontalPodAutoscaler> current = context.getSecondaryResources(HorizontalPodAutoscaler.class);
    Map<String, Integer> floors = hpaFloors(wanted);
    if (!floors.equals(hpaFloors(current)) && !floors.equals(headStarts.get(id))) {
      int othersWriting;
      floorsBeingWritten.incrementAndGet();
      try {
        applyFloors(model, wanted, current, context);
        headStarts.put(id, floors);
      } finally {
        othersWriting = floorsBeingWritten.decrementAndGet();
      }
      recordFloorLatency(model, surge, context);
      forgetDeleted(context);
      return UpdateControl.<ShieldModel>noUpdate().rescheduleAfter(othersWriting > 0 ? AFTER_FLOORS : Duration.ZERO);
    }
    if (floorsBeingWritten.get() > 0) {
      return UpdateControl.<ShieldModel>noUpdate().rescheduleAfter(AFTER_FLOORS);
    }
    autoscalers.reconcile(model, context);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

    String namespace = model.getMetadata().getNamespace();
    String name = model.getMetadata().getName();
    Collection<Pod> allPods = SurgeContext.cached(context, Pod.class, PODS);
    List<Pod> ownPods = allPods.stream().filter(p -> namespace.equals(p.getMetadata().getNamespace())
        && p.getMetadata().getLabels() != null && name.equals(p.getMetadata().getLabels().get(ShieldNames.MODEL_LABEL)))
        .toList();
    List<Deployment> deployments = new ArrayList<>(context.getSecondaryResources(Deployment.class));
    deployments.removeIf(d -> !namespace.equals(d.getMetadata().getNamespace()));

    List<DesiredReplicas> desired = desiredReplicas(model, SurgeContext.deployments(model, context),
        surge.floorByVariant());
    Map<String, Map<Pool, Integer>> replicasByVariant = new LinkedHashMap<>();
    desired.forEach(d -> replicasByVariant.computeIfAbsent(d.variant(), v -> new LinkedHashMap<>())
        .put(d.pool(), d.replicas()));
    CapacityPlan plan = CapacityPlan.check(model, replicasByVariant, SurgeContext.capacity(context), ownPods);

    ShieldModelStatus before = model.getStatus();
    ShieldModelStatus aggregated = ShieldModelStatusAggregator.forModel(model, clock).deployments(deployments)
        .pods(ownPods).capacity(plan).desired(desired).surge(surge.surging() ? surge.toStatus() : null)
        .aggregate();
    ShieldModelStatusBuilder next = new ShieldModelStatusBuilder(aggregated);
    next.withActiveIncidents(surge.activeIncidents().isEmpty() ? null : surge.activeIncidents());
    if (!surge.surging()) {
      next.withSurge(null);
    }
    next.withConditions(new Conditions(aggregated.conditions(), clock, model.getMetadata().getGeneration())
        .set(ShieldModelStatus.SURGING, surge.surging() ? ConditionStatus.TRUE : ConditionStatus.FALSE,
            surge.reason(), surge.message()).toList());
    ShieldModelStatus after = next.build();
    recordMetrics(model, after, plan, context);
    UpdateControl<ShieldModel> control = StatusDiff.changed(before, after)
        ? UpdateControl.patchStatus(withStatus(model, after)) : UpdateControl.noUpdate();
    if (control.isPatchStatus()) {
      events.conditionTransitions(context.getClient(), model, before == null ? List.of() : before.conditions(),
          after.conditions());
    }
    // an incident's expiry or a cooldown's end changes the floor by time alone
    surge.nextCheck().ifPresent(at -> control.rescheduleAfter(
        Duration.ofMillis(Math.max(100, Duration.between(clock.instant(), at).toMillis() + 50))));
    return control;
  }

  /**
   * Writes the HPAs whose floor moved, and creates those a woken pool needs, through the dependent's own create and
   * update (the same field manager, owner reference and cache as its full reconcile), skipping the comparison of
   * every field: the floor is known to differ. HPAs to delete (a pool parked again) wait for the full reconcile.
   */
  private void applyFloors(ShieldModel model, Collection<HorizontalPodAutoscaler> wanted,
      Collection<HorizontalPodAutoscaler> current, Context<ShieldModel> context) {
    Map<String, HorizontalPodAutoscaler> actual = new HashMap<>();
    current.forEach(hpa -> actual.put(hpa.getMetadata().getName(), hpa));
    for (HorizontalPodAutoscaler desired : wanted) {
      HorizontalPodAutoscaler existing = actual.get(desired.getMetadata().getName());
      if (existing == null) {
        autoscalers.create(desired, model, context);
      } else if (!Objects.equals(existing.getSpec().getMinReplicas(), desired.getSpec().getMinReplicas())) {
        autoscalers.update(existing, desired, model, context);
      }
    }
  }

  /** HPA name to minReplicas: the floors the HPAs carry. */
  private static Map<String, Integer> hpaFloors(Collection<HorizontalPodAutoscaler> autoscalers) {
    Map<String, Integer> floors = new HashMap<>();
    autoscalers.forEach(hpa -> floors.put(hpa.getMetadata().getName(), hpa.getSpec().getMinReplicas()));
    return floors;
  }

  /**
   * The floor just written was raised for an incident: how long that took, from the incident's arrival. Only for
   * models that existed before the incident: a model created during one gets its floor with its first objects, which
   * says nothing about how fast incidents are answered.
   */
  private void recordFloorLatency(ShieldModel model, SurgeDecision surge, Context<ShieldModel> context) {
    if (surge.activeIncidents().isEmpty() || surge.coolingDown()) {
      return;
    }
    String driving = surge.activeIncidents().get(0).name();
    List<ShieldIncident> incidents = SurgeContext.cached(context, ShieldIncident.class, SurgeContext.INCIDENTS);
    incidents.stream().filter(i -> driving.equals(i.getMetadata().getName())
        && model.getMetadata().getNamespace().equals(i.getMetadata().getNamespace()))
        .filter(i -> !createdAfter(model.getMetadata().getCreationTimestamp(), i.getMetadata().getCreationTimestamp()))
        .findFirst().ifPresent(surgeLatency::floorWritten);
  }

  /** Whether one RFC 3339 timestamp is later than another; false when either is missing or malformed. */
  private static boolean createdAfter(String timestamp, String other) {
    Instant at = IncidentLifecycle.instant(timestamp);
    Instant otherAt = IncidentLifecycle.instant(other);
    return at != null && otherAt != null && at.isAfter(otherAt);
  }

  /** Drops what is kept per model or incident for those that no longer exist. */
  private void forgetDeleted(Context<ShieldModel> context) {
    if (headStarts.size() > context.getPrimaryCache().list().count()) {
      headStarts.keySet().retainAll(context.getPrimaryCache().list().map(ResourceID::fromResource)
          .collect(Collectors.toSet()));
    }
    List<ShieldIncident> incidents = SurgeContext.cached(context, ShieldIncident.class, SurgeContext.INCIDENTS);
    if (surgeLatency.tracked() > incidents.size()) {
      surgeLatency.retain(incidents.stream().map(i -> i.getMetadata().getUid()).collect(Collectors.toSet()));
    }
  }

  /**
   * Replicas each variant wants in each pool, read off the builders' Deployments: their count, or — where an HPA
   * owns the count — the private-cloud floor.
   */
  private static List<DesiredReplicas> desiredReplicas(ShieldModel model, List<Deployment> deployments,
      Map<String, Integer> cloudFloors) {
    String name = model.getMetadata().getName();
    List<DesiredReplicas> desired = new ArrayList<>();
    for (Deployment deployment : deployments) {
      Map<String, String> labels = deployment.getMetadata().getLabels();
      String variant = labels.get(ShieldNames.VARIANT_LABEL);
      Pool pool = Pool.ONPREM.value().equals(labels.get(ShieldNames.POOL_LABEL)) ? Pool.ONPREM : Pool.PRIVATE_CLOUD;
      Integer count = deployment.getSpec().getReplicas();
      if (count != null) {
        desired.add(DesiredReplicas.fixed(name, variant, pool, count));
      } else {
        desired.add(DesiredReplicas.autoscaled(name, variant, cloudFloors.getOrDefault(variant,
            nz(model.getSpec().placement().privateCloud().minReplicas()))));
      }
    }
    return desired;
  }

  private void recordMetrics(ShieldModel model, ShieldModelStatus status, CapacityPlan plan,
      Context<ShieldModel> context) {
    String namespace = model.getMetadata().getNamespace();
    String name = model.getMetadata().getName();
    Map<String, String> conditions = new LinkedHashMap<>();
    for (Condition c : status.conditions()) {
      conditions.put(c.type(), c.status() == null ? "Unknown" : switch (c.status()) {
        case TRUE -> "True";
        case FALSE -> "False";
        default -> "Unknown";
      });
    }
    metrics.modelConditions(namespace, name, conditions);
    if (status.variants() != null) {
      status.variants().forEach(v -> v.pools().forEach(p -> metrics.replicas(namespace, name, v.name(),
          ShieldNames.poolLabelValue(p.pool()), nz(p.desiredReplicas()), nz(p.readyReplicas()))));
    }
    plan.entries().forEach(e -> metrics.gpuShortfall(namespace, name, ShieldNames.poolLabelValue(e.pool()),
        e.resource() == null ? "none" : e.resource(), e.shortfallGpus()));
    for (Pool pool : Pool.values()) {
      plan.freeGpus(pool).forEach((resource, free) -> metrics.freeGpus(ShieldNames.poolLabelValue(pool), resource,
          free));
    }
    if (metrics.modelsWithSeries() > context.getPrimaryCache().list().count()) {
      metrics.retainModels(context.getPrimaryCache().list()
          .map(m -> m.getMetadata().getNamespace() + "/" + m.getMetadata().getName()).collect(Collectors.toSet()));
    }
  }

  private static int nz(Integer value) {
    return value == null ? 0 : value;
  }

  /** An error for a person: its first line, without the stack traces JOSDK aggregates into messages. */
  private static String briefly(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\n")) {
      if (line.isBlank() || line.trim().startsWith("at ")) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(line.trim());
      if (out.length() > 400) {
        break;
      }
    }
    return out.length() > 400 ? out.substring(0, 400) + "..." : out.toString();
  }

  /** A status-only copy for the status patch: the operator never writes the user's spec. */
  private static ShieldModel withStatus(ShieldModel model, ShieldModelStatus status) {
    ShieldModel patch = new ShieldModel();
    patch.setMetadata(new ObjectMetaBuilder().withName(model.getMetadata().getName())
        .withNamespace(model.getMetadata().getNamespace()).build());
    patch.setStatus(status);
    return patch;
  }

  @Override
  public ErrorStatusUpdateControl<ShieldModel> updateErrorStatus(ShieldModel model, Context<ShieldModel> context,
      Exception e) {
    ShieldModelStatus status = model.getStatus() == null ? new ShieldModelStatusBuilder().build() : model.getStatus();
    status = new ShieldModelStatusBuilder(status).withConditions(new Conditions(status.conditions(), clock,
        model.getMetadata().getGeneration())
        .setFalse(ShieldModelStatus.READY, "ReconcileError", "the operator could not reconcile this model: "
            + briefly(e)).toList()).build();
    return ErrorStatusUpdateControl.patchStatus(withStatus(model, status));
  }
}
