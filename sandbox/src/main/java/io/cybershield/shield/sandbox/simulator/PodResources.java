package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Resource arithmetic on pods and nodes with fabric8 {@link Quantity}. */
public final class PodResources {

  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String PODS = "pods";
  public static final String GPU = "nvidia.com/gpu";
  public static final String MIG_PREFIX = "nvidia.com/mig-";

  private PodResources() {
  }

  /**
   * The effective requests of a pod, as the scheduler sees them: per container the request, or the limit where the
   * request is absent (what API-server defaulting does); summed over containers (and restartable init containers),
   * at least the largest init container, plus the pod overhead.
   */
  public static Map<String, BigDecimal> requests(Pod pod) {
    Map<String, BigDecimal> sum = new TreeMap<>();
    if (pod.getSpec() == null) {
      return sum;
    }
    for (Container c : pod.getSpec().getContainers()) {
      add(sum, containerRequests(c));
    }
    Map<String, BigDecimal> sidecars = new TreeMap<>();
    for (Container c : pod.getSpec().getInitContainers()) {
      Map<String, BigDecimal> r = containerRequests(c);
      if ("Always".equals(c.getRestartPolicy())) {
        add(sum, r);
        add(sidecars, r);
      } else {
        Map<String, BigDecimal> withSidecars = new TreeMap<>(sidecars);
        add(withSidecars, r);
        withSidecars.forEach((k, v) -> sum.merge(k, v, BigDecimal::max));
      }
    }
    if (pod.getSpec().getOverhead() != null) {
      add(sum, toDecimals(pod.getSpec().getOverhead()));
    }
    return sum;
  }

  static Map<String, BigDecimal> containerRequests(Container c) {
    Map<String, BigDecimal> r = new TreeMap<>();
    ResourceRequirements res = c.getResources();
    if (res == null) {
      return r;
    }
    if (res.getLimits() != null) {
      r.putAll(toDecimals(res.getLimits()));
    }
    if (res.getRequests() != null) {
      r.putAll(toDecimals(res.getRequests()));
    }
    return r;
  }

  /** Allocatable of a node, falling back to capacity where allocatable is absent. */
  public static Map<String, BigDecimal> allocatable(Node node) {
    Map<String, BigDecimal> r = new TreeMap<>();
    if (node.getStatus() == null) {
      return r;
    }
    if (node.getStatus().getCapacity() != null) {
      r.putAll(toDecimals(node.getStatus().getCapacity()));
    }
    if (node.getStatus().getAllocatable() != null && !node.getStatus().getAllocatable().isEmpty()) {
      r.clear();
      r.putAll(toDecimals(node.getStatus().getAllocatable()));
    }
    return r;
  }

  public static Map<String, BigDecimal> toDecimals(Map<String, Quantity> quantities) {
    Map<String, BigDecimal> r = new TreeMap<>();
    quantities.forEach((k, q) -> {
      if (q != null) {
        r.put(k, q.getNumericalAmount());
      }
    });
    return r;
  }

  static void add(Map<String, BigDecimal> target, Map<String, BigDecimal> delta) {
    delta.forEach((k, v) -> target.merge(k, v, BigDecimal::add));
  }

  /** True for GPU-like extended resources ({@code nvidia.com/gpu}, {@code nvidia.com/mig-*}). */
  public static boolean isGpuResource(String name) {
    return name.equals(GPU) || name.startsWith(MIG_PREFIX);
  }

  public static boolean isTerminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /** Formats a decimal amount compactly (used in the node summary). */
  public static String format(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
