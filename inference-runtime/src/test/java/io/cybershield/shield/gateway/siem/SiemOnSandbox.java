package io.cybershield.shield.gateway.siem;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.gateway.TestCallers;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gateway of a model {@code threat-intel} in cluster mode against the sandbox API server (no simulator, no
 * operator), with the Shield CRDs installed so that ShieldIncidents are admitted (or refused) as a real API server
 * would, and the SIEM webhook's secret in a file, as the operator mounts it. The routing document carries the test
 * callers' roles ({@link TestCallers#ACCESS}) and {@code siemWebhook}; the tests rewrite it and the secret file.
 */
public class SiemOnSandbox implements QuarkusTestResourceLifecycleManager {

  static final String MODEL = "threat-intel";
  static final String NAMESPACE = "siem-gateway";
  static final String SECRET_NAME = "siem-webhook";
  /**
   * The tests' webhook secrets. Test secrets: the build's log scan (module log-scan) fails if one appears in any log
   * the tests write; they are listed in src/test/resources/security/siem-webhook-secrets.txt for it.
   */
  static final String SECRET = "shield-test-siem-webhook-Xq81LmZ3pR7wT5";
  static final String ROTATED = "shield-test-siem-rotated-N4bV6cK2sJ9dQ0";

  /** The cluster and the secret file. */
  public static final class Sandbox {
    SandboxCluster cluster;
    KubernetesClient client;
    Path secretFile;

    /** The routing document; with {@code webhook} its access has {@code siemWebhook}. */
    ConfigMap routes(long generation, boolean webhook) {
      String access = TestCallers.ACCESS.strip();
      if (webhook) {
        access = access.substring(0, access.length() - 1) + ",\n \"siemWebhook\": {\"secretName\": \"" + SECRET_NAME
            + "\", \"key\": \"token\", \"maxClockSkew\": \"5m\"}}";
      }
      Map<String, String> selector = ShieldNames.modelPodSelector(MODEL, "full",
          io.cybershield.shield.api.v1alpha1.common.Pool.ONPREM);
      StringBuilder labels = new StringBuilder();
      selector.forEach((k, v) -> labels.append(labels.length() == 0 ? "" : ", ").append('"').append(k)
          .append("\": \"").append(v).append('"'));
      String json = """
          {"schemaVersion": 1, "model": "%s", "namespace": "%s", "generation": %d,
           "dataClassification": "confidential", "servedVersion": "v1",
           "variants": [{"name": "full", "priorities": ["critical", "high", "normal", "low"],
             "service": "threat-intel-full", "pools": [{"pool": "onprem", "deployment": "threat-intel-full-onprem",
             "podSelector": {%s}, "port": 8080}]}],
           %s}
          """.formatted(MODEL, NAMESPACE, generation, labels, access);
      return new ConfigMapBuilder().withNewMetadata().withName(ShieldNames.gatewayRoutesConfigMap(MODEL))
          .withNamespace(NAMESPACE).withLabels(ShieldNames.modelLabels(MODEL, ShieldNames.COMPONENT_GATEWAY))
          .endMetadata().addToData(GatewayRoutes.KEY, json).build();
    }

    /** Writes the webhook secret as the kubelet does: a new file swapped in whole. */
    void writeSecret(String secret) {
      try {
        Path next = secretFile.resolveSibling("token.next");
        Files.writeString(next, secret + "\n", StandardCharsets.UTF_8);
        Files.move(next, secretFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Sandbox sandbox = new Sandbox();

  @Override
  public Map<String, String> start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sandbox.cluster = SandboxCluster.start(port);
    sandbox.client = sandbox.cluster.client();
    try {
      sandbox.cluster.installCrds(Path.of("..", "helm", "shield-operator", "crds"));
      sandbox.secretFile = Files.createTempDirectory("siem-webhook-").resolve("token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sandbox.writeSecret(SECRET);
    sandbox.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
        .build()).create();
    sandbox.client.resource(sandbox.routes(1, true)).create();
    return Map.ofEntries(
        Map.entry("quarkus.kubernetes-client.api-server-url", "http://127.0.0.1:" + port),
        Map.entry("quarkus.kubernetes-client.namespace", NAMESPACE),
        Map.entry("quarkus.kubernetes-client.token", "sandbox"),
        Map.entry("quarkus.kubernetes-client.watch-reconnect-interval", "200ms"),
        Map.entry("shield.gateway.model", MODEL),
        Map.entry("shield.gateway.namespace", NAMESPACE),
        Map.entry("shield.gateway.siem.webhook-secret-file", sandbox.secretFile.toString()),
        Map.entry("shield.gateway.siem.secret-reload-period", "100ms"));
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(sandbox, new TestInjector.MatchesType(Sandbox.class));
  }

  @Override
  public void stop() {
    if (sandbox.client != null) {
      sandbox.client.close();
    }
    if (sandbox.cluster != null) {
      sandbox.cluster.close();
    }
  }
}
