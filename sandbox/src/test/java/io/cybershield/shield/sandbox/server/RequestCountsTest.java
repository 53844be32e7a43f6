package io.cybershield.shield.sandbox.server;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCountsTest {

  @Test
  void countsEachRequestByClientVerbAndResource() {
    try (SandboxCluster cluster = SandboxCluster.start(0);
         KubernetesClient client = cluster.client("bench-client")) {
      Map<String, Long> before = cluster.requests().snapshot();
      client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("a")
          .endMetadata().build()).create();
      client.configMaps().inNamespace("default").withName("a").get();
      client.configMaps().inNamespace("default").list();
      client.configMaps().inNamespace("default").withName("a").edit(cm -> {
        cm.getMetadata().getLabels().put("x", "y");
        return cm;
      });
      client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("a")
          .endMetadata().addToData("k", "v").build()).fieldManager("t").serverSideApply();
      client.configMaps().inNamespace("default").withName("a").delete();

      assertThat(RequestCounts.since(before, cluster.requests().snapshot()))
          .containsEntry("bench-client create configmaps", 1L)
          .containsEntry("bench-client list configmaps", 1L)
          .containsEntry("bench-client apply configmaps", 1L)
          .containsEntry("bench-client delete configmaps", 1L)
          .hasEntrySatisfying("bench-client get configmaps", n -> assertThat(n).isGreaterThanOrEqualTo(2L))
          .containsKey("bench-client patch configmaps");
    }
  }

  @Test
  void sinceKeepsOnlyWhatGrew() {
    assertThat(RequestCounts.since(Map.of("a get pods", 3L, "a list pods", 1L),
        Map.of("a get pods", 5L, "a list pods", 1L, "b create pods", 2L)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a get pods", 2L, "b create pods", 2L));
  }
}
