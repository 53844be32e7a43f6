package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays kube-scheduler: one pass binds every pending pod it can, in priority then age order, and marks the others
 * {@code PodScheduled=False/Unschedulable} with kube-scheduler's message and a {@code FailedScheduling} event. A pass
 * runs whenever a node or a pod changes in a way that can change the outcome.
 */
final class SchedulerController {

  static final String KEY = SimContext.key("scheduler", null, "pass");
  private static final Duration FAILED_EVENT_REPEAT = Duration.ofSeconds(10);

  private final SimContext ctx;
  /** Pods bound by this scheduler that the informer has not shown bound yet: pod uid to node name. */
  private final Map<String, String> assumed = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastFailedEvent = new ConcurrentHashMap<>();

  SchedulerController(SimContext ctx) {
    this.ctx = ctx;
  }

  void pass() {
    List<Pod> all = ctx.pods.getStore().list().stream().map(ctx::fresh).toList();
    Map<String, Pod> byUid = new HashMap<>();
    all.forEach(p -> byUid.put(p.getMetadata().getUid(), p));
    assumed.keySet().removeIf(uid -> {
      Pod p = byUid.get(uid);
      return p == null || !isEmpty(p.getSpec().getNodeName());
    });
    lastFailedEvent.keySet().removeIf(uid -> !byUid.containsKey(uid));

    Map<String, List<Pod>> podsByNode = new LinkedHashMap<>();
    List<Node> nodes = ctx.nodes.getStore().list().stream()
        .filter(n -> n.getMetadata().getDeletionTimestamp() == null)
        .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
        .toList();
    nodes.forEach(n -> podsByNode.put(n.getMetadata().getName(), new ArrayList<>()));
    List<Pod> pending = new ArrayList<>();
    for (Pod p : all) {
      String node = isEmpty(p.getSpec().getNodeName()) ? assumed.get(p.getMetadata().getUid())
          : p.getSpec().getNodeName();
      if (node != null) {
        if (!PodResources.isTerminal(p) && podsByNode.containsKey(node)) {
          podsByNode.get(node).add(p);
        }
      } else if (SchedulerAlgorithm.needsScheduling(p)) {
        pending.add(p);
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    pending.sort(Comparator.comparingInt((Pod p) -> -SchedulerAlgorithm.priority(p))
        .thenComparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp()))
        .thenComparing(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
    for (Pod pod : pending) {
      List<SchedulerAlgorithm.NodeInfo> infos = nodes.stream()
          .map(n -> new SchedulerAlgorithm.NodeInfo(n, podsByNode.get(n.getMetadata().getName())))
          .toList();
      SchedulerAlgorithm.Result result = SchedulerAlgorithm.schedule(pod, infos);
      if (result.scheduled()) {
        if (bind(pod, result.nodeName())) {
          Pod bound = SimContext.copy(pod);
          bound.getSpec().setNodeName(result.nodeName());
          podsByNode.get(result.nodeName()).add(bound);
        }
      } else {
        markUnschedulable(pod, result.message());
      }
    }
  }

  private boolean bind(Pod pod, String nodeName) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    String now = ctx.nowText();
    Pod next = SimContext.copy(pod);
    next.getSpec().setNodeName(nodeName);
    if (next.getStatus() == null) {
      next.setStatus(new PodStatus());
    }
    if (isEmpty(next.getStatus().getPhase())) {
      next.getStatus().setPhase("Pending");
    }
    setCondition(next.getStatus(), new PodConditionBuilder().withType("PodScheduled").withStatus("True")
        .withLastTransitionTime(now).build());
    Pod result;
    try {
      result = ctx.client.pods().inNamespace(ns).resource(next).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 || e.getCode() == 404) {
        ctx.enqueueAfter(SchedulerController.KEY, Duration.ofMillis(20));
        return false;
      }
      if (e.getCode() != 422 && e.getCode() != 400 && e.getCode() != 403) {
        throw e;
      }
      // a real API server refuses spec.nodeName changes: use the binding subresource instead
      Binding binding = new BindingBuilder().withNewMetadata().withName(name).withNamespace(ns)
          .withUid(pod.getMetadata().getUid()).endMetadata()
          .withNewTarget().withApiVersion("v1").withKind("Node").withName(nodeName).endTarget().build();
      ctx.client.bindings().inNamespace(ns).resource(binding).create();
      result = ctx.client.pods().inNamespace(ns).withName(name).get();
      if (result == null || isEmpty(result.getSpec().getNodeName())) {
        SimContext.LOG.warn("could not bind pod {}/{}: the API server refused spec.nodeName ({}) and did not bind "
            + "through the bindings resource", ns, name, e.getMessage());
        return false;
      }
    }
    assumed.put(pod.getMetadata().getUid(), nodeName);
    ctx.remember(result);
    PodCondition scheduled = condition(result.getStatus(), "PodScheduled");
    if (scheduled == null || !"True".equals(scheduled.getStatus())) {
      Pod withStatus = SimContext.copy(result);
      if (withStatus.getStatus() == null) {
        withStatus.setStatus(new PodStatus());
      }
      setCondition(withStatus.getStatus(), new PodConditionBuilder().withType("PodScheduled").withStatus("True")
          .withLastTransitionTime(now).build());
      try {
        ctx.remember(ctx.client.pods().inNamespace(ns).resource(withStatus).updateStatus());
      } catch (KubernetesClientException e) {
        SimContext.LOG.debug("could not set PodScheduled on {}/{}: {}", ns, name, e.getMessage());
      }
    }
    lastFailedEvent.remove(pod.getMetadata().getUid());
    ctx.events.normal(result, "Scheduled", "Successfully assigned " + ns + "/" + name + " to " + nodeName,
        SchedulerAlgorithm.DEFAULT_SCHEDULER, null);
    ctx.enqueue(SimContext.key("pod", ns, name));
    return true;
  }

  private void markUnschedulable(Pod pod, String message) {
    PodCondition current = pod.getStatus() == null ? null : condition(pod.getStatus(), "PodScheduled");
    boolean same = current != null && "False".equals(current.getStatus())
        && "Unschedulable".equals(current.getReason()) && Objects.equals(message, current.getMessage());
    Instant now = ctx.now();
    if (!same) {
      Pod next = SimContext.copy(pod);
      if (next.getStatus() == null) {
        next.setStatus(new PodStatus());
      }
      if (isEmpty(next.getStatus().getPhase())) {
        next.getStatus().setPhase("Pending");
      }
      setCondition(next.getStatus(), new PodConditionBuilder().withType("PodScheduled").withStatus("False")
          .withReason("Unschedulable").withMessage(message).withLastTransitionTime(Times.format(now)).build());
      try {
        ctx.remember(ctx.client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(next).updateStatus());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 && e.getCode() != 404) {
          throw e;
        }
        ctx.enqueueAfter(KEY, Duration.ofMillis(20));
      }
    }
    Instant last = lastFailedEvent.get(pod.getMetadata().getUid());
    if (!same || last == null || Duration.between(last, now).compareTo(FAILED_EVENT_REPEAT) >= 0) {
      lastFailedEvent.put(pod.getMetadata().getUid(), now);
      ctx.events.warning(pod, "FailedScheduling", message, SchedulerAlgorithm.DEFAULT_SCHEDULER, null);
    }
  }

  static PodCondition condition(PodStatus status, String type) {
    if (status == null) {
      return null;
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  /** Replaces the condition of the same type, keeping lastTransitionTime when the status did not change. */
  static void setCondition(PodStatus status, PodCondition condition) {
    List<PodCondition> conditions = new ArrayList<>(status.getConditions());
    for (int i = 0; i < conditions.size(); i++) {
      PodCondition c = conditions.get(i);
      if (condition.getType().equals(c.getType())) {
        if (Objects.equals(c.getStatus(), condition.getStatus()) && c.getLastTransitionTime() != null) {
          condition.setLastTransitionTime(c.getLastTransitionTime());
        }
        conditions.set(i, condition);
        status.setConditions(conditions);
        return;
      }
    }
    conditions.add(condition);
    status.setConditions(conditions);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
