package io.cybershield.shield.sandbox.server.portforward;

/**
 * The pod a port-forward connects to.
 *
 * @param podName the pod's name
 * @param podUid  the pod's uid; it stands in for the sandbox id the container runtime names in its errors
 * @param podIp   {@code status.podIP}, where the pod's ports are dialled (empty when the pod has none)
 */
public record PortForwardTarget(String podName, String podUid, String podIp) {
}
