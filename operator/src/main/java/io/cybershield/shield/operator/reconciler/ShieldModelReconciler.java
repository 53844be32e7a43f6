package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.status.GatewayStatus;
import io.cybershield.shield.api.v1alpha1.model.spec.ModelSource;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.operator.capacity.CapacityMemo;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.operator.events.ModelEvents;
import io.cybershield.shield.operator.metrics.ShieldMetrics;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.operator.model.ModelPools;
import io.cybershield.shield.operator.model.ModelRelease;
import io.cybershield.shield.operator.model.ModelScaledObjects;
import io.cybershield.shield.operator.reconciler.dependent.DependentLabels;
import io.cybershield.shield.operator.reconciler.dependent.GatewayRoleBindingDependent;
import io.cybershield.shield.operator.reconciler.dependent.GatewayRoleDependent;
import io.cybershield.shield.operator.reconciler.dependent.GatewayRoutesDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelDeploymentsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelDisruptionBudgetsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelNetworkPoliciesDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelScaledObjectsDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelServiceAccountDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelCertificatesDependent;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a ShieldModel: the managed workflow applies the objects the pure builders describe (DJL Serving
 * Deployments per variant and pool, Services, PDBs, NetworkPolicies, a ServiceAccount, a ServiceMonitor where the
 * Prometheus Operator is installed, cert-manager Certificates where cert-manager is); this class then derives the
 * status from what the cluster shows — rollout
 * progress, ready replicas, pods the scheduler cannot place, whether the pools' GPUs can hold what the model asks
 * for, and the incident surge the floor controller ({@link SurgeFloorReconciler}) decided and wrote into the cloud
 * HPAs — and records Events and metrics for every change a person would want to see.
 * <p>
 * A model whose {@code spec.model.retrainRef} names a ShieldRetrain serves the version that ShieldRetrain promoted
 * ({@link ModelRelease}): the Deployments and the status are built from a copy of the model with that version and its
 * weights, and the user's spec is never written.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "service-account", type = ModelServiceAccountDependent.class),
    @Dependent(name = "deployments", type = ModelDeploymentsDependent.class),
    @Dependent(name = "services", type = ModelServicesDependent.class),
    @Dependent(name = "disruption-budgets", type = ModelDisruptionBudgetsDependent.class),
    @Dependent(name = "network-policies", type = ModelNetworkPoliciesDependent.class),
    @Dependent(name = "gateway-routes", type = GatewayRoutesDependent.class),
    @Dependent(name = "gateway-role", type = GatewayRoleDependent.class),
    @Dependent(name = "gateway-role-binding", type = GatewayRoleBindingDependent.class),
    @Dependent(name = "service-monitor", type = ModelServiceMonitorDependent.class,
        activationCondition = CRDPresentActivationCondition.class),
    @Dependent(name = "certificates", type = ModelCertificatesDependent.class,
        activationCondition = CRDPresentActivationCondition.class)
})
@ControllerConfiguration(name = ShieldModelReconciler.NAME)
// read-only views for capacity: every node and pod counts towards what a pool can still hold; the cloud HPAs, which
// the floor controller writes, for the floor they carry
@RBACRule(apiGroups = "", resources = {"nodes", "pods"}, verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "autoscaling", resources = "horizontalpodautoscalers", verbs = {"get", "list", "watch"})
// the ShieldRetrains models follow (spec.model.retrainRef), for the versions they promoted
@RBACRule(apiGroups = ShieldApi.GROUP, resources = "shieldretrains", verbs = {"get", "list", "watch"})
// the gateways' TokenReviews: one ClusterRoleBinding of system:auth-delegator to every gateway ServiceAccount, which the
// operator may bind without holding its permissions itself (GatewayAuthDelegation)
@RBACRule(apiGroups = "rbac.authorization.k8s.io", resources = "clusterrolebindings", verbs = "create")
@RBACRule(apiGroups = "rbac.authorization.k8s.io", resources = "clusterrolebindings",
    resourceNames = ModelGateway.AUTH_DELEGATION, verbs = {"get", "patch"})
@RBACRule(apiGroups = "rbac.authorization.k8s.io", resources = "clusterroles",
    resourceNames = ModelGateway.AUTH_DELEGATOR_ROLE, verbs = "bind")
// Events about ShieldModels, for kubectl describe
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
// held only to grant them: each gateway's Role lets its SIEM webhook get, create and patch ShieldIncidents, and RBAC
// lets a Role be created only by whoever holds what it grants (the operator never writes an incident itself)
@RBACRule(apiGroups = ShieldApi.GROUP, resources = "shieldincidents", verbs = {"get", "create", "patch"})
// whether the optional CRDs exist: the ServiceMonitor's (its dependent's activation) and KEDA's (who scales)
@RBACRule(apiGroups = "apiextensions.k8s.io", resources = "customresourcedefinitions",
    resourceNames = {KedaActivation.CRD, ShieldModelReconciler.SERVICE_MONITOR_CRD,
        ShieldModelReconciler.CERTIFICATE_CRD}, verbs = "get")
public class ShieldModelReconciler implements Reconciler<ShieldModel> {

  public static final String NAME = "shieldmodel";
  /** The Prometheus Operator's CRD, whose presence activates the ServiceMonitor dependent. */
  static final String SERVICE_MONITOR_CRD = "servicemonitors.monitoring.coreos.com";
  /** cert-manager's CRD, whose presence activates the Certificates dependent (models with spec.tls.issuerRef). */
  static final String CERTIFICATE_CRD = "certificates.cert-manager.io";
  private static final String AUTOSCALERS = "autoscalers";
  static final String RETRAINS = "retrains";
  /** Index of the primary cache: {@code <namespace>/<spec.model.retrainRef.name>} of the models that follow one. */
  static final String BY_RETRAIN = "by-retrain-ref";

  private final ShieldMetrics metrics;
  private final ModelEvents events;
  private final Clock clock;
  private final ModelGateway.Settings gateway;
  private final SurgeDecisions decisions;
  private final CapacityMemo capacityMemo = new CapacityMemo();
  private final KedaActivation keda = new KedaActivation(new ModelScaledObjectsDependent());
  private final GatewayAuthDelegation authDelegation = new GatewayAuthDelegation();
  private final ModelScaledObjects.Settings kedaSettings;

  /** With the default KEDA settings. */
  public ShieldModelReconciler(MeterRegistry registry, SurgeDecisions decisions, Clock clock,
      ModelGateway.Settings gateway) {
    this(registry, decisions, clock, gateway, ModelScaledObjects.Settings.defaults());
  }

  @Inject
  public ShieldModelReconciler(MeterRegistry registry, SurgeDecisions decisions, Clock clock,
      ModelGateway.Settings gateway, ModelScaledObjects.Settings kedaSettings) {
    this.kedaSettings = kedaSettings;
    this.gateway = gateway;
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
        retrains(context), decisions.eventSource());
  }

  /**
   * The ShieldRetrains models follow. A change reaches the models in its namespace whose retrainRef names it, and only
   * when it changes what they serve (the model it trains, the promoted version or that version's weights): the
   * retrain controller's other status writes (phase, schedule, runs in progress) reconcile no model.
   */
  static InformerEventSource<ShieldRetrain, ShieldModel> retrains(EventSourceContext<ShieldModel> context) {
    context.getPrimaryCache().addIndexer(BY_RETRAIN, model -> {
      String key = retrainKey(model);
      return key == null ? List.of() : List.of(key);
    });
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(ShieldRetrain.class, ShieldModel.class)
        .withName(RETRAINS)
        .withOnUpdateFilter((now, before) -> servingChanged(before, now))
        .withSecondaryToPrimaryMapper(retrain -> context.getPrimaryCache()
            .byIndex(BY_RETRAIN, retrain.getMetadata().getNamespace() + "/" + retrain.getMetadata().getName())
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((ShieldModel model) -> retrainRef(model)
            .map(name -> Set.of(new ResourceID(name, model.getMetadata().getNamespace()))).orElse(Set.of()))
        .build(), context);
  }

  /** The name in spec.model.retrainRef, if any. */
  static Optional<String> retrainRef(ShieldModel model) {
    ModelSource source = model.getSpec() == null ? null : model.getSpec().model();
    return source == null || source.retrainRef() == null ? Optional.empty()
        : Optional.ofNullable(source.retrainRef().name());
  }

  /** {@code <namespace>/<retrainRef.name>} of a model following a ShieldRetrain, else null. */
  static String retrainKey(ShieldModel model) {
    return retrainRef(model).map(name -> model.getMetadata().getNamespace() + "/" + name).orElse(null);
  }

  /** Whether a ShieldRetrain changed in what the models following it serve. */
  static boolean servingChanged(ShieldRetrain before, ShieldRetrain now) {
    return !Objects.equals(ModelRelease.servingFacts(before), ModelRelease.servingFacts(now));
  }

  @Override
  public UpdateControl<ShieldModel> reconcile(ShieldModel model, Context<ShieldModel> context) {
    ResourceID id = ResourceID.fromResource(model);
    Optional<SurgeDecisions.Applied> surge = decisions.latest(id);
    // the floors the floor controller wrote (an incident's surge, a wake-up): max(surge floor, wake floor)
    Map<String, Integer> floors = surge.map(SurgeDecisions.Applied::floorByVariant)
        .orElseGet(() -> floors(Optional.empty(), context.getSecondaryResources(HorizontalPodAutoscaler.class)));
    ModelContext.putFloors(context, floors);
    ShieldRetrain retrain = retrainRef(model).isEmpty() ? null
        : context.getSecondaryResource(ShieldRetrain.class, RETRAINS).orElse(null);
    ModelRelease release = ModelRelease.of(model, retrain);
    ModelContext.putRelease(context, release);
    ModelContext.putGateway(context, gateway);
    // KEDA's ScaledObjects (the floor controller's) own every private-cloud replica count, from zero
    ModelContext.putKeda(context, keda.installed(model, context) ? kedaSettings : null);
    String namespace = model.getMetadata().getNamespace();
    // the versions the Deployments ran before this reconcile, for the Event of a promotion or rollback
    List<String> running = context.getSecondaryResources(Deployment.class).stream()
        .filter(d -> namespace.equals(d.getMetadata().getNamespace()))
        .filter(d -> ShieldNames.COMPONENT_MODEL_SERVER.equals(d.getMetadata().getLabels()
            .get(ShieldNames.COMPONENT_LABEL)))
        .map(ShieldModelReconciler::templateVersion)
        .toList();
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    authDelegation.ensure(context.getClient(), context.getPrimaryCache().list().toList());
    release.change(running, retrain).ifPresent(change -> events.publish(context.getClient(), model, change.type(),
        change.reason(), change.message()));

    List<Pod> ownPods = ModelContext.cached(context, Pod.class, ClusterInformers.PODS).stream()
        .filter(pod -> ClusterInformers.belongsTo(model, pod)).toList();
    List<Deployment> deployments = new ArrayList<>(context.getSecondaryResources(Deployment.class));
    deployments.removeIf(d -> !namespace.equals(d.getMetadata().getNamespace()));

    List<DesiredReplicas> desired = desiredReplicas(model, ModelContext.deployments(context), floors);
    Map<String, Map<Pool, Integer>> replicasByVariant = new LinkedHashMap<>();
    desired.forEach(d -> replicasByVariant.computeIfAbsent(d.variant(), v -> new LinkedHashMap<>())
        .put(d.pool(), d.replicas()));
    CapacityPlan plan = CapacityPlan.check(model, replicasByVariant, ModelContext.capacity(context, capacityMemo),
        ownPods);

    ShieldModelStatus before = model.getStatus();
    ShieldModelStatus after = ShieldModelStatusAggregator.forModel(release.served(), clock)
        .servedBecause(release.retrain() == null ? null : release.explanation()).deployments(deployments)
        .pods(ownPods).capacity(plan).desired(desired)
        .gateway(deployments.stream().filter(d -> ShieldNames.gateway(model.getMetadata().getName())
            .equals(d.getMetadata().getName())).findFirst().orElse(null),
            new GatewayStatus(ShieldNames.gateway(model.getMetadata().getName()), ModelGateway.url(model)))
        .surge(surge.map(SurgeDecisions.Applied::decision).orElse(null),
            surge.map(SurgeDecisions.Applied::carriedFloor).orElse(0))
        .wake(surge.map(SurgeDecisions.Applied::wake).orElse(null), WakeReconciler.parked(model)
            && !ModelContext.keda(context).isPresent())
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
   * decision (which the reconcile takes as applied, with any wake floor, from {@link SurgeDecisions.Applied}); before
   * it made one (just after a start), the floors the HPAs carry, and minReplicas elsewhere.
   */
  static Map<String, Integer> floors(Optional<SurgeDecision> surge, Collection<HorizontalPodAutoscaler> autoscalers) {
    if (surge.isPresent()) {
      return surge.get().floorByVariant();
    }
    Map<String, Integer> carried = new HashMap<>();
    autoscalers.forEach(hpa -> {
      String variant = hpa.getMetadata().getLabels().get(ShieldNames.VARIANT_LABEL);
      String model = hpa.getMetadata().getLabels().get(ShieldNames.MODEL_LABEL);
      // KEDA's own HPAs copy a ScaledObject's labels, but not its name: they carry no floor of the operator's
      if (variant != null && model != null
          && ShieldNames.horizontalPodAutoscaler(model, variant).equals(hpa.getMetadata().getName())
          && hpa.getSpec().getMinReplicas() != null) {
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
    metrics.surgeShortfall(namespace, name, status.surge() == null || status.surge().shortfall() == null ? 0
        : status.surge().shortfall());
    metrics.gpus(namespace, name, plan);
    for (Pool pool : Pool.values()) {
      plan.freeGpus(pool).forEach((resource, free) -> metrics.freeGpus(ShieldNames.poolLabelValue(pool), resource,
          free));
    }
    if (metrics.modelsWithSeries() > context.getPrimaryCache().list().count()) {
      metrics.retainModels(context.getPrimaryCache().list()
          .map(m -> m.getMetadata().getNamespace() + "/" + m.getMetadata().getName()).collect(Collectors.toSet()));
    }
  }

  /** The version label of a Deployment's pod template, or null without one. */
  private static String templateVersion(Deployment deployment) {
    var template = deployment.getSpec() == null || deployment.getSpec().getTemplate() == null ? null
        : deployment.getSpec().getTemplate().getMetadata();
    return template == null || template.getLabels() == null ? null
        : template.getLabels().get(ShieldNames.APP_VERSION_LABEL);
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
