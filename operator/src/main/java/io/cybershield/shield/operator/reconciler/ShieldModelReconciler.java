package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.operator.capacity.CapacityMemo;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.operator.events.ModelEvents;
import io.cybershield.shield.operator.metrics.ShieldMetrics;
import io.cybershield.shield.operator.model.ModelPools;
import io.cybershield.shield.operator.reconciler.dependent.DependentLabels;
import io.cybershield.shield.operator.reconciler.dependent.ModelDeploymentsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelDisruptionBudgetsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelNetworkPoliciesDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelServiceAccountDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelServiceMonitorDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelServicesDependent;
import io.cybershield.shield.operator.status.DesiredReplicas;
import io.cybershield.shield.operator.status.ShieldModelStatusAggregator;
import io.cybershield.shield.operator.status.StatusDiff;
import io.cybershield.shield.operator.surge.SurgeDecision;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reconciles a ShieldModel: the managed workflow applies the objects the pure builders describe (DJL Serving
 * Deployments per variant and pool, Services, PDBs, NetworkPolicies, a ServiceAccount, a ServiceMonitor where the
 * Prometheus Operator is installed); this class then derives the status from what the cluster shows — rollout
 * progress, ready replicas, pods the scheduler cannot place, whether the pools' GPUs can hold what the model asks
 * for, and the incident surge the floor controller ({@link SurgeFloorReconciler}) decided and wrote into the cloud
 * HPAs — and records Events and metrics for every change a person would want to see.
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
// read-only views for capacity: every node and pod counts towards what a pool can still hold; the cloud HPAs, which
// the floor controller writes, for the floor they carry
@RBACRule(apiGroups = "", resources = {"nodes", "pods"}, verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "autoscaling", resources = "horizontalpodautoscalers", verbs = {"get", "list", "watch"})
// Events about ShieldModels, for kubectl describe
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
public class ShieldModelReconciler implements Reconciler<ShieldModel> {

  public static final String NAME = "shieldmodel";
  private static final String AUTOSCALERS = "autoscalers";

  private final ShieldMetrics metrics;
  private final ModelEvents events;
  private final Clock clock;
  private final SurgeDecisions decisions;
  private final CapacityMemo capacityMemo = new CapacityMemo();

  @Inject
  public ShieldModelReconciler(MeterRegistry registry, SurgeDecisions decisions, Clock clock) {
    this.metrics = new ShieldMetrics(registry);
    this.events = new ModelEvents(clock);
    this.clock = clock;
    this.decisions = decisions;
  }

  @Override
  public List<EventSource<?, ShieldModel>> prepareEventSources(EventSourceContext<ShieldModel> context) {
    // the floors the cloud HPAs carry, for the reconciles before the floor controller's first decision; a change
    // of them reaches this controller as that controller's decision, with the floor its write left on the HPAs
    InformerEventSource<HorizontalPodAutoscaler, ShieldModel> autoscalers = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(HorizontalPodAutoscaler.class, ShieldModel.class).withName(AUTOSCALERS)
            .withLabelSelector(DependentLabels.MANAGED)
            .withOnAddFilter(hpa -> false)
            .withOnUpdateFilter((now, before) -> false)
            .withOnDeleteFilter((hpa, unknown) -> false)
            .withSecondaryToPrimaryMapper(ClusterInformers::labelledModel).build(), context);
    // incidents reach this controller through the floor controller's decisions, once the floors are written
    return List.of(ClusterInformers.pods(context, true), ClusterInformers.nodes(context), autoscalers,
        decisions.eventSource());
  }

  @Override
  public UpdateControl<ShieldModel> reconcile(ShieldModel model, Context<ShieldModel> context) {
    ResourceID id = ResourceID.fromResource(model);
    Optional<SurgeDecisions.Applied> surge = decisions.latest(id);
    Map<String, Integer> floors = floors(surge.map(SurgeDecisions.Applied::decision),
        context.getSecondaryResources(HorizontalPodAutoscaler.class));
    ModelContext.putFloors(context, floors);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

    String namespace = model.getMetadata().getNamespace();
    List<Pod> ownPods = ModelContext.cached(context, Pod.class, ClusterInformers.PODS).stream()
        .filter(pod -> ClusterInformers.belongsTo(model, pod)).toList();
    List<Deployment> deployments = new ArrayList<>(context.getSecondaryResources(Deployment.class));
    deployments.removeIf(d -> !namespace.equals(d.getMetadata().getNamespace()));

    List<DesiredReplicas> desired = desiredReplicas(model, ModelContext.deployments(model, context), floors);
    Map<String, Map<Pool, Integer>> replicasByVariant = new LinkedHashMap<>();
    desired.forEach(d -> replicasByVariant.computeIfAbsent(d.variant(), v -> new LinkedHashMap<>())
        .put(d.pool(), d.replicas()));
    CapacityPlan plan = CapacityPlan.check(model, replicasByVariant, ModelContext.capacity(context, capacityMemo),
        ownPods);

    ShieldModelStatus before = model.getStatus();
    ShieldModelStatus after = ShieldModelStatusAggregator.forModel(model, clock).deployments(deployments)
        .pods(ownPods).capacity(plan).desired(desired)
        .surge(surge.map(SurgeDecisions.Applied::decision).orElse(null),
            surge.map(SurgeDecisions.Applied::carriedFloor).orElse(0))
        .aggregate();
    recordMetrics(model, after, plan, context);
    if (StatusDiff.changed(before, after)) {
      context.resourceOperations().serverSideApplyPrimaryStatus(withStatus(model, after));
      // only once the status that reports them is written, so a failed write does not repeat them
      events.conditionTransitions(context.getClient(), model, before == null ? List.of() : before.conditions(),
          after.conditions());
    }
    return UpdateControl.noUpdate();
  }

  /**
   * The private-cloud floor per variant the Deployments, budgets and status use: the floor controller's latest
   * decision; before it made one (just after a start), the floors the HPAs carry, and minReplicas elsewhere.
   */
  static Map<String, Integer> floors(Optional<SurgeDecision> surge, Collection<HorizontalPodAutoscaler> autoscalers) {
    if (surge.isPresent()) {
      return surge.get().floorByVariant();
    }
    Map<String, Integer> carried = new HashMap<>();
    autoscalers.forEach(hpa -> {
      String variant = hpa.getMetadata().getLabels().get(ShieldNames.VARIANT_LABEL);
      if (variant != null && hpa.getSpec().getMinReplicas() != null) {
        carried.put(variant, hpa.getSpec().getMinReplicas());
      }
    });
    return carried;
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
        desired.add(DesiredReplicas.autoscaled(name, variant, ModelPools.privateCloudFloor(model, variant,
            cloudFloors)));
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
      conditions.put(c.type(), c.status() == null ? "Unknown" : c.status().value());
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
    return ErrorStatusUpdateControl.patchStatus(withStatus(model, ShieldModelStatusAggregator.failed(model, clock,
        "the operator could not reconcile this model: " + briefly(e))));
  }
}
