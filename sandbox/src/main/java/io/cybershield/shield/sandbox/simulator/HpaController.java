package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * HorizontalPodAutoscalers in a cluster without a metrics API. Like the real HPA controller, which enforces its
 * bounds before it looks at any metric, the simulator scales a target below {@code minReplicas} up to it and one
 * above {@code maxReplicas} down to it ({@code SuccessfulRescale}); a target scaled to zero disables autoscaling.
 * Nothing scales on load (there are no metrics): the status says so with {@code ScalingActive=False} and the metric
 * failure a real controller reports.
 */
final class HpaController {

  private final SimContext ctx;

  HpaController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String ns, String name) {
    HorizontalPodAutoscaler hpa = ctx.cached(ctx.hpas, ns, name);
    if (hpa == null || hpa.getMetadata().getDeletionTimestamp() != null || hpa.getSpec() == null) {
      return;
    }
    Instant now = ctx.now();
    CrossVersionObjectReference ref = hpa.getSpec().getScaleTargetRef();
    Integer current = null;
    boolean rescaled = false;
    String resource = "deployments";
    if (ref != null && "Deployment".equals(ref.getKind())) {
      Deployment d = ctx.cached(ctx.deployments, ns, ref.getName());
      current = d == null ? null : d.getStatus() == null || d.getStatus().getReplicas() == null ? 0
          : d.getStatus().getReplicas();
      if (d != null && d.getMetadata().getDeletionTimestamp() == null) {
        rescaled = rescale(hpa, d);
      }
    } else if (ref != null && "ReplicaSet".equals(ref.getKind())) {
      resource = "replicasets";
      ReplicaSet rs = ctx.cached(ctx.replicaSets, ns, ref.getName());
      current = rs == null ? null : rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0
          : rs.getStatus().getReplicas();
    } else if (ref != null) {
      resource = ref.getKind() == null ? "unknown" : ref.getKind().toLowerCase() + "s";
    }
    HorizontalPodAutoscalerStatus old = hpa.getStatus() == null ? new HorizontalPodAutoscalerStatus()
        : hpa.getStatus();
    HorizontalPodAutoscalerStatus s = new HorizontalPodAutoscalerStatus();
    s.setObservedGeneration(hpa.getMetadata().getGeneration());
    s.setLastScaleTime(rescaled ? Times.format(now) : old.getLastScaleTime());
    List<HorizontalPodAutoscalerCondition> conditions = new ArrayList<>(old.getConditions());
    String targetName = ref == null ? "" : ref.getName();
    if (current == null) {
      s.setCurrentReplicas(old.getCurrentReplicas() == null ? 0 : old.getCurrentReplicas());
      s.setDesiredReplicas(old.getDesiredReplicas() == null ? 0 : old.getDesiredReplicas());
      set(conditions, "AbleToScale", "False", "FailedGetScale", "the HPA controller was unable to get the target's "
          + "current scale: " + resource + ".apps \"" + targetName + "\" not found", now);
    } else {
      s.setCurrentReplicas(current);
      s.setDesiredReplicas(current);
      set(conditions, "AbleToScale", "True", "SucceededGetScale",
          "the HPA controller was able to get the target's current scale", now);
      if (current == 0) {
        set(conditions, "ScalingActive", "False", "ScalingDisabled",
            "scaling is disabled since the replica count of the target is zero", now);
      } else {
        String[] failure = metricFailure(hpa);
        set(conditions, "ScalingActive", "False", failure[0], failure[1], now);
      }
    }
    s.setConditions(conditions);
    if (!Objects.equals(s, hpa.getStatus())) {
      HorizontalPodAutoscaler next = SimContext.copy(hpa);
      next.setStatus(s);
      try {
        ctx.remember(ctx.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).resource(next)
            .updateStatus());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
  }

  /** Enforces minReplicas/maxReplicas on the target's spec, as the HPA controller does whatever its metrics say. */
  private boolean rescale(HorizontalPodAutoscaler hpa, Deployment target) {
    int specReplicas = target.getSpec() == null || target.getSpec().getReplicas() == null ? 1
        : target.getSpec().getReplicas();
    int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
    int max = hpa.getSpec().getMaxReplicas() == null ? specReplicas : hpa.getSpec().getMaxReplicas();
    if (specReplicas == 0 && min != 0) {
      return false;
    }
    int desired = specReplicas;
    String reason = null;
    if (specReplicas > max) {
      desired = max;
      reason = "Current number of replicas above Spec.MaxReplicas";
    } else if (specReplicas < min) {
      desired = min;
      reason = "Current number of replicas below Spec.MinReplicas";
    }
    if (desired == specReplicas) {
      return false;
    }
    int newSize = desired;
    try {
      ctx.remember(ctx.client.apps().deployments().inNamespace(target.getMetadata().getNamespace())
          .withName(target.getMetadata().getName()).edit(d -> {
            d.getSpec().setReplicas(newSize);
            return d;
          }));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
    ctx.events.normal(hpa, "SuccessfulRescale", "New size: " + newSize + "; reason: " + reason,
        "horizontal-pod-autoscaler", null);
    return true;
  }

  private static String[] metricFailure(HorizontalPodAutoscaler hpa) {
    List<MetricSpec> metrics = hpa.getSpec().getMetrics();
    MetricSpec m = metrics == null || metrics.isEmpty() ? null : metrics.get(0);
    String prefix = "the HPA was unable to compute the replica count: ";
    if (m == null || "Resource".equals(m.getType()) || "ContainerResource".equals(m.getType())) {
      String res = m == null ? "cpu" : m.getResource() != null ? m.getResource().getName()
          : m.getContainerResource() != null ? m.getContainerResource().getName() : "cpu";
      return new String[] {"FailedGetResourceMetric", prefix + "failed to get " + res + " utilization: unable to get "
          + "metrics for resource " + res + ": no metrics returned from resource metrics API"};
    }
    String metricName = switch (m.getType()) {
      case "Pods" -> m.getPods() == null || m.getPods().getMetric() == null ? "" : m.getPods().getMetric().getName();
      case "Object" -> m.getObject() == null || m.getObject().getMetric() == null ? ""
          : m.getObject().getMetric().getName();
      case "External" -> m.getExternal() == null || m.getExternal().getMetric() == null ? ""
          : m.getExternal().getMetric().getName();
      default -> "";
    };
    String reason = switch (m.getType()) {
      case "Pods" -> "FailedGetPodsMetric";
      case "Object" -> "FailedGetObjectMetric";
      case "External" -> "FailedGetExternalMetric";
      default -> "FailedGetResourceMetric";
    };
    String api = "External".equals(m.getType()) ? "external metrics API (external.metrics.k8s.io)"
        : "custom metrics API (custom.metrics.k8s.io)";
    return new String[] {reason, prefix + "unable to get metric " + metricName + ": unable to fetch metrics from "
        + api.replaceFirst(" \\(.*", "") + ": no " + api + " registered"};
  }

  private static void set(List<HorizontalPodAutoscalerCondition> conditions, String type, String status, String reason,
                          String message, Instant now) {
    for (int i = 0; i < conditions.size(); i++) {
      HorizontalPodAutoscalerCondition c = conditions.get(i);
      if (type.equals(c.getType())) {
        if (Objects.equals(c.getStatus(), status) && Objects.equals(c.getReason(), reason)
            && Objects.equals(c.getMessage(), message)) {
          return;
        }
        String transition = Objects.equals(c.getStatus(), status) ? c.getLastTransitionTime() : Times.format(now);
        conditions.set(i, new HorizontalPodAutoscalerConditionBuilder().withType(type).withStatus(status)
            .withReason(reason).withMessage(message).withLastTransitionTime(transition).build());
        return;
      }
    }
    conditions.add(new HorizontalPodAutoscalerConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(message).withLastTransitionTime(Times.format(now)).build());
  }
}
