package io.cybershield.shield.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cybershield.shield.sandbox.runtime.PodRuntime;
import io.cybershield.shield.sandbox.runtime.RuntimeConfig;
import io.cybershield.shield.sandbox.server.ContainerLogs;
import io.cybershield.shield.sandbox.server.RequestCounts;
import io.cybershield.shield.sandbox.server.ResourceRegistry;
import io.cybershield.shield.sandbox.server.ResourceType;
import io.cybershield.shield.sandbox.server.SandboxApiServer;
import io.cybershield.shield.sandbox.server.SandboxStore;
import io.cybershield.shield.sandbox.server.ServiceAccountTokens;
import io.cybershield.shield.sandbox.simulator.ClusterSimulator;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The embedded cluster: the sandbox API server with its store, ready for clients; optionally the simulator, and a
 * {@link PodRuntime} that runs DJL Serving and gateway pods for real. Tests and {@code bin/shield-sandbox} start one
 * of these.
 */
public final class SandboxCluster implements AutoCloseable {

  /** Namespaces a fresh cluster has, as kubeadm leaves them (plus Shield's own). */
  public static final List<String> INITIAL_NAMESPACES = List.of("default", "kube-system", "kube-public",
      "kube-node-lease", "shield-system");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The user agent of the simulator's requests, so counts tell its work from the clients'. */
  public static final String SIMULATOR_USER_AGENT = "sandbox-simulator";
  /** The user agent of the pod runtime's requests. */
  public static final String RUNTIME_USER_AGENT = "sandbox-runtime";

  private final SandboxStore store;
  private final SandboxApiServer server;
  private KubernetesClient simulatorClient;
  private ClusterSimulator simulator;
  private KubernetesClient runtimeClient;
  private PodRuntime runtime;
  private Path runtimeDir;

  private SandboxCluster(SandboxStore store, SandboxApiServer server) {
    this.store = store;
    this.server = server;
  }

  /**
   * Starts a cluster on 127.0.0.1 (port 0 picks a free port) with the simulator playing scheduler, kubelet and
   * controllers on the given nodes.
   */
  public static SandboxCluster start(int port, NodeInventory nodes, SimulatorConfig simulatorConfig) {
    return start(port, nodes, simulatorConfig, RuntimeConfig.disabled());
  }

  /**
   * Starts a cluster with the simulator and, when {@code runtimeConfig} is enabled, a {@link PodRuntime} that runs
   * the workloads of DJL Serving and gateway pods for real on their (loopback) pod IPs; {@code kubectl logs} of
   * those pods shows their output.
   */
  public static SandboxCluster start(int port, NodeInventory nodes, SimulatorConfig simulatorConfig,
                                     RuntimeConfig runtimeConfig) {
    SandboxCluster cluster = start(port);
    try {
      cluster.simulatorClient = cluster.client(SIMULATOR_USER_AGENT);
      ClusterSimulator simulator = new ClusterSimulator(cluster.simulatorClient, simulatorConfig, nodes);
      if (runtimeConfig.enabled()) {
        cluster.runtimeDir = Files.createTempDirectory("shield-sandbox-runtime-");
        Path kubeconfig = cluster.writeKubeconfig(cluster.runtimeDir.resolve("kubeconfig"));
        cluster.runtimeClient = cluster.client(RUNTIME_USER_AGENT);
        cluster.runtime = new PodRuntime(cluster.runtimeClient, runtimeConfig, kubeconfig).start();
        cluster.server.containerLogs(cluster.runtime);
        simulator.realContainers(cluster.runtime.realContainers());
      }
      cluster.simulator = simulator.start();
      return cluster;
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException("cannot prepare the sandbox runtime's directory", e);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Starts the API server alone, with no simulator: nothing schedules or runs pods. */
  public static SandboxCluster start(int port) {
    Clock clock = Clock.systemUTC();
    ResourceRegistry registry = new ResourceRegistry();
    SandboxStore store = new SandboxStore(registry, clock);
    SandboxPlugins.install(store, clock);
    ResourceType namespaces = registry.find("", "v1", "namespaces").orElseThrow();
    for (String name : INITIAL_NAMESPACES) {
      ObjectNode ns = JsonNodeFactory.instance.objectNode();
      ns.put("apiVersion", "v1");
      ns.put("kind", "Namespace");
      ns.putObject("metadata").put("name", name);
      store.createInternal(namespaces, ns);
    }
    SandboxApiServer server = new SandboxApiServer(store, clock).start(port);
    return new SandboxCluster(store, server);
  }

  public String url() {
    return server.url();
  }

  /** The requests the API server has answered, by client, verb and resource. */
  public RequestCounts requests() {
    return server.requests();
  }

  public SandboxStore store() {
    return store;
  }

  /**
   * The API server's service-account token issuer and authenticator: what {@code serviceaccounts/token}
   * (TokenRequest) mints and {@code tokenreviews} (TokenReview) checks, its static tokens and its clock.
   */
  public ServiceAccountTokens tokens() {
    return server.tokens();
  }

  /**
   * Adds a bearer token that a TokenReview authenticates as {@code user} with {@code groups} (plus
   * {@code system:authenticated}), as a line of a kube-apiserver's {@code --token-auth-file} does.
   */
  public SandboxCluster addStaticToken(String token, String user, String uid, List<String> groups) {
    server.tokens().addStaticToken(token, user, uid, groups);
    return this;
  }

  /**
   * Installs every CustomResourceDefinition in the YAML files of a directory (as {@code kubectl apply -f DIR}
   * would), through the API server's own admission.
   *
   * @return the names of the CRDs installed
   */
  public List<String> installCrds(Path directory) throws IOException {
    List<String> installed = new java.util.ArrayList<>();
    ResourceType crds = store.registry().find("apiextensions.k8s.io", "v1", "customresourcedefinitions")
        .orElseThrow();
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
          .toList()) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (docs.hasNext()) {
            if (docs.next() instanceof ObjectNode crd && "CustomResourceDefinition".equals(crd.path("kind").asText())) {
              store.createInternal(crds, crd);
              installed.add(crd.path("metadata").path("name").asText());
            }
          }
        }
      }
    }
    return installed;
  }

  /** A fabric8 client for this cluster. */
  public KubernetesClient client() {
    return client(null);
  }

  /** A fabric8 client for this cluster that names itself {@code userAgent} in the request counts. */
  public KubernetesClient client(String userAgent) {
    ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default")
        .withRequestRetryBackoffLimit(0);
    if (userAgent != null) {
      builder.withUserAgent(userAgent);
    }
    Config config = builder.build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Writes a kubeconfig for this cluster, as {@code kubectl} and any client library read it. */
  public Path writeKubeconfig(Path file) throws IOException {
    String kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: shield-sandbox
          cluster:
            server: %s
        users:
        - name: shield-sandbox-admin
          user:
            token: sandbox
        contexts:
        - name: shield-sandbox
          context:
            cluster: shield-sandbox
            user: shield-sandbox-admin
            namespace: default
        current-context: shield-sandbox
        """.formatted(url());
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Files.writeString(absolute, kubeconfig);
    return absolute;
  }

  /** Where the pods' log subresource reads the containers' output (none by default). */
  public SandboxCluster containerLogs(ContainerLogs logs) {
    server.containerLogs(logs);
    return this;
  }

  /** The simulator, or {@code null} when the cluster runs without one. */
  public ClusterSimulator simulator() {
    return simulator;
  }

  /** The runtime that runs pods' workloads for real, or {@code null} when everything is only simulated. */
  public PodRuntime runtime() {
    return runtime;
  }

  @Override
  public void close() {
    if (runtime != null) {
      runtime.close();
    }
    if (runtimeClient != null) {
      runtimeClient.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    if (simulatorClient != null) {
      simulatorClient.close();
    }
    server.close();
    if (runtimeDir != null) {
      try (var files = Files.walk(runtimeDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind
      }
    }
  }
}
