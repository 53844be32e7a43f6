package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.model.ModelPools;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Node and Pod informers both ShieldModel controllers read GPU capacity from, configured so that a cluster's
 * heartbeats do not become reconciles: pods are cached reduced to what the capacity check and the status read, and a
 * Node reaches only the models whose pools select it, only when something the capacity check reads changed.
 */
public final class ClusterInformers {

  static final String PODS = "pods";
  static final String NODES = "nodes";

  private ClusterInformers() {
  }

  /**
   * Every pod of the cluster (other tenants hold GPUs too), reduced to what {@link GpuCapacity} and the status read.
   *
   * @param ownPodEvents whether a model's own pod starting or stopping to wait for the scheduler (which the status
   *                     reports; the rest of a pod's life shows in its Deployment's status) reconciles that model;
   *                     without, the cache is data only
   */
  static InformerEventSource<Pod, ShieldModel> pods(EventSourceContext<ShieldModel> context, boolean ownPodEvents) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, ShieldModel.class)
        .withName(PODS)
        .withWatchAllNamespaces()
        .withItemStore(new TransformingItemStore<>(ClusterInformers::reduced))
        .withOnAddFilter(pod -> ownPodEvents && unschedulable(pod) != null)
        .withOnUpdateFilter((now, before) -> ownPodEvents && !Objects.equals(unschedulable(now),
            unschedulable(before)))
        .withOnDeleteFilter((pod, unknown) -> ownPodEvents && unschedulable(pod) != null)
        .withSecondaryToPrimaryMapper(ClusterInformers::labelledModel).build(), context);
  }

  /** The model an object the operator made belongs to, by its {@link ShieldNames#MODEL_LABEL}; none without. */
  static Set<ResourceID> labelledModel(HasMetadata object) {
    String model = object.getMetadata().getLabels() == null ? null
        : object.getMetadata().getLabels().get(ShieldNames.MODEL_LABEL);
    return model == null ? Set.of() : Set.of(new ResourceID(model, object.getMetadata().getNamespace()));
  }

  /** Whether an object belongs to {@code model}: same namespace, the model's {@link ShieldNames#MODEL_LABEL}. */
  static boolean belongsTo(ShieldModel model, HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && model.getMetadata().getNamespace().equals(object.getMetadata().getNamespace())
        && model.getMetadata().getName().equals(labels.get(ShieldNames.MODEL_LABEL));
  }

  /** Nodes; an event reaches the models whose deployed pools select the node. */
  static InformerEventSource<Node, ShieldModel> nodes(EventSourceContext<ShieldModel> context) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(Node.class, ShieldModel.class)
        .withName(NODES)
        .withOnUpdateFilter((now, before) -> capacityChanged(before, now))
        .withSecondaryToPrimaryMapper(node -> context.getPrimaryCache().list()
            .filter(model -> poolSelects(model, node))
            .map(ResourceID::fromResource).collect(Collectors.toSet())).build(), context);
  }

  /**
   * Whether a Node changed in what decides which pods it can hold: allocatable resources, labels, taints,
   * cordoning or readiness. A kubelet's status heartbeat changes none of them.
   */
  public static boolean capacityChanged(Node before, Node now) {
    return !Objects.equals(labels(before), labels(now))
        || !Objects.equals(before.getStatus() == null ? null : before.getStatus().getAllocatable(),
            now.getStatus() == null ? null : now.getStatus().getAllocatable())
        || !Objects.equals(before.getSpec() == null ? null : before.getSpec().getTaints(),
            now.getSpec() == null ? null : now.getSpec().getTaints())
        || !Objects.equals(before.getSpec() == null ? null : before.getSpec().getUnschedulable(),
            now.getSpec() == null ? null : now.getSpec().getUnschedulable())
        || !Objects.equals(ready(before), ready(now));
  }

  /** Whether one of the model's deployed pools selects the node. */
  public static boolean poolSelects(ShieldModel model, Node node) {
    Map<String, String> labels = labels(node);
    for (Pool pool : ModelPools.deployedPools(model)) {
      if (ModelPools.nodeSelector(model, pool).entrySet().stream()
          .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of a pod with only what the capacity check and the status read: identity and labels, the node it is
   * bound to, its containers' names and resources, its overhead, its phase and conditions.
   */
  public static Pod reduced(Pod pod) {
    var meta = pod.getMetadata();
    PodSpecBuilder spec = new PodSpecBuilder();
    if (pod.getSpec() != null) {
      spec.withNodeName(pod.getSpec().getNodeName())
          .withContainers(slim(pod.getSpec().getContainers()))
          .withInitContainers(slim(pod.getSpec().getInitContainers()))
          .withOverhead(pod.getSpec().getOverhead());
    }
    PodStatusBuilder status = new PodStatusBuilder();
    if (pod.getStatus() != null) {
      status.withPhase(pod.getStatus().getPhase()).withConditions(pod.getStatus().getConditions());
    }
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(meta.getName()).withNamespace(meta.getNamespace())
            .withUid(meta.getUid()).withResourceVersion(meta.getResourceVersion()).withLabels(meta.getLabels())
            .withDeletionTimestamp(meta.getDeletionTimestamp()).build())
        .withSpec(spec.build()).withStatus(status.build()).build();
  }

  private static List<Container> slim(List<Container> containers) {
    return containers == null ? null : containers.stream().map(c -> new ContainerBuilder().withName(c.getName())
        .withResources(c.getResources()).withRestartPolicy(c.getRestartPolicy()).build()).toList();
  }

  /**
   * The scheduler's message for a pod it could not place (not bound to a node, not ended, not being deleted, its
   * PodScheduled condition False), or null for any other pod.
   */
  static String unschedulable(Pod pod) {
    if (GpuCapacity.isTerminated(pod) || pod.getMetadata().getDeletionTimestamp() != null
        || (pod.getSpec() != null && pod.getSpec().getNodeName() != null)) {
      return null;
    }
    return scheduled(pod).filter(c -> "False".equals(c.getStatus()))
        .map(c -> c.getReason() + ": " + c.getMessage()).orElse(null);
  }

  private static Optional<PodCondition> scheduled(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getConditions() == null ? Optional.empty()
        : pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst();
  }

  private static Map<String, String> labels(Node node) {
    return node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
  }

  private static String ready(Node node) {
    return node.getStatus() == null || node.getStatus().getConditions() == null ? null
        : node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
            .map(NodeCondition::getStatus).findFirst().orElse(null);
  }
}
