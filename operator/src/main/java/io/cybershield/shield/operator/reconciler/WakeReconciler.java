package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayLoad;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.operator.model.ModelPools;
import io.cybershield.shield.operator.reconciler.dependent.ModelScaledObjectsDependent;
import io.cybershield.shield.operator.wake.GatewayLoadClient;
import io.cybershield.shield.operator.wake.WakePolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Wakes a parked private-cloud pool from what the model's gateway sees, where KEDA does not: for each ShieldModel whose
 * cloud pool is parked ({@code minReplicas} 0, no KEDA), it reads {@code GET /q/load} from every ready gateway pod of
 * the model at its pod IP, every {@link Settings#pollInterval()}, and {@link WakePolicy} decides the wake floors,
 * which go to the floor controller through {@link WakeFloors}. It writes nothing to the cluster: the floor controller
 * creates and deletes the HPAs, the ShieldModel controller reports the {@code Waking} condition. A controller of its
 * own (JOSDK queues per controller), so a slow gateway never delays a floor or a model's rebuild; and a poll that
 * fails is no signal, never a failed reconcile.
 */
@ControllerConfiguration(name = WakeReconciler.NAME)
@RBACRule(apiGroups = "", resources = "pods", verbs = {"get", "list", "watch"})
// whether KEDA scales the pool (then there is nothing to wake), as the other two controllers ask
@RBACRule(apiGroups = "apiextensions.k8s.io", resources = "customresourcedefinitions",
    resourceNames = KedaActivation.CRD, verbs = "get")
public class WakeReconciler implements Reconciler<ShieldModel> {

  public static final String NAME = "shieldmodel-wake";
  static final String GATEWAY_PODS = "gateway-pods";

  /**
   * The wake controller's settings.
   *
   * @param pollInterval how often a model with a parked pool is polled ({@code shield.wake.poll-interval}, 15 s)
   * @param hold         how long a sign of excess work holds the wake floor ({@code shield.wake.hold}, 5 min, the
   *                     HPA's scale-down window)
   * @param timeout      to connect to a gateway pod, and again for its answer ({@code shield.wake.timeout}, 2 s)
   */
  public record Settings(Duration pollInterval, Duration hold, Duration timeout) {

    public static final String DEFAULT_POLL_INTERVAL = "15s";
    public static final String DEFAULT_HOLD = "5m";
    public static final String DEFAULT_TIMEOUT = "2s";

    public Settings {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(hold, "hold");
      Objects.requireNonNull(timeout, "timeout");
    }

    /** 15 s, 5 min, 2 s. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofSeconds(2));
    }
  }

  private final WakeFloors wakeFloors;
  private final Settings settings;
  private final Clock clock;
  private final GatewayLoadClient gateways;
  private final KedaActivation keda = new KedaActivation(new ModelScaledObjectsDependent());
  private final Map<ResourceID, WakePolicy.State> states = new ConcurrentHashMap<>();

  @Inject
  public WakeReconciler(WakeFloors wakeFloors, Settings settings, Clock clock) {
    this.wakeFloors = wakeFloors;
    this.settings = settings;
    this.clock = clock;
    this.gateways = new GatewayLoadClient(ModelGateway.HTTP_PORT, settings.timeout());
  }

  /**
   * The gateway pods, reduced to their name, labels, IP and readiness. Data only: a gateway pod changing reconciles
   * nothing, the next poll reads it.
   */
  @Override
  public List<EventSource<?, ShieldModel>> prepareEventSources(EventSourceContext<ShieldModel> context) {
    return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, ShieldModel.class)
        .withName(GATEWAY_PODS)
        .withLabelSelector(ShieldNames.COMPONENT_LABEL + "=" + ShieldNames.COMPONENT_GATEWAY + ","
            + ShieldNames.MANAGED_BY_LABEL + "=" + ShieldNames.MANAGED_BY)
        .withItemStore(new TransformingItemStore<>(WakeReconciler::reduced))
        .withOnAddFilter(pod -> false)
        .withOnUpdateFilter((now, before) -> false)
        .withOnDeleteFilter((pod, unknown) -> false)
        .withSecondaryToPrimaryMapper(ClusterInformers::labelledModel).build(), context));
  }

  @Override
  public UpdateControl<ShieldModel> reconcile(ShieldModel model, Context<ShieldModel> context) {
    ResourceID id = ResourceID.fromResource(model);
    forgetDeleted(context);
    if (!parked(model) || keda.installed(model, context)) {
      states.remove(id);
      wakeFloors.forget(id);
      return UpdateControl.noUpdate();
    }
    Map<String, String> ipByPod = context.getSecondaryResources(Pod.class).stream()
        .filter(pod -> ClusterInformers.belongsTo(model, pod))
        .filter(WakeReconciler::readyWithIp)
        .collect(Collectors.toMap(pod -> pod.getMetadata().getName(), pod -> pod.getStatus().getPodIP(),
            (a, b) -> a));
    Map<String, GatewayLoad> answers = gateways.poll(ipByPod);
    Instant now = clock.instant();
    WakePolicy.State state = WakePolicy.observe(states.getOrDefault(id, WakePolicy.State.EMPTY), ipByPod.keySet(),
        answers, now, settings.hold());
    states.put(id, state);
    wakeFloors.publish(id, state.wake(now));
    Duration next = state.nextLapse(now).map(lapse -> Duration.between(now, lapse).plusMillis(50))
        .filter(untilLapse -> untilLapse.compareTo(settings.pollInterval()) < 0).orElse(settings.pollInterval());
    return UpdateControl.<ShieldModel>noUpdate().rescheduleAfter(next);
  }

  /** Whether the model's private-cloud pool is parked but for a wake-up: it may run, and its floor is 0. */
  static boolean parked(ShieldModel model) {
    return ModelPools.privateCloudDeployed(model) && model.getSpec().variants() != null
        && model.getSpec().variants().stream()
            .anyMatch(variant -> ModelPools.privateCloudFloor(model, variant.name(), Map.of()) == 0);
  }

  private static boolean readyWithIp(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
        && pod.getStatus().getPodIP() != null && !pod.getStatus().getPodIP().isBlank()
        && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** A gateway pod with only what a poll reads: identity, labels, IP and conditions. */
  static Pod reduced(Pod pod) {
    var meta = pod.getMetadata();
    PodStatusBuilder status = new PodStatusBuilder();
    if (pod.getStatus() != null) {
      status.withPodIP(pod.getStatus().getPodIP()).withConditions(pod.getStatus().getConditions());
    }
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(meta.getName()).withNamespace(meta.getNamespace())
            .withUid(meta.getUid()).withResourceVersion(meta.getResourceVersion()).withLabels(meta.getLabels())
            .withDeletionTimestamp(meta.getDeletionTimestamp()).build())
        .withStatus(status.build()).build();
  }

  private void forgetDeleted(Context<ShieldModel> context) {
    if (states.size() > context.getPrimaryCache().list().count()) {
      var existing = context.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet());
      states.keySet().retainAll(existing);
      wakeFloors.retain(existing);
    }
  }
}
