package io.cybershield.shield.gateway.api;

import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.StandInOptions;
import io.cybershield.shield.gateway.TestCallers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Three DJL Serving stand-ins on free ports, wired into the gateway through {@code StaticUpstreams}: the variant
 * {@code full} (critical, high, normal) on premises and in the private cloud, the variant {@code lite} (low) on
 * premises only. A test can stop one and start it again on its port.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

  static final String ROUTES = """
      {"schemaVersion": 1, "model": "threat-intel", "namespace": "soc", "generation": 3,
       "dataClassification": "confidential", "servedVersion": "v1",
       "variants": [
         {"name": "full", "priorities": ["critical", "high", "normal"], "service": "threat-intel-full",
          "pools": [{"pool": "onprem", "deployment": "threat-intel-full-onprem", "port": 8080},
                    {"pool": "private-cloud", "deployment": "threat-intel-full-cloud", "port": 8080}]},
         {"name": "lite", "priorities": ["low"], "service": "threat-intel-lite",
          "pools": [{"pool": "onprem", "deployment": "threat-intel-lite-onprem", "port": 8080}]}
       ]}
      """;

  /** The stand-ins, by role; replaced when restarted. */
  public static final class Pods {
    DjlStandIn fullOnPrem;
    DjlStandIn fullCloud;
    DjlStandIn liteOnPrem;

    public DjlStandIn[] all() {
      return new DjlStandIn[] {fullOnPrem, fullCloud, liteOnPrem};
    }

    /** Stops a stand-in (its port then refuses connections) and hands back how to start it again there. */
    Runnable stop(DjlStandIn running) {
      int port = running.port();
      running.close();
      return () -> restart(running, port);
    }

    private void restart(DjlStandIn stopped, int port) {
      DjlStandIn started = DjlStandIn.start(stopped.options().toBuilder().port(port).build());
      started.awaitListening(Duration.ofSeconds(30));
      if (stopped == fullOnPrem) {
        fullOnPrem = started;
      } else if (stopped == fullCloud) {
        fullCloud = started;
      } else {
        liteOnPrem = started;
      }
    }
  }

  private final Pods pods = new Pods();
  private Path routes;
  private String classification = "confidential";
  private String document = ROUTES;
  private String requestDeadline = "3s";
  private String outputWindow = "256";

  /**
   * {@code classification}: the model's data classification (confidential); {@code routes}: another routing
   * document ({@link #ROUTES}); {@code requestDeadline}: the gateway's request deadline (3s); {@code outputWindow}:
   * the characters the output guard holds back of a stream (256, the default; 1 lets a test see a stream's first
   * line while the model is still answering).
   */
  @Override
  public void init(Map<String, String> args) {
    classification = args.getOrDefault("classification", classification);
    document = args.getOrDefault("routes", document);
    requestDeadline = args.getOrDefault("requestDeadline", requestDeadline);
    outputWindow = args.getOrDefault("outputWindow", outputWindow);
  }

  @Override
  public Map<String, String> start() {
    pods.fullOnPrem = standIn("threat_intel_full");
    pods.fullCloud = standIn("threat_intel_full");
    pods.liteOnPrem = standIn("threat_intel_lite");
    try {
      routes = Files.createTempFile("routes", ".json");
      Files.writeString(routes, TestCallers.withAccess(document.replace("\"confidential\"",
          "\"" + classification + "\"")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "shield.gateway.routes-file", routes.toString(),
        "shield.gateway.endpoints", "full:onprem:" + address(pods.fullOnPrem)
            + ",full:private-cloud:" + address(pods.fullCloud)
            + ",lite:onprem:" + address(pods.liteOnPrem),
        "shield.gateway.request-deadline", requestDeadline,
        "shield.gateway.output.stream-window", outputWindow,
        "shield.gateway.output.stream-step", "256".equals(outputWindow) ? "128" : outputWindow,
        "shield.gateway.max-prompt-chars", "2000",
        "shield.gateway.max-tokens", "512",
        // the tests stop pods on purpose: the breaker must not open on them
        "shield.djl.breaker.request-volume-threshold", "1000",
        "shield.djl.retry.delay", "10ms");
  }

  private static DjlStandIn standIn(String model) {
    DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().modelName(model).port(0).build());
    djl.awaitListening(Duration.ofSeconds(30));
    return djl;
  }

  private static String address(DjlStandIn djl) {
    return djl.host() + ":" + djl.port();
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(pods, new TestInjector.MatchesType(Pods.class));
  }

  @Override
  public void stop() {
    for (DjlStandIn djl : pods.all()) {
      if (djl != null) {
        djl.close();
      }
    }
    try {
      if (routes != null) {
        Files.deleteIfExists(routes);
      }
    } catch (IOException ignored) {
      // a temporary file
    }
  }
}
