package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the Deployment controller: one ReplicaSet per pod template ({@code <deployment>-<pod-template-hash>}),
 * rolling updates honouring maxSurge/maxUnavailable, Recreate, revision history, and the status and conditions
 * kube-controller-manager writes.
 */
final class DeploymentController {

  static final String COMPONENT = "deployment-controller";
  static final String HASH_LABEL = "pod-template-hash";
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
  private static final int NO_DEADLINE = Integer.MAX_VALUE;

  private final SimContext ctx;

  DeploymentController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String ns, String name) {
    Deployment d = ctx.cached(ctx.deployments, ns, name);
    if (d == null || d.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    Instant now = ctx.now();
    String uid = d.getMetadata().getUid();
    List<ReplicaSet> owned = ctx.ownedBy(ctx.replicaSets, uid).stream()
        .filter(rs -> uid.equals(SimContext.controllerUid(rs)))
        .filter(rs -> rs.getMetadata().getDeletionTimestamp() == null)
        .toList();
    int replicas = replicas(d);
    boolean recreate = d.getSpec().getStrategy() != null
        && "Recreate".equals(d.getSpec().getStrategy().getType());
    int maxSurge = recreate ? 0 : maxSurge(d, replicas);
    int maxUnavailable = recreate ? 0 : maxUnavailable(d, replicas);
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());

    ReplicaSet newRS = null;
    List<ReplicaSet> old = new ArrayList<>();
    String canonicalTemplate = canonicalTemplate(d.getSpec().getTemplate());
    for (ReplicaSet rs : owned) {
      if (newRS == null && canonicalTemplate.equals(canonicalTemplate(rs.getSpec().getTemplate()))) {
        newRS = rs;
      } else {
        old.add(rs);
      }
    }
    old.sort(Comparator.comparingLong(DeploymentController::revision)
        .thenComparing(rs -> String.valueOf(rs.getMetadata().getCreationTimestamp())));
    long maxOldRevision = old.stream().mapToLong(DeploymentController::revision).max().orElse(0);

    DeploymentCondition progressing = null;
    if (newRS == null && !paused) {
      int oldTotal = old.stream().mapToInt(DeploymentController::specReplicas).sum();
      int oldActive = old.stream().mapToInt(DeploymentController::statusReplicas).sum();
      int initial = recreate ? (oldActive > 0 || oldTotal > 0 ? 0 : replicas)
          : old.isEmpty() ? replicas : Math.max(0, Math.min(replicas, replicas + maxSurge - oldTotal));
      newRS = createReplicaSet(d, maxOldRevision + 1, initial, maxSurge, replicas);
      if (newRS == null) {
        return;
      }
      progressing = condition("Progressing", "True", "NewReplicaSetCreated",
          "Created new replica set \"" + newRS.getMetadata().getName() + "\"", now);
    } else if (newRS != null && revision(newRS) <= maxOldRevision) {
      ReplicaSet next = SimContext.copy(newRS);
      annotations(next).put(REVISION, Long.toString(maxOldRevision + 1));
      newRS = ctx.remember(ctx.client.apps().replicaSets().inNamespace(ns).resource(next).update());
    }
    if (newRS != null && !Objects.equals(readAnnotations(d).get(REVISION), readAnnotations(newRS).get(REVISION))) {
      Deployment next = SimContext.copy(d);
      annotations(next).put(REVISION, readAnnotations(newRS).get(REVISION));
      d = ctx.remember(ctx.client.apps().deployments().inNamespace(ns).resource(next).update());
    }

    if (newRS != null && paused) {
      // a paused Deployment still follows scale changes (the simple case: no rollout in progress)
      if (old.stream().mapToInt(DeploymentController::specReplicas).sum() == 0 && specReplicas(newRS) != replicas) {
        newRS = scale(d, newRS, replicas, maxSurge, replicas);
      }
    } else if (newRS != null) {
      if (recreate) {
        recreate(d, newRS, old, replicas);
      } else {
        rolling(d, newRS, old, replicas, maxSurge, maxUnavailable);
      }
    }
    cleanupHistory(d, old);
    List<ReplicaSet> all = new ArrayList<>(old);
    if (newRS != null) {
      all.add(newRS);
    }
    updateStatus(d, newRS, all, replicas, maxUnavailable, progressing, paused, now);
  }

  // ---------------------------------------------------------------- rollout

  private void rolling(Deployment d, ReplicaSet newRS, List<ReplicaSet> old, int replicas, int maxSurge,
                       int maxUnavailable) {
    int oldTotal = old.stream().mapToInt(DeploymentController::specReplicas).sum();
    int newSpec = specReplicas(newRS);
    if (oldTotal == 0) {
      if (newSpec != replicas) {
        newRS = scale(d, newRS, replicas, maxSurge, replicas);
      }
      return;
    }
    if (newSpec > replicas) {
      newRS = scale(d, newRS, replicas, maxSurge, replicas);
      newSpec = replicas;
    } else if (newSpec < replicas) {
      int maxTotal = replicas + maxSurge;
      int current = oldTotal + newSpec;
      if (current < maxTotal) {
        int target = Math.min(replicas, newSpec + (maxTotal - current));
        newRS = scale(d, newRS, target, maxSurge, replicas);
        newSpec = target;
      }
    }
    int minAvailable = replicas - maxUnavailable;
    int allPods = oldTotal + newSpec;
    int newUnavailable = Math.max(0, newSpec - statusAvailable(newRS));
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return;
    }
    List<ReplicaSet> olds = new ArrayList<>(old);
    olds.sort(Comparator.comparing(rs -> String.valueOf(rs.getMetadata().getCreationTimestamp())));
    int cleaned = 0;
    for (int i = 0; i < olds.size() && maxScaledDown > 0; i++) {
      ReplicaSet rs = olds.get(i);
      int spec = specReplicas(rs);
      int unhealthy = spec - statusAvailable(rs);
      if (unhealthy <= 0) {
        continue;
      }
      int down = Math.min(unhealthy, maxScaledDown);
      olds.set(i, scale(d, rs, spec - down, maxSurge, replicas));
      maxScaledDown -= down;
      cleaned += down;
    }
    int available = olds.stream().mapToInt(DeploymentController::statusAvailable).sum() + statusAvailable(newRS);
    int canDown = available - minAvailable;
    for (int i = 0; i < olds.size() && canDown > 0; i++) {
      ReplicaSet rs = olds.get(i);
      int spec = specReplicas(rs);
      if (spec == 0) {
        continue;
      }
      int down = Math.min(spec, canDown);
      olds.set(i, scale(d, rs, spec - down, maxSurge, replicas));
      canDown -= down;
    }
  }

  private void recreate(Deployment d, ReplicaSet newRS, List<ReplicaSet> old, int replicas) {
    boolean oldRunning = false;
    for (ReplicaSet rs : old) {
      if (specReplicas(rs) > 0) {
        scale(d, rs, 0, 0, replicas);
        oldRunning = true;
      }
      if (statusReplicas(rs) > 0 || !activePods(rs).isEmpty()) {
        oldRunning = true;
      }
    }
    if (!oldRunning && specReplicas(newRS) != replicas) {
      scale(d, newRS, replicas, 0, replicas);
    }
  }

  private List<io.fabric8.kubernetes.api.model.Pod> activePods(ReplicaSet rs) {
    return ctx.ownedBy(ctx.pods, rs.getMetadata().getUid()).stream()
        .filter(p -> !PodResources.isTerminal(p))
        .toList();
  }

  private ReplicaSet scale(Deployment d, ReplicaSet rs, int to, int maxSurge, int replicas) {
    int from = specReplicas(rs);
    ReplicaSet next = SimContext.copy(rs);
    next.getSpec().setReplicas(to);
    Map<String, String> ann = annotations(next);
    ann.put(DESIRED_REPLICAS, Integer.toString(replicas));
    ann.put(MAX_REPLICAS, Integer.toString(replicas + maxSurge));
    if (from == to && Objects.equals(ann, readAnnotations(rs))) {
      return rs;
    }
    ReplicaSet result = ctx.remember(ctx.client.apps().replicaSets()
        .inNamespace(rs.getMetadata().getNamespace()).resource(next).update());
    if (from != to) {
      ctx.events.normal(d, "ScalingReplicaSet", String.format("Scaled %s replica set %s from %d to %d",
          to > from ? "up" : "down", rs.getMetadata().getName(), from, to), COMPONENT, null);
    }
    return result;
  }

  private ReplicaSet createReplicaSet(Deployment d, long revision, int initial, int maxSurge, int replicas) {
    String ns = d.getMetadata().getNamespace();
    Integer collisions = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
    String hash = Names.templateHash(d.getSpec().getTemplate(), collisions);
    String rsName = d.getMetadata().getName() + "-" + hash;
    PodTemplateSpec template = SimContext.copy(d.getSpec().getTemplate());
    if (template.getMetadata() == null) {
      template.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    Map<String, String> labels = new LinkedHashMap<>(
        template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels());
    labels.put(HASH_LABEL, hash);
    template.getMetadata().setLabels(labels);
    LabelSelector selector = d.getSpec().getSelector() == null ? new LabelSelector()
        : SimContext.copy(d.getSpec().getSelector());
    Map<String, String> matchLabels = new LinkedHashMap<>(
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    matchLabels.put(HASH_LABEL, hash);
    selector.setMatchLabels(matchLabels);
    Map<String, String> ann = new LinkedHashMap<>();
    readAnnotations(d).forEach((k, v) -> {
      if (!k.equals("kubectl.kubernetes.io/last-applied-configuration") && !k.equals(REVISION)) {
        ann.put(k, v);
      }
    });
    ann.put(DESIRED_REPLICAS, Integer.toString(replicas));
    ann.put(MAX_REPLICAS, Integer.toString(replicas + maxSurge));
    ann.put(REVISION, Long.toString(revision));
    ReplicaSet rs = new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(rsName)
        .withNamespace(ns)
        .withLabels(labels)
        .withAnnotations(ann)
        .withOwnerReferences(SimContext.ownerRefTo(d))
        .endMetadata()
        .withNewSpec()
        .withReplicas(initial)
        .withMinReadySeconds(d.getSpec().getMinReadySeconds())
        .withSelector(selector)
        .withTemplate(template)
        .endSpec()
        .build();
    try {
      ReplicaSet created = ctx.remember(ctx.client.apps().replicaSets().inNamespace(ns).resource(rs).create());
      if (initial > 0) {
        ctx.events.normal(d, "ScalingReplicaSet",
            String.format("Scaled up replica set %s from 0 to %d", rsName, initial), COMPONENT, null);
      }
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      ReplicaSet existing = ctx.client.apps().replicaSets().inNamespace(ns).withName(rsName).get();
      if (existing != null && d.getMetadata().getUid().equals(SimContext.controllerUid(existing))
          && canonicalTemplate(d.getSpec().getTemplate()).equals(canonicalTemplate(existing.getSpec().getTemplate()))) {
        return existing;
      }
      // hash collision with a foreign ReplicaSet: bump collisionCount, the next reconcile uses a new name
      Deployment next = SimContext.copy(d);
      if (next.getStatus() == null) {
        next.setStatus(new DeploymentStatus());
      }
      next.getStatus().setCollisionCount(collisions == null ? 1 : collisions + 1);
      ctx.remember(ctx.client.apps().deployments().inNamespace(ns).resource(next).updateStatus());
      ctx.enqueue(SimContext.key("deploy", ns, d.getMetadata().getName()));
      return null;
    }
  }

  private void cleanupHistory(Deployment d, List<ReplicaSet> old) {
    int limit = d.getSpec().getRevisionHistoryLimit() == null ? 10 : d.getSpec().getRevisionHistoryLimit();
    List<ReplicaSet> idle = old.stream()
        .filter(rs -> specReplicas(rs) == 0 && statusReplicas(rs) == 0)
        .sorted(Comparator.comparingLong(DeploymentController::revision))
        .toList();
    for (int i = 0; i < idle.size() - limit; i++) {
      ReplicaSet rs = idle.get(i);
      ctx.client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace())
          .withName(rs.getMetadata().getName()).delete();
    }
  }

  // ---------------------------------------------------------------- status

  private void updateStatus(Deployment d, ReplicaSet newRS, List<ReplicaSet> all, int replicas, int maxUnavailable,
                            DeploymentCondition created, boolean paused, Instant now) {
    DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    DeploymentStatus s = new DeploymentStatus();
    int available = all.stream().mapToInt(DeploymentController::statusAvailable).sum();
    int total = all.stream().mapToInt(DeploymentController::specReplicas).sum();
    s.setObservedGeneration(d.getMetadata().getGeneration());
    s.setReplicas(all.stream().mapToInt(DeploymentController::statusReplicas).sum());
    s.setUpdatedReplicas(newRS == null ? 0 : statusReplicas(newRS));
    s.setReadyReplicas(all.stream().mapToInt(rs -> nz(rs.getStatus() == null ? null
        : rs.getStatus().getReadyReplicas())).sum());
    s.setAvailableReplicas(available);
    s.setUnavailableReplicas(Math.max(0, total - available));
    s.setCollisionCount(old.getCollisionCount());
    s.setConditions(new ArrayList<>(old.getConditions()));
    if (available >= replicas - maxUnavailable) {
      setCondition(s, condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.",
          now));
    } else {
      setCondition(s, condition("Available", "False", "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability.", now));
    }
    int deadline = d.getSpec().getProgressDeadlineSeconds() == null ? 600 : d.getSpec().getProgressDeadlineSeconds();
    String rsName = newRS == null ? null : newRS.getMetadata().getName();
    DeploymentCondition current = find(s, "Progressing");
    if (paused) {
      if (current == null || !"DeploymentPaused".equals(current.getReason())) {
        setCondition(s, condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now));
      }
    } else if (current != null && "DeploymentPaused".equals(current.getReason())) {
      setCondition(s, condition("Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", now));
    }
    if (created != null) {
      setCondition(s, created);
    } else if (newRS != null && find(s, "Progressing") == null && deadline != NO_DEADLINE) {
      setCondition(s, condition("Progressing", "True", "FoundNewReplicaSet",
          "Found new replica set \"" + rsName + "\"", now));
    }
    if (deadline == NO_DEADLINE) {
      s.setConditions(new ArrayList<>(s.getConditions().stream().filter(c -> !"Progressing".equals(c.getType()))
          .toList()));
    } else if (!paused) {
      current = find(d.getStatus() == null ? new DeploymentStatus() : d.getStatus(), "Progressing");
      boolean complete = s.getReplicas().equals(s.getUpdatedReplicas()) && current != null
          && "NewReplicaSetAvailable".equals(current.getReason()) && created == null;
      if (!complete) {
        String subject = rsName == null ? "Deployment \"" + d.getMetadata().getName() + "\""
            : "ReplicaSet \"" + rsName + "\"";
        if (nz(s.getUpdatedReplicas()) == replicas && nz(s.getReplicas()) == replicas && available == replicas
            && nz(s.getObservedGeneration()) >= nz(d.getMetadata().getGeneration())) {
          setCondition(s, condition("Progressing", "True", "NewReplicaSetAvailable",
              subject + " has successfully progressed.", now));
        } else if (progressed(old, s)) {
          DeploymentCondition c = condition("Progressing", "True", "ReplicaSetUpdated", subject + " is progressing.",
              now);
          DeploymentCondition prev = find(s, "Progressing");
          if (prev != null && "True".equals(prev.getStatus())) {
            c.setLastTransitionTime(prev.getLastTransitionTime());
          }
          replaceCondition(s, c);
        } else {
          DeploymentCondition p = find(s, "Progressing");
          if (p != null && !"NewReplicaSetAvailable".equals(p.getReason())
              && !"ProgressDeadlineExceeded".equals(p.getReason())) {
            Instant from = Times.parse(p.getLastUpdateTime());
            Instant due = (from == null ? now : from).plusSeconds(deadline);
            if (due.isBefore(now)) {
              setCondition(s, condition("Progressing", "False", "ProgressDeadlineExceeded",
                  subject + " has timed out progressing.", now));
            } else {
              ctx.enqueueAfter(SimContext.key("deploy", d.getMetadata().getNamespace(), d.getMetadata().getName()),
                  Duration.between(now, due).plusMillis(1100));
            }
          }
        }
      }
    }
    // like the Go types, zero counters are omitted (omitempty)
    s.setReplicas(nullIfZero(s.getReplicas()));
    s.setUpdatedReplicas(nullIfZero(s.getUpdatedReplicas()));
    s.setReadyReplicas(nullIfZero(s.getReadyReplicas()));
    s.setAvailableReplicas(nullIfZero(s.getAvailableReplicas()));
    s.setUnavailableReplicas(nullIfZero(s.getUnavailableReplicas()));
    if (!Objects.equals(s, d.getStatus())) {
      Deployment next = SimContext.copy(d);
      next.setStatus(s);
      try {
        ctx.remember(ctx.client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(next)
            .updateStatus());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
  }

  private static boolean progressed(DeploymentStatus old, DeploymentStatus now) {
    int oldOld = nz(old.getReplicas()) - nz(old.getUpdatedReplicas());
    int newOld = nz(now.getReplicas()) - nz(now.getUpdatedReplicas());
    return nz(now.getUpdatedReplicas()) > nz(old.getUpdatedReplicas()) || newOld < oldOld
        || nz(now.getReadyReplicas()) > nz(old.getReadyReplicas())
        || nz(now.getAvailableReplicas()) > nz(old.getAvailableReplicas());
  }

  static DeploymentCondition condition(String type, String status, String reason, String message, Instant now) {
    String t = Times.format(now);
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastUpdateTime(t).withLastTransitionTime(t).build();
  }

  static DeploymentCondition find(DeploymentStatus s, String type) {
    return s.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  /** Kubernetes' SetDeploymentCondition: unchanged status+reason is a no-op, otherwise the condition moves last. */
  static void setCondition(DeploymentStatus s, DeploymentCondition c) {
    DeploymentCondition cur = find(s, c.getType());
    if (cur != null && Objects.equals(cur.getStatus(), c.getStatus()) && Objects.equals(cur.getReason(), c.getReason())) {
      return;
    }
    if (cur != null && Objects.equals(cur.getStatus(), c.getStatus())) {
      c.setLastTransitionTime(cur.getLastTransitionTime());
    }
    replaceCondition(s, c);
  }

  private static void replaceCondition(DeploymentStatus s, DeploymentCondition c) {
    List<DeploymentCondition> list = new ArrayList<>(s.getConditions().stream()
        .filter(x -> !c.getType().equals(x.getType())).toList());
    list.add(c);
    s.setConditions(list);
  }

  // ---------------------------------------------------------------- helpers

  static int replicas(Deployment d) {
    return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  static int maxSurge(Deployment d, int replicas) {
    IntOrString v = d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getRollingUpdate() == null ? null
        : d.getSpec().getStrategy().getRollingUpdate().getMaxSurge();
    int surge = resolve(v, replicas, true);
    int unavailable = resolve(unavailableValue(d), replicas, false);
    return surge == 0 && unavailable == 0 ? 0 : surge;
  }

  static int maxUnavailable(Deployment d, int replicas) {
    int surge = resolve(d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getRollingUpdate() == null
        ? null : d.getSpec().getStrategy().getRollingUpdate().getMaxSurge(), replicas, true);
    int unavailable = resolve(unavailableValue(d), replicas, false);
    if (surge == 0 && unavailable == 0) {
      return 1;
    }
    return Math.min(unavailable, replicas);
  }

  private static IntOrString unavailableValue(Deployment d) {
    return d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getRollingUpdate() == null ? null
        : d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable();
  }

  /** An int or a percentage of replicas; surge rounds up, unavailable rounds down; absent means 25%. */
  static int resolve(IntOrString v, int replicas, boolean roundUp) {
    String text = v == null ? "25%" : v.getStrVal() != null ? v.getStrVal() : null;
    if (text == null) {
      return v.getIntVal() == null ? 0 : v.getIntVal();
    }
    text = text.trim();
    if (!text.endsWith("%")) {
      return Integer.parseInt(text);
    }
    double pct = Double.parseDouble(text.substring(0, text.length() - 1)) * replicas / 100.0;
    return (int) (roundUp ? Math.ceil(pct) : Math.floor(pct));
  }

  static String canonicalTemplate(PodTemplateSpec template) {
    PodTemplateSpec t = template == null ? new PodTemplateSpec() : SimContext.copy(template);
    if (t.getMetadata() != null && t.getMetadata().getLabels() != null) {
      Map<String, String> labels = new LinkedHashMap<>(t.getMetadata().getLabels());
      labels.remove(HASH_LABEL);
      t.getMetadata().setLabels(labels);
    }
    return Names.canonical(SimContext.SERIALIZATION.convertValue(t, com.fasterxml.jackson.databind.JsonNode.class));
  }

  static long revision(ReplicaSet rs) {
    try {
      return Long.parseLong(readAnnotations(rs).getOrDefault(REVISION, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Map<String, String> annotations(io.fabric8.kubernetes.api.model.HasMetadata o) {
    if (o.getMetadata().getAnnotations() == null) {
      o.getMetadata().setAnnotations(new LinkedHashMap<>());
    }
    return o.getMetadata().getAnnotations();
  }

  static Map<String, String> readAnnotations(io.fabric8.kubernetes.api.model.HasMetadata o) {
    return o.getMetadata().getAnnotations() == null ? Map.of() : o.getMetadata().getAnnotations();
  }

  static int specReplicas(ReplicaSet rs) {
    return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
  }

  static int statusReplicas(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : nz(rs.getStatus().getReplicas());
  }

  static int statusAvailable(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : nz(rs.getStatus().getAvailableReplicas());
  }

  static Integer nullIfZero(Integer i) {
    return i == null || i == 0 ? null : i;
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static long nz(Long l) {
    return l == null ? 0 : l;
  }

}
