/**
 * The sandbox's simulated data plane: {@link io.cybershield.shield.sandbox.simulator.ClusterSimulator} plays the
 * kubelets of a {@link io.cybershield.shield.sandbox.simulator.NodeInventory} of GPU and CPU nodes, kube-scheduler,
 * and the Deployment, ReplicaSet, Job and HorizontalPodAutoscaler controllers, against any API server reachable
 * through a fabric8 {@code KubernetesClient}.
 *
 * <h2>Conventions a user or test can rely on</h2>
 * <ul>
 *   <li>A container whose image starts with {@code sandbox.local/job} runs for {@code SANDBOX_DURATION} (a Go
 *   duration such as {@code 250ms}, {@code 2m}; default {@link io.cybershield.shield.sandbox.simulator.SimulatorConfig#defaultJobDuration()}),
 *   then exits with {@code SANDBOX_EXIT_CODE} (default 0) and the termination message
 *   {@code SANDBOX_TERMINATION_MESSAGE} (default empty). Every other container runs until its pod is deleted.</li>
 *   <li>A container turns ready after {@link io.cybershield.shield.sandbox.simulator.SimulatorConfig#readinessDelay()}
 *   plus its startup/readiness probes' {@code initialDelaySeconds} times
 *   {@link io.cybershield.shield.sandbox.simulator.SimulatorConfig#probeDelayFactor()}; {@code SANDBOX_READY_DELAY}
 *   (a Go duration) overrides that, and {@code SANDBOX_READY=false} or an image starting with
 *   {@code sandbox.local/unready} — or any environment value containing {@code sandbox.local/unready}, such as
 *   model weights at {@code s3://models/m/sandbox.local/unready/r2} — keeps it running but never ready (a rollout
 *   that never becomes available).</li>
 *   <li>A Node created without status (as {@code kubectl apply} does on a real API server) gets capacity from the
 *   annotation {@code sandbox.cybershield.io/capacity: "cpu=32,memory=256Gi,nvidia.com/gpu=8"}, or its GPUs from
 *   the {@code nvidia.com/gpu.count} label, plus Ready conditions, addresses and nodeInfo.</li>
 *   <li>Pod IPs are distinct loopback addresses, cluster-wide ({@code 127.244.0.2} upward, a gone pod's address is
 *   reused), so that what the sandbox runs for real can listen on them; host IPs are fake ({@code 10.10.0.x}) and
 *   only ever written into status.</li>
 *   <li>Services with a selector get EndpointSlices as kube-controller-manager writes them: the selected pods that
 *   have an IP, with their ready, serving and terminating conditions and the Service's ports resolved against the
 *   pods' container ports.</li>
 *   <li>HorizontalPodAutoscalers are never acted upon (there is no metrics API); their status reports the target's
 *   replicas and {@code ScalingActive=False}.</li>
 * </ul>
 */
package io.cybershield.shield.sandbox.simulator;
