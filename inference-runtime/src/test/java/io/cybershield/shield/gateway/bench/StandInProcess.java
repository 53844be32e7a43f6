package io.cybershield.shield.gateway.bench;

import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.StandInOptions;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's upstream in a process of its own, so it does not share a JVM with the load generator: a DJL
 * Serving stand-in on 127.0.0.1 and a free port; arguments: tokens per answer, milliseconds to the first token and
 * between tokens (0 and 0: it answers at once). Prints
 * {@code LISTENING <host> <port>} when it accepts connections, then runs until killed.
 */
public final class StandInProcess {

  private StandInProcess() {
  }

  public static void main(String[] args) throws InterruptedException {
    int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    Duration first = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0);
    Duration between = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 0);
    DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel_full").port(0)
        .tokensPerRequest(tokens).firstTokenDelay(first).tokenDelay(between).build());
    djl.awaitListening(Duration.ofSeconds(30));
    System.out.println("LISTENING " + djl.host() + " " + djl.port());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(djl::close, "stand-in-stop"));
    new CountDownLatch(1).await();
  }
}
