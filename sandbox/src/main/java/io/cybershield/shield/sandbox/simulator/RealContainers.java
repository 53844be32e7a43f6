package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Which containers the sandbox runs for real (a DJL Serving stand-in, a gateway process) rather than only
 * simulating them. The kubelet simulator probes such a container's readiness probe against its pod IP instead of
 * timing its readiness: it turns Ready when the probe answers and unready again when it stops answering.
 */
@FunctionalInterface
public interface RealContainers {

  /** Nothing runs for real: every container is simulated. */
  RealContainers NONE = (pod, container) -> false;

  /** Whether {@code container} of {@code pod} (a pod with an IP on a node) runs for real. */
  boolean runs(Pod pod, Container container);
}
