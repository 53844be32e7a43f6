package io.cybershield.shield.sandbox;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code bin/shield-sandbox}: starts the sandbox cluster and prints how to reach it. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    int port = 0;
    Path kubeconfig = Path.of(".sandbox", "kubeconfig");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--kubeconfig" -> kubeconfig = Path.of(args[++i]);
        default -> {
          System.err.println("unknown argument: " + args[i]);
          System.exit(2);
        }
      }
    }
    SandboxCluster cluster = SandboxCluster.start(port);
    Path written = cluster.writeKubeconfig(kubeconfig);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cluster.close();
      stop.countDown();
    }, "sandbox-shutdown"));
    System.out.println("Shield sandbox API server listening on " + cluster.url());
    System.out.println("export KUBECONFIG=" + written);
    System.out.flush();
    stop.await();
  }
}
