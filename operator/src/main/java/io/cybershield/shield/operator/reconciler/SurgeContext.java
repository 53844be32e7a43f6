package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.capacity.CapacityMemo;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.model.ModelAutoscalers;
import io.cybershield.shield.operator.model.ModelPools;
import io.cybershield.shield.operator.model.ModelServerDeployments;
import io.cybershield.shield.operator.surge.SurgeDecision;
import io.cybershield.shield.operator.surge.SurgePolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The surge decision of one reconcile, computed once from the cluster's objects (the incidents of the model's
 * namespace, the nodes and pods of the private-cloud pool, and the model's own status for a cooldown in progress)
 * and shared by the dependents that apply it (cloud Deployments, HPAs, PDBs) and by the status; with it, what
 * several parts of a reconcile read (GPU capacity, the desired Deployments and HPAs), also computed once.
 */
public final class SurgeContext {

  static final String INCIDENTS = "incidents";
  static final String PODS = "pods";
  static final String NODES = "nodes";
  private static final String KEY = SurgeContext.class.getName();
  private static final String CAPACITY_KEY = GpuCapacity.class.getName();
  private static final String MEMO_KEY = CapacityMemo.class.getName();
  private static final String DEPLOYMENTS_KEY = ModelServerDeployments.class.getName();
  private static final String AUTOSCALERS_KEY = ModelAutoscalers.class.getName();
  private static final Clock CLOCK = Clock.systemUTC();

  private SurgeContext() {
  }

  /** The decision for this reconcile of {@code model}. */
  public static SurgeDecision of(ShieldModel model, Context<ShieldModel> context) {
    return once(context, KEY, SurgeDecision.class, () -> decide(model, context));
  }

  /** Lets this reconcile reuse the capacity earlier reconciles computed from the same cluster state. */
  public static void useMemo(Context<ShieldModel> context, CapacityMemo memo) {
    context.managedWorkflowAndDependentResourceContext().put(MEMO_KEY, memo);
  }

  /** The cluster's GPU capacity as this reconcile sees it (computed once, shared with the capacity check). */
  public static GpuCapacity capacity(Context<ShieldModel> context) {
    return once(context, CAPACITY_KEY, GpuCapacity.class, () -> {
      List<Node> nodes = cached(context, Node.class, NODES);
      List<Pod> pods = cached(context, Pod.class, PODS);
      return context.managedWorkflowAndDependentResourceContext().get(MEMO_KEY, CapacityMemo.class)
          .map(memo -> memo.capacity(nodes, pods)).orElseGet(() -> GpuCapacity.of(nodes, pods));
    });
  }

  /** The builders' DJL Serving Deployments with this reconcile's floors (built once, read by status and dependent). */
  @SuppressWarnings("unchecked")
  public static List<Deployment> deployments(ShieldModel model, Context<ShieldModel> context) {
    return once(context, DEPLOYMENTS_KEY, List.class,
        () -> ModelServerDeployments.desired(model, floors(model, context)));
  }

  /** The builders' HPAs with this reconcile's floors (built once, read by the floor check and the dependent). */
  @SuppressWarnings("unchecked")
  public static List<HorizontalPodAutoscaler> autoscalers(ShieldModel model, Context<ShieldModel> context) {
    return once(context, AUTOSCALERS_KEY, List.class, () -> ModelAutoscalers.desired(model, floors(model, context)));
  }

  /** What {@code compute} gives, computed on the first call of a reconcile and shared by the rest of it. */
  private static <T> T once(Context<ShieldModel> context, String key, Class<T> type, Supplier<T> compute) {
    var shared = context.managedWorkflowAndDependentResourceContext();
    return shared.get(key, type).orElseGet(() -> {
      T value = compute.get();
      shared.put(key, value);
      return value;
    });
  }

  /** The private-cloud floor per variant the builders apply. */
  public static Map<String, Integer> floors(ShieldModel model, Context<ShieldModel> context) {
    return of(model, context).floorByVariant();
  }

  private static SurgeDecision decide(ShieldModel model, Context<ShieldModel> context) {
    String namespace = model.getMetadata().getNamespace();
    List<ShieldIncident> incidents = cached(context, ShieldIncident.class, INCIDENTS).stream()
        .filter(i -> namespace.equals(i.getMetadata().getNamespace())).toList();
    List<Pod> pods = cached(context, Pod.class, PODS);
    GpuCapacity capacity = capacity(context);
    Map<String, Long> free = new HashMap<>(capacity.pool(ModelPools.nodeSelector(model, Pool.PRIVATE_CLOUD)).free());
    // GPUs the model's own cloud pods hold are available to its surge
    for (Pod pod : pods) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      if (labels != null && namespace.equals(pod.getMetadata().getNamespace())
          && model.getMetadata().getName().equals(labels.get(ShieldNames.MODEL_LABEL))
          && Pool.PRIVATE_CLOUD.value().equals(labels.get(ShieldNames.POOL_LABEL)) && !GpuCapacity.isTerminated(pod)
          && pod.getSpec().getNodeName() != null) {
        GpuCapacity.podGpuRequests(pod).forEach((resource, count) -> free.merge(resource, count, Long::sum));
      }
    }
    return SurgePolicy.decide(model, incidents, free, CLOCK.instant());
  }

  @SuppressWarnings("unchecked")
  static <R extends HasMetadata> List<R> cached(Context<ShieldModel> context, Class<R> type, String name) {
    return ((InformerEventSource<R, ShieldModel>) context.eventSourceRetriever().getEventSourceFor(type, name))
        .list().toList();
  }
}
