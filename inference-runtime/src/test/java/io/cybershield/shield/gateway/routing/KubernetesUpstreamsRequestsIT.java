package io.cybershield.shield.gateway.routing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway asks the API server, which is what its Role ({@code ModelGateway.role}) must permit and nothing
 * more: in its namespace only, the routing ConfigMap listed and watched by name (a {@code resourceNames} rule allows
 * list and watch only with {@code fieldSelector=metadata.name=<name>}), and the model's server pods by label.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesUpstreamsRequestsIT {

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void listsAndWatchesOnlyItsRoutesAndItsModelsPods() throws InterruptedException {
    try (KubernetesUpstreams upstreams = new KubernetesUpstreams(client, "soc", "threat-intel",
        "threat-intel-gateway-routes").start()) {
      await().atMost(Duration.ofSeconds(30)).until(upstreams::synced);
      await().atMost(Duration.ofSeconds(30)).until(() -> server.getRequestCount() >= 4);
    }
    List<Asked> asked = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      asked.add(Asked.of(request));
    }

    assertThat(asked).isNotEmpty().allSatisfy(a -> {
      assertThat(a.method()).isEqualTo("GET");
      assertThat(a.path()).isIn("/api/v1/namespaces/soc/configmaps", "/api/v1/namespaces/soc/pods");
      if (a.path().endsWith("/configmaps")) {
        assertThat(a.query()).containsEntry("fieldSelector", "metadata.name=threat-intel-gateway-routes")
            .doesNotContainKey("labelSelector");
      } else {
        assertThat(Set.of(a.query().get("labelSelector").split(","))).containsExactlyInAnyOrder(
            "shield.cybershield.io/model=threat-intel", "shield.cybershield.io/component=model-server");
      }
    });
    assertThat(asked).extracting(a -> a.path().substring(a.path().lastIndexOf('/') + 1) + " "
            + ("true".equals(a.query().get("watch")) ? "watch" : "list"))
        .containsExactlyInAnyOrder("configmaps list", "configmaps watch", "pods list", "pods watch");
  }

  /** A request as the server saw it, its query decoded. */
  private record Asked(String method, String path, Map<String, String> query) {
    static Asked of(RecordedRequest request) {
      String[] parts = request.getPath().split("\\?", 2);
      Map<String, String> query = new HashMap<>();
      if (parts.length > 1) {
        for (String pair : parts[1].split("&")) {
          String[] kv = pair.split("=", 2);
          query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
      }
      return new Asked(request.getMethod(), parts[0], query);
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
  }
}
