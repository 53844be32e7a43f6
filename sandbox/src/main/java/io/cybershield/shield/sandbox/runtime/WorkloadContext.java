package io.cybershield.shield.sandbox.runtime;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link Launcher} gets to start one container of a pod.
 *
 * @param pod        the pod, Running with an IP on a node
 * @param container  the container to run
 * @param podIp      the pod's IP, a loopback address the workload binds to
 * @param env        the container's environment with {@code valueFrom} resolved, in declaration order
 * @param kubeconfig a kubeconfig for the sandbox's API server, for workloads that talk to it
 * @param log        the container's log: one call per line, without its line break
 */
public record WorkloadContext(Pod pod, Container container, String podIp, Map<String, String> env, Path kubeconfig,
                              Consumer<String> log) {

  /** The container's first {@code containerPort}, or {@code fallback} when it declares none. */
  public int containerPort(int fallback) {
    return container.getPorts().isEmpty() || container.getPorts().get(0).getContainerPort() == null ? fallback
        : container.getPorts().get(0).getContainerPort();
  }

  /** {@code namespace/pod/container}, as log lines name it. */
  public String describe() {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/" + container.getName();
  }
}
