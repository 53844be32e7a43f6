package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.operator.capacity.CapacityMemo;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.metrics.SurgeLatency;
import io.cybershield.shield.operator.model.ModelPools;
import io.cybershield.shield.operator.model.ModelScaledObjects;
import io.cybershield.shield.operator.reconciler.dependent.ModelAutoscalersDependent;
import io.cybershield.shield.operator.reconciler.dependent.ModelScaledObjectsDependent;
import io.cybershield.shield.operator.surge.IncidentLifecycle;
import io.cybershield.shield.operator.surge.IncidentSelection;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.cybershield.shield.operator.surge.SurgePolicy;
import io.cybershield.shield.operator.wake.Wake;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The incident surge's private-cloud floors, on their own controller: from the ShieldIncidents that select a model,
 * its spec and the GPUs its private-cloud pool can still give, {@link SurgePolicy} decides the floor, and this
 * controller writes it into the model's cloud HorizontalPodAutoscalers (creating the HPA of a parked pool it wakes,
 * deleting it when the pool parks again) or, where KEDA is installed ({@link KedaActivation}), into their KEDA
 * ScaledObjects' {@code minReplicaCount} (every private-cloud Deployment has one, parked or not: KEDA scales from
 * zero). Nothing else: JOSDK queues reconciles per resource and controller, so a
 * floor never waits behind the ShieldModel controller's rebuild of the same model, which learns of each new decision
 * afterwards through {@link SurgeDecisions} and reports it in the model's status. A parked pool the gateways' excess
 * work wakes ({@link WakeReconciler}, through {@link WakeFloors}) gets {@code max(surge floor, wake floor)}: the HPA of
 * floor 1 the surge path creates, deleted when the wake lapses and no incident holds a floor.
 */
@ControllerConfiguration(name = SurgeFloorReconciler.NAME)
@RBACRule(apiGroups = "", resources = {"nodes", "pods"}, verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = ShieldApi.GROUP, resources = "shieldincidents", verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "autoscaling", resources = "horizontalpodautoscalers",
    verbs = {"get", "list", "watch", "create", "patch", "update", "delete"})
// where KEDA is installed the floors go into its ScaledObjects, and whether it is installed is whether its CRD exists
@RBACRule(apiGroups = "keda.sh", resources = "scaledobjects",
    verbs = {"get", "list", "watch", "create", "patch", "update", "delete"})
@RBACRule(apiGroups = "apiextensions.k8s.io", resources = "customresourcedefinitions",
    resourceNames = KedaActivation.CRD, verbs = "get")
public class SurgeFloorReconciler implements Reconciler<ShieldModel> {

  public static final String NAME = "shieldmodel-floors";
  static final String INCIDENTS = "incidents";

  private final SurgeDecisions decisions;
  private final WakeFloors wakeFloors;
  private final SurgeLatency surgeLatency;
  private final Clock clock;
  private final ModelAutoscalersDependent autoscalers = new ModelAutoscalersDependent();
  private final ModelScaledObjectsDependent scaledObjects = new ModelScaledObjectsDependent();
  private final KedaActivation keda = new KedaActivation(scaledObjects);
  private final ModelScaledObjects.Settings kedaSettings;
  private final CapacityMemo capacityMemo = new CapacityMemo();

  /** With the default KEDA settings and no wake-ups. */
  public SurgeFloorReconciler(MeterRegistry registry, SurgeDecisions decisions, Clock clock) {
    this(registry, decisions, new WakeFloors(), clock, ModelScaledObjects.Settings.defaults());
  }

  /** With the default KEDA settings. */
  public SurgeFloorReconciler(MeterRegistry registry, SurgeDecisions decisions, WakeFloors wakeFloors, Clock clock) {
    this(registry, decisions, wakeFloors, clock, ModelScaledObjects.Settings.defaults());
  }

  @Inject
  public SurgeFloorReconciler(MeterRegistry registry, SurgeDecisions decisions, WakeFloors wakeFloors, Clock clock,
      ModelScaledObjects.Settings kedaSettings) {
    this.decisions = decisions;
    this.wakeFloors = wakeFloors;
    this.surgeLatency = new SurgeLatency(registry, clock);
    this.clock = clock;
    this.kedaSettings = kedaSettings;
  }

  @Override
  public List<EventSource<?, ShieldModel>> prepareEventSources(EventSourceContext<ShieldModel> context) {
    InformerEventSource<ShieldIncident, ShieldModel> incidents = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ShieldIncident.class, ShieldModel.class).withName(INCIDENTS)
            // the incident reconciler's reports (surged models, conditions) change no floor
            .withOnUpdateFilter(IncidentLifecycle::surgeInputsChanged)
            // not a filter: the moment an incident arrives starts its floor latency
            .withOnAddFilter(incident -> {
              surgeLatency.arrived(incident);
              return true;
            })
            .withSecondaryToPrimaryMapper(incident -> context.getPrimaryCache().list()
                .filter(model -> IncidentSelection.selects(incident, model))
                .map(ResourceID::fromResource).collect(Collectors.toSet())).build(),
        context);
    // free GPUs bound the floor: a node that changes what it can hold may let a budget-limited floor rise;
    // pods are read for the GPUs they hold, and a pod changing reconciles no floor
    // the wake controller's wake-ups raise floors as incidents do
    return List.of(incidents, ClusterInformers.nodes(context), ClusterInformers.pods(context, false),
        autoscalers.eventSource(context).orElseThrow(), wakeFloors.eventSource());
  }

  @Override
  public UpdateControl<ShieldModel> reconcile(ShieldModel model, Context<ShieldModel> context) {
    String namespace = model.getMetadata().getNamespace();
    List<ShieldIncident> incidents = ModelContext.cached(context, ShieldIncident.class, INCIDENTS).stream()
        .filter(i -> namespace.equals(i.getMetadata().getNamespace())).toList();
    List<Pod> pods = ModelContext.cached(context, Pod.class, ClusterInformers.PODS);
    Map<String, Long> free = freeCloudGpus(model, ModelContext.capacity(context, capacityMemo), pods);
    SurgeDecision decision = SurgePolicy.decide(model, incidents, free, clock.instant());

    Wake wake = wakeFloors.latest(ResourceID.fromResource(model)).orElse(null);
    Map<String, Integer> floors = floors(decision.floorByVariant(), wake);
    ModelContext.putFloors(context, floors);
    int floorBefore;
    int floorAfter;
    if (keda.installed(model, context)) {
      // as the workflow does for an activated dependent: its informer from the first reconcile that finds the CRD
      var retriever = context.eventSourceRetriever();
      scaledObjects.eventSource(retriever.eventSourceContextForDynamicRegistration())
          .ifPresent(retriever::dynamicallyRegisterEventSource);
      ModelContext.putKeda(context, kedaSettings);
      floorBefore = carriedScaledObjectFloor(scaledObjects.getSecondaryResources(model, context).values());
      floorAfter = carriedScaledObjectFloor(scaledObjects.reconcile(model, context).getResourceOperations().keySet());
      // the HPAs of before KEDA came, if any, go: KEDA's ScaledObjects make their own
      autoscalers.reconcile(model, context);
    } else {
      ModelContext.putKeda(context, null);
      floorBefore = carriedFloor(context.getSecondaryResources(HorizontalPodAutoscaler.class));
      floorAfter = carriedFloor(autoscalers.reconcile(model, context).getResourceOperations().keySet());
    }
    recordFloorLatency(model, decision, floorBefore, incidents);
    decisions.publish(model, decision, floorAfter, floors, wake);
    forgetDeleted(context);

    // an incident's expiry or a cooldown's end moves the floor by time alone
    return decision.nextCheck().map(at -> UpdateControl.<ShieldModel>noUpdate().rescheduleAfter(
            Duration.ofMillis(Math.max(100, Duration.between(clock.instant(), at).toMillis() + 50))))
        .orElseGet(UpdateControl::noUpdate);
  }

  /**
   * The private-cloud floor per variant to write: the surge's, raised to the wake floor of each variant the gateways'
   * excess work holds awake ({@code max(surge floor, wake floor)}); the surge's alone without a wake.
   */
  static Map<String, Integer> floors(Map<String, Integer> surgeFloors, Wake wake) {
    if (wake == null || !wake.waking()) {
      return surgeFloors;
    }
    Map<String, Integer> floors = new HashMap<>(surgeFloors);
    wake.floorByVariant().forEach((variant, floor) -> floors.merge(variant, floor, Math::max));
    return Map.copyOf(floors);
  }

  /**
   * GPUs per resource the private-cloud pool can give the model's surge: what its nodes have free, plus what the
   * model's own bound cloud pods already hold.
   */
  static Map<String, Long> freeCloudGpus(ShieldModel model, GpuCapacity capacity, Collection<Pod> pods) {
    Map<String, Long> free = new HashMap<>(capacity.pool(ModelPools.nodeSelector(model, Pool.PRIVATE_CLOUD)).free());
    for (Pod pod : pods) {
      if (ClusterInformers.belongsTo(model, pod)
          && Pool.PRIVATE_CLOUD.value().equals(pod.getMetadata().getLabels().get(ShieldNames.POOL_LABEL))
          && !GpuCapacity.isTerminated(pod)
          && pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
        GpuCapacity.podGpuRequests(pod).forEach((resource, count) -> free.merge(resource, count, Long::sum));
      }
    }
    return free;
  }

  /** The lowest floor the model's cloud HPAs carry; 0 without any (a parked pool). */
  static int carriedFloor(Collection<HorizontalPodAutoscaler> autoscalers) {
    return autoscalers.stream().map(hpa -> hpa.getSpec().getMinReplicas()).filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue).min().orElse(0);
  }

  /**
   * The lowest floor the model's ScaledObjects carry; 0 without any. Unlike HPAs, a parked pool's ScaledObject
   * exists, with a floor of 0.
   */
  static int carriedScaledObjectFloor(Collection<? extends GenericKubernetesResource> scaledObjects) {
    return scaledObjects.stream().map(ModelScaledObjects::floor).filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue).min().orElse(0);
  }

  /**
   * The first answer to an incident: when this reconcile is the first to see an active incident select the model and
   * it raised the floor, how long that took from the incident's arrival. Later moves of the same surge (a
   * budget-limited floor rising when GPUs free up, a variant added) are no answer to the incident and are not
   * counted; nor is a model created after the incident, which gets its floor with its first objects.
   */
  private void recordFloorLatency(ShieldModel model, SurgeDecision decision, int floorBefore,
      List<ShieldIncident> incidents) {
    if (decision.activeIncidents().isEmpty()) {
      return;
    }
    ResourceID id = ResourceID.fromResource(model);
    String driving = decision.activeIncidents().get(0).name();
    boolean raised = decision.floor() > floorBefore && !decision.coolingDown();
    for (ActiveIncident active : decision.activeIncidents()) {
      incidents.stream().filter(i -> active.name().equals(i.getMetadata().getName())).findFirst()
          .filter(incident -> surgeLatency.firstAnswer(incident, id))
          .filter(incident -> raised && driving.equals(active.name()))
          .filter(incident -> !createdAfter(model.getMetadata().getCreationTimestamp(),
              incident.getMetadata().getCreationTimestamp()))
          .ifPresent(surgeLatency::floorWritten);
    }
  }

  /** Whether one RFC 3339 timestamp is later than another; false when either is missing or malformed. */
  private static boolean createdAfter(String timestamp, String other) {
    Instant at = IncidentLifecycle.instant(timestamp);
    Instant otherAt = IncidentLifecycle.instant(other);
    return at != null && otherAt != null && at.isAfter(otherAt);
  }

  /** Drops what is kept per model or incident for those that no longer exist. */
  private void forgetDeleted(Context<ShieldModel> context) {
    long models = context.getPrimaryCache().list().count();
    if (wakeFloors.size() > models) {
      wakeFloors.retain(context.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet()));
    }
    if (decisions.size() > models) {
      decisions.retain(context.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet()));
    }
    List<ShieldIncident> incidents = ModelContext.cached(context, ShieldIncident.class, INCIDENTS);
    if (surgeLatency.tracked() > incidents.size()) {
      surgeLatency.retain(incidents.stream().map(i -> i.getMetadata().getUid()).collect(Collectors.toSet()));
    }
  }
}
