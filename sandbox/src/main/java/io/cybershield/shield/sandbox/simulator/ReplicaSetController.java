package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Plays the ReplicaSet controller: keeps {@code spec.replicas} pods, reports status. */
final class ReplicaSetController {

  static final String COMPONENT = "replicaset-controller";
  private static final int BURST = 100;

  private final SimContext ctx;
  private final Expectations expectations = new Expectations();

  ReplicaSetController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String ns, String name) {
    ReplicaSet rs = ctx.cached(ctx.replicaSets, ns, name);
    if (rs == null) {
      return;
    }
    String uid = rs.getMetadata().getUid();
    if (ctx.ownerGone(rs, "Deployment", ctx.deployments,
        () -> ctx.client.apps().deployments().inNamespace(ns)
            .withName(SimContext.controllerRef(rs).orElseThrow().getName()).get())) {
      SimContext.LOG.info("deleting ReplicaSet {}/{}: its Deployment is gone", ns, name);
      ctx.client.apps().replicaSets().inNamespace(ns).withName(name).delete();
      expectations.forget(uid);
      return;
    }
    Instant now = ctx.now();
    List<Pod> owned = ownedPods(uid);
    expectations.observe(uid, owned, now);
    List<Pod> active = owned.stream()
        .filter(p -> !PodResources.isTerminal(p) && p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> !expectations.deleting(uid, p.getMetadata().getName()))
        .toList();
    int desired = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    if (rs.getMetadata().getDeletionTimestamp() == null) {
      int diff = desired - active.size() - expectations.pendingCreates(uid);
      if (diff > 0) {
        for (int i = 0; i < Math.min(diff, BURST); i++) {
          createPod(rs, now);
        }
      } else if (diff < 0 && expectations.pendingCreates(uid) == 0) {
        List<Pod> victims = new ArrayList<>(active);
        victims.sort(DELETION_ORDER);
        for (Pod p : victims.subList(0, Math.min(-diff, victims.size()))) {
          expectations.expectDelete(uid, p.getMetadata().getName(), now);
          try {
            ctx.client.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete();
            ctx.events.normal(rs, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName(), COMPONENT, null);
          } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
              throw e;
            }
          }
        }
      }
    }
    updateStatus(rs, active, now);
  }

  private List<Pod> ownedPods(String uid) {
    return ctx.ownedBy(ctx.pods, uid).stream()
        .filter(p -> uid.equals(SimContext.controllerUid(p)))
        .toList();
  }

  private void createPod(ReplicaSet rs, Instant now) {
    PodTemplateSpec template = rs.getSpec().getTemplate();
    String podName = Names.withRandomSuffix(rs.getMetadata().getName());
    Pod pod = podFromTemplate(template, podName, rs);
    expectations.expectCreate(rs.getMetadata().getUid(), podName, now);
    try {
      ctx.client.pods().inNamespace(rs.getMetadata().getNamespace()).resource(pod).create();
      ctx.events.normal(rs, "SuccessfulCreate", "Created pod: " + podName, COMPONENT, null);
    } catch (KubernetesClientException e) {
      expectations.observe(rs.getMetadata().getUid(), List.of(pod), now.plusSeconds(3600));
      ctx.events.warning(rs, "FailedCreate", "Error creating: " + e.getMessage(), COMPONENT, null);
      throw e;
    }
  }

  static Pod podFromTemplate(PodTemplateSpec template, String podName, io.fabric8.kubernetes.api.model.HasMetadata owner) {
    ObjectMeta tm = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    return new PodBuilder()
        .withNewMetadata()
        .withName(podName)
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(tm.getLabels() == null ? null : new LinkedHashMap<>(tm.getLabels()))
        .withAnnotations(tm.getAnnotations() == null || tm.getAnnotations().isEmpty() ? null
            : new LinkedHashMap<>(tm.getAnnotations()))
        .withFinalizers(tm.getFinalizers())
        .withOwnerReferences(SimContext.ownerRefTo(owner))
        .endMetadata()
        .withSpec(SimContext.copy(template.getSpec()))
        .build();
  }

  private void updateStatus(ReplicaSet rs, List<Pod> active, Instant now) {
    Map<String, String> templateLabels = rs.getSpec().getTemplate() == null
        || rs.getSpec().getTemplate().getMetadata() == null
        || rs.getSpec().getTemplate().getMetadata().getLabels() == null
        ? Map.of() : rs.getSpec().getTemplate().getMetadata().getLabels();
    int minReady = rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
    int ready = 0;
    int available = 0;
    int fullyLabeled = 0;
    Instant nextAvailable = null;
    for (Pod p : active) {
      Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
      if (labels.entrySet().containsAll(templateLabels.entrySet())) {
        fullyLabeled++;
      }
      PodCondition rc = SchedulerController.condition(p.getStatus(), "Ready");
      if (rc != null && "True".equals(rc.getStatus())) {
        ready++;
        Instant since = Times.parse(rc.getLastTransitionTime());
        Instant availableAt = since == null ? now : since.plusSeconds(minReady);
        if (minReady == 0 || !availableAt.isAfter(now)) {
          available++;
        } else if (nextAvailable == null || availableAt.isBefore(nextAvailable)) {
          nextAvailable = availableAt;
        }
      }
    }
    ReplicaSetStatus old = rs.getStatus();
    ReplicaSetStatus status = new ReplicaSetStatusBuilder()
        .withReplicas(active.size())
        .withFullyLabeledReplicas(DeploymentController.nullIfZero(fullyLabeled))
        .withReadyReplicas(DeploymentController.nullIfZero(ready))
        .withAvailableReplicas(DeploymentController.nullIfZero(available))
        .withObservedGeneration(rs.getMetadata().getGeneration())
        .withConditions(old == null ? List.of() : old.getConditions())
        .build();
    if (!Objects.equals(status, old)) {
      ReplicaSet next = SimContext.copy(rs);
      next.setStatus(status);
      try {
        ctx.remember(ctx.client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(next)
            .updateStatus());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
    if (nextAvailable != null) {
      ctx.enqueueAfter(SimContext.key("rs", rs.getMetadata().getNamespace(), rs.getMetadata().getName()),
          Duration.between(now, nextAvailable).plusMillis(10));
    }
  }

  /** Pods to delete first: unscheduled, then pending, then not ready, then most restarts, then newest. */
  static final Comparator<Pod> DELETION_ORDER = Comparator
      .comparingInt((Pod p) -> p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty() ? 0 : 1)
      .thenComparingInt(p -> phaseRank(p))
      .thenComparingInt(p -> isReady(p) ? 1 : 0)
      .thenComparingInt(p -> -restarts(p))
      .thenComparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()), Comparator.reverseOrder())
      .thenComparing(p -> p.getMetadata().getName());

  private static int phaseRank(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return "Pending".equals(phase) || phase == null ? 0 : "Running".equals(phase) ? 2 : 1;
  }

  static boolean isReady(Pod p) {
    PodCondition c = SchedulerController.condition(p.getStatus(), "Ready");
    return c != null && "True".equals(c.getStatus());
  }

  private static int restarts(Pod p) {
    if (p.getStatus() == null) {
      return 0;
    }
    return p.getStatus().getContainerStatuses().stream()
        .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
  }

}
