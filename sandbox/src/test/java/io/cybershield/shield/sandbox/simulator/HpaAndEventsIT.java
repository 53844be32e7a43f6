package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class HpaAndEventsIT extends SimulatorHarness {

  @Test
  void hpaIsNotActedOnButGetsAStatus() {
    startSimulator();
    client.apps().deployments().inNamespace(NS).resource(deployment("m-full-cloud", 1, "djl:1",
        Map.of(), Map.of())).create();
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName("m-full-cloud").withNamespace(NS).endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("m-full-cloud")
        .endScaleTargetRef()
        .withMinReplicas(1).withMaxReplicas(8)
        .addNewMetric().withType("Pods").withNewPods().withNewMetric().withName("inflight-requests").endMetric()
        .withNewTarget().withType("AverageValue").withAverageValue(new io.fabric8.kubernetes.api.model.Quantity("8"))
        .endTarget().endPods().endMetric()
        .endSpec().build();
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(hpa).create();
    await().untilAsserted(() -> {
      HorizontalPodAutoscaler h = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS)
          .withName("m-full-cloud").get();
      assertThat(h.getStatus().getCurrentReplicas()).isEqualTo(1);
      assertThat(h.getStatus().getDesiredReplicas()).isEqualTo(1);
      assertThat(h.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("AbleToScale");
        assertThat(c.getStatus()).isEqualTo("True");
      }).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("ScalingActive");
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo("FailedGetPodsMetric");
      });
      assertThat(h.getSpec().getMaxReplicas()).isEqualTo(8);
    });
    assertThat(client.apps().deployments().inNamespace(NS).withName("m-full-cloud").get().getSpec().getReplicas())
        .isEqualTo(1);
  }

  @Test
  void identicalEventsAreAggregated() {
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      EventRecorder recorder = new EventRecorder(client, ex, Clock.systemUTC());
      Pod pod = client.pods().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
          .withNewMetadata().withName("p").withNamespace(NS).endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec().build()).create();
      recorder.warning(pod, "FailedScheduling", "0/1 nodes are available: 1 Too many pods.", "default-scheduler", null);
      recorder.warning(pod, "FailedScheduling", "0/1 nodes are available: 1 Too many pods.", "default-scheduler", null);
      recorder.warning(pod, "FailedScheduling", "0/1 nodes are available: 1 Insufficient cpu.", "default-scheduler",
          null);
      await().untilAsserted(() -> {
        List<Event> events = events("p");
        assertThat(events).hasSize(2);
        Event tooMany = events.stream().filter(e -> e.getMessage().contains("Too many")).findFirst().orElseThrow();
        assertThat(tooMany.getCount()).isEqualTo(2);
        assertThat(tooMany.getType()).isEqualTo("Warning");
        assertThat(tooMany.getInvolvedObject().getUid()).isEqualTo(pod.getMetadata().getUid());
        assertThat(tooMany.getFirstTimestamp()).isNotNull();
        assertThat(tooMany.getLastTimestamp()).isNotNull();
      });
    } catch (KubernetesClientException e) {
      throw e;
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void podsOfDeletedNodeAreRemovedAndReplaced() {
    startSimulator();
    client.apps().deployments().inNamespace(NS).resource(deployment("ui", 1, "nginx:1.27", Map.of(), Map.of()))
        .create();
    await().untilAsserted(() -> assertThat(podsWithLabel("app", "ui")).singleElement()
        .satisfies(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running")));
    Pod first = podsWithLabel("app", "ui").get(0);
    client.nodes().withName(first.getSpec().getNodeName()).delete();
    await().untilAsserted(() -> assertThat(podsWithLabel("app", "ui")).singleElement().satisfies(p -> {
      assertThat(p.getMetadata().getName()).isNotEqualTo(first.getMetadata().getName());
      assertThat(p.getSpec().getNodeName()).isNotEqualTo(first.getSpec().getNodeName());
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
    }));
  }
}
