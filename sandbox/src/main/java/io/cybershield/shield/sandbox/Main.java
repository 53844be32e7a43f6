package io.cybershield.shield.sandbox;

import io.cybershield.shield.sandbox.runtime.RuntimeConfig;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/shield-sandbox}: starts the sandbox cluster and prints how to reach it. Pods of DJL Serving images are
 * served by stand-ins on their pod IPs and the gateway image runs as a process of the gateway's jar
 * ({@code --gateway-jar PATH}, else {@link RuntimeConfig#configuredGatewayJar()}); {@code --no-workloads} only
 * simulates every container.
 */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    int port = 0;
    Path kubeconfig = Path.of(".sandbox", "kubeconfig");
    Path nodesFile = null;
    Path crdsDir = null;
    boolean workloads = true;
    Path gatewayJar = RuntimeConfig.configuredGatewayJar();
    Path tokenAuthFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--kubeconfig" -> kubeconfig = Path.of(args[++i]);
        case "--nodes" -> nodesFile = Path.of(args[++i]);
        case "--crds" -> crdsDir = Path.of(args[++i]);
        case "--no-workloads" -> workloads = false;
        case "--gateway-jar" -> gatewayJar = Path.of(args[++i]);
        case "--token-auth-file" -> tokenAuthFile = Path.of(args[++i]);
        default -> {
          System.err.println("unknown argument: " + args[i]);
          System.exit(2);
        }
      }
    }
    NodeInventory nodes = nodesFile == null ? NodeInventory.defaultInventory() : NodeInventory.fromFile(nodesFile);
    RuntimeConfig runtime = workloads ? RuntimeConfig.standard(gatewayJar) : RuntimeConfig.disabled();
    SandboxCluster cluster = SandboxCluster.start(port, nodes, SimulatorConfig.defaults(), runtime);
    if (tokenAuthFile != null) {
      try {
        int tokens = cluster.tokens().loadTokenAuthFile(tokenAuthFile);
        System.out.println("Static tokens from " + tokenAuthFile + ": " + tokens
            + " (TokenReview authenticates them)");
      } catch (java.io.IOException | IllegalArgumentException e) {
        cluster.close();
        System.err.println("cannot read the token file: " + e.getMessage());
        System.exit(2);
      }
    }
    Path written = cluster.writeKubeconfig(kubeconfig);
    if (crdsDir != null) {
      for (String crd : cluster.installCrds(crdsDir)) {
        System.out.println("Installed CRD " + crd);
      }
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cluster.close();
      stop.countDown();
    }, "sandbox-shutdown"));
    System.out.println("Shield sandbox API server listening on " + cluster.url());
    System.out.println("Nodes" + (nodesFile == null ? " (default inventory; --nodes FILE replaces it)" : " from "
        + nodesFile) + ":");
    System.out.println(cluster.simulator().nodeSummary());
    if (workloads) {
      System.out.println("Pods get loopback IPs (127.244.x.y): DJL Serving pods are served by scripted stand-ins, "
          + "gateway pods run " + gatewayJar + (java.nio.file.Files.isRegularFile(gatewayJar) ? ""
          : " (not built: gateway pods stay simulated)") + "; kubectl logs shows their output");
    }
    System.out.println("export KUBECONFIG=" + written);
    System.out.flush();
    stop.await();
  }
}
