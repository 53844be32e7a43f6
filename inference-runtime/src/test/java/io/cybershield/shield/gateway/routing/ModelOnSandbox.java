package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.StandInOptions;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ShieldModel {@code threat-intel} as its gateway sees it on a cluster, with no operator: the sandbox API server
 * (no simulator) holding the routing ConfigMap and the model-server pods, which the tests write, status included, and
 * one DJL stand-in per pod, each bound to its own loopback address (its pod IP) on one port shared by all, as real
 * pods share their Deployment's port:
 * <ul>
 * <li>{@code full} on premises: pod {@code full-onprem-a} at 127.0.0.2, and {@code full-onprem-b} at 127.0.0.3, which
 * a test creates when it needs it;</li>
 * <li>{@code full} in the private cloud: {@code full-cloud-a} at 127.0.0.4;</li>
 * <li>{@code lite} on premises: {@code lite-onprem-a} at 127.0.0.5.</li>
 * </ul>
 * The gateway runs in cluster mode against it. With the init argument {@code deferred=true} the API server is not
 * started with the gateway but by the test ({@link Model#startApiServer()}), on the address the gateway was given.
 */
public class ModelOnSandbox implements QuarkusTestResourceLifecycleManager {

  static final String MODEL = "threat-intel";
  static final String NAMESPACE = "threat-intel-gateway";
  static final String ROUTES = ShieldNames.gatewayRoutesConfigMap(MODEL);

  /** The cluster, its pods and their stand-ins. */
  public static final class Model {
    private int apiPort;
    SandboxCluster cluster;
    KubernetesClient client;
    int port;
    DjlStandIn fullOnPremA;
    DjlStandIn fullOnPremB;
    DjlStandIn fullCloudA;
    DjlStandIn liteOnPremA;

    DjlStandIn[] all() {
      return new DjlStandIn[] {fullOnPremA, fullOnPremB, fullCloudA, liteOnPremA};
    }

    /** Starts the API server the gateway was pointed at, with the namespace and nothing in it. */
    void startApiServer() {
      cluster = SandboxCluster.start(apiPort);
      client = cluster.client();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
          .build()).create();
    }

    /**
     * The routing document the operator would write for the model, {@code full} serving the priorities
     * {@code fullPriorities} in both pools (on premises only when the model is restricted), {@code lite} the others
     * on premises.
     */
    ConfigMap routes(long generation, String classification, List<String> fullPriorities,
        List<String> litePriorities) {
      boolean restricted = "restricted".equals(classification);
      String full = restricted ? pool("full", Pool.ONPREM) : pool("full", Pool.ONPREM) + ", "
          + pool("full", Pool.PRIVATE_CLOUD);
      String json = """
          {"schemaVersion": 1, "model": "%s", "namespace": "%s", "generation": %d,
           "dataClassification": "%s", "servedVersion": "v1",
           "variants": [
             {"name": "full", "priorities": %s, "service": "threat-intel-full", "pools": [%s]},
             {"name": "lite", "priorities": %s, "service": "threat-intel-lite", "pools": [%s]}]}
          """.formatted(MODEL, NAMESPACE, generation, classification, array(fullPriorities), full,
          array(litePriorities), pool("lite", Pool.ONPREM));
      return document(json);
    }

    ConfigMap document(String json) {
      return new ConfigMapBuilder().withNewMetadata().withName(ROUTES).withNamespace(NAMESPACE)
          .withLabels(ShieldNames.modelLabels(MODEL, ShieldNames.COMPONENT_GATEWAY)).endMetadata()
          .addToData(GatewayRoutes.KEY, json.strip().startsWith("{") && json.strip().endsWith("}")
              ? io.cybershield.shield.gateway.TestCallers.withAccess(json) : json).build();
    }

    private String pool(String variant, Pool pool) {
      Map<String, String> selector = ShieldNames.modelPodSelector(MODEL, variant, pool);
      StringBuilder labels = new StringBuilder();
      selector.forEach((k, v) -> labels.append(labels.length() == 0 ? "" : ", ").append('"').append(k)
          .append("\": \"").append(v).append('"'));
      return """
          {"pool": "%s", "deployment": "%s", "podSelector": {%s}, "port": %d}"""
          .formatted(pool.value(), ShieldNames.deployment(MODEL, variant, pool), labels, port);
    }

    private static String array(List<String> values) {
      List<String> quoted = new ArrayList<>();
      values.forEach(v -> quoted.add('"' + v + '"'));
      return "[" + String.join(", ", quoted) + "]";
    }

    /** A model-server pod as its Deployment would make it (the status is the kubelet's: see {@link #status}). */
    Pod pod(String name, String variant, Pool pool) {
      Map<String, String> labels = new LinkedHashMap<>(ShieldNames.modelLabels(MODEL,
          ShieldNames.COMPONENT_MODEL_SERVER));
      labels.putAll(ShieldNames.modelPodSelector(MODEL, variant, pool));
      return new PodBuilder()
          .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(labels).endMetadata()
          .withNewSpec().addNewContainer().withName("djl-serving").withImage("deepjavalibrary/djl-serving:0.36.0")
          .addNewPort().withName("http").withContainerPort(port).endPort().endContainer().endSpec()
          .build();
    }

    /** What the kubelet reports: Running at {@code ip}, with the Ready condition {@code ready}. */
    void status(String name, String ip, boolean ready) {
      client.pods().inNamespace(NAMESPACE).withName(name).editStatus(pod -> new PodBuilder(pod)
          .withNewStatus().withPhase("Running").withPodIP(ip)
          .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
          .endStatus().build());
    }
  }

  private final Model model = new Model();
  private boolean deferred;

  @Override
  public void init(Map<String, String> args) {
    deferred = Boolean.parseBoolean(args.getOrDefault("deferred", "false"));
  }

  @Override
  public Map<String, String> start() {
    model.apiPort = freePort("127.0.0.1");
    model.port = freePort("127.0.0.2");
    model.fullOnPremA = standIn("127.0.0.2", "threat_intel_full");
    model.fullOnPremB = standIn("127.0.0.3", "threat_intel_full");
    model.fullCloudA = standIn("127.0.0.4", "threat_intel_full");
    model.liteOnPremA = standIn("127.0.0.5", "threat_intel_lite");
    if (!deferred) {
      model.startApiServer();
    }
    return Map.ofEntries(
        Map.entry("quarkus.kubernetes-client.api-server-url", "http://127.0.0.1:" + model.apiPort),
        Map.entry("quarkus.kubernetes-client.namespace", NAMESPACE),
        // the sandbox's API server checks no credentials; a real gateway uses its ServiceAccount's token
        Map.entry("quarkus.kubernetes-client.token", "sandbox"),
        Map.entry("quarkus.kubernetes-client.watch-reconnect-interval", "200ms"),
        Map.entry("shield.gateway.model", MODEL),
        Map.entry("shield.gateway.namespace", NAMESPACE),
        Map.entry("shield.gateway.request-deadline", "5s"),
        // the tests turn pods unready, never unreachable: the breaker stays out of it
        Map.entry("shield.djl.breaker.request-volume-threshold", "1000"),
        Map.entry("shield.djl.retry.delay", "10ms"));
  }

  private DjlStandIn standIn(String address, String modelName) {
    DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().host(address).port(model.port).modelName(modelName)
        .build());
    djl.awaitListening(Duration.ofSeconds(30));
    return djl;
  }

  /** A port nothing listens on at {@code address} now. */
  private static int freePort(String address) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(model, new TestInjector.MatchesType(Model.class));
  }

  @Override
  public void stop() {
    for (DjlStandIn djl : model.all()) {
      if (djl != null) {
        djl.close();
      }
    }
    if (model.client != null) {
      model.client.close();
    }
    if (model.cluster != null) {
      model.cluster.close();
    }
  }
}
