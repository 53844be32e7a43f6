package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.PingState;
import io.cybershield.shield.djl.RecordedRequest;
import io.cybershield.shield.djl.StandInOptions;
import io.cybershield.shield.gateway.djl.WorkflowDescription.Device;
import io.cybershield.shield.gateway.djl.WorkflowDescription.WorkerGroup;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cybershield.shield.gateway.djl.Upstreams.await;
import static io.cybershield.shield.gateway.djl.Upstreams.deadline;
import static io.cybershield.shield.gateway.djl.Upstreams.endpoint;
import static io.cybershield.shield.gateway.djl.Upstreams.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /ping}, the management API and {@code /server/metrics}, against the DJL stand-in. */
class DjlManagementIT {

  private static DjlStandIn djl;
  private static Vertx vertx;
  private static DjlClient client;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel").prometheus(true).build());
    vertx = Upstreams.vertx();
    client = new DjlClient(vertx, Upstreams.settings());
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close();
    djl.close();
  }

  @BeforeEach
  void reset() {
    djl.script().reset();
    djl.clearRequests();
  }

  @Test
  void pingSaysHowThePodIs() {
    PingResult healthy = await(client.ping(endpoint(djl), deadline()));
    djl.script().ping(PingState.FAILED);
    PingResult failed = await(client.ping(endpoint(djl), deadline()));
    djl.script().ping(PingState.BREAKER_TRIPPED);
    PingResult tripped = await(client.ping(endpoint(djl), deadline()));

    assertThat(healthy).isEqualTo(new PingResult(PodHealth.HEALTHY, Map.of("threat_intel", "Healthy")));
    assertThat(failed).isEqualTo(new PingResult(PodHealth.MODEL_FAILED, Map.of("threat_intel", "FAILED")));
    assertThat(tripped).isEqualTo(new PingResult(PodHealth.BREAKER_TRIPPED, Map.of("threat_intel", "Healthy")));
    assertThat(healthy.health().ready()).isTrue();
    assertThat(failed.health().ready()).isFalse();
    assertThat(tripped.health().ready()).isFalse();
    assertThat(client.breakerState(endpoint(djl))).isEqualTo(io.smallrye.faulttolerance.api.CircuitBreakerState.CLOSED);
  }

  @Test
  void listsAndDescribesTheModel() {
    ModelList models = await(client.listModels(endpoint(djl), deadline()));
    List<WorkflowDescription> description = await(client.describeModel(endpoint(djl), "threat_intel", deadline()));

    assertThat(models).isEqualTo(new ModelList(
        List.of(new ModelSummary("threat_intel", null, "file:/opt/ml/model/", "READY")), null));
    assertThat(description).hasSize(1);
    WorkflowDescription workflow = description.get(0);
    assertThat(workflow.workflowName()).isEqualTo("threat_intel");
    WorkflowDescription.Model model = workflow.models().get(0);
    assertThat(model.modelName()).isEqualTo("threat_intel");
    assertThat(model.status()).isEqualTo("Healthy");
    assertThat(model.requestInQueue()).isZero();
    assertThat(model.queueSize()).isEqualTo(1000);
    assertThat(model.loadedAtStartup()).isTrue();
    WorkerGroup group = model.workerGroups().get(0);
    assertThat(group.device()).isEqualTo(new Device("gpu", 0));
    assertThat(group.minWorkers()).isEqualTo(1);
    assertThat(group.maxWorkers()).isEqualTo(1);
    assertThat(group.workers()).hasSize(1);
    assertThat(group.workers().get(0).status()).isEqualTo("READY");
  }

  @Test
  void registersScalesAndUnregistersAModel() {
    ModelRegistration lite = new ModelRegistration("s3://models/llama-lite/", "llama_lite", "Python", 1, 2, true);

    ManagementStatus registered = await(client.registerModel(endpoint(djl), lite, deadline()));
    DjlException again = failure(client.registerModel(endpoint(djl), lite, deadline()));
    ManagementStatus scaled = await(client.scaleModel(endpoint(djl), "llama_lite", 2, 4, deadline()));
    WorkerGroup group = await(client.describeModel(endpoint(djl), "llama_lite", deadline()))
        .get(0).models().get(0).workerGroups().get(0);
    ModelList both = await(client.listModels(endpoint(djl), deadline()));
    ManagementStatus unregistered = await(client.unregisterModel(endpoint(djl), "llama_lite", deadline()));
    DjlException gone = failure(client.unregisterModel(endpoint(djl), "llama_lite", deadline()));

    assertThat(registered.status()).isEqualTo("Model \"llama_lite\" registered.");
    assertThat(again.code()).isEqualTo(DjlErrorCode.UPSTREAM_CONFLICT);
    assertThat(again.upstreamStatus()).hasValue(409);
    assertThat(scaled.status()).startsWith("Workflow \"llama_lite\" worker scaled.");
    assertThat(group.minWorkers()).isEqualTo(2);
    assertThat(group.maxWorkers()).isEqualTo(4);
    assertThat(both.models()).extracting(ModelSummary::modelName).containsExactly("llama_lite", "threat_intel");
    assertThat(unregistered.status()).isEqualTo("Model or workflow \"llama_lite\" unregistered");
    assertThat(gone.code()).isEqualTo(DjlErrorCode.MODEL_NOT_LOADED);

    RecordedRequest register = djl.requests().get(0);
    assertThat(register.method()).isEqualTo("POST");
    assertThat(register.path()).isEqualTo("/models");
    assertThat(register.query()).isEqualTo("url=s3%3A%2F%2Fmodels%2Fllama-lite%2F&model_name=llama_lite&engine=Python"
        + "&min_worker=1&max_worker=2&synchronous=true");
    RecordedRequest scale = djl.requests().get(2);
    assertThat(scale.method()).isEqualTo("PUT");
    assertThat(scale.path()).isEqualTo("/models/llama_lite");
    assertThat(scale.query()).isEqualTo("min_worker=2&max_worker=4");
  }

  @Test
  void describingAModelThePodDoesNotHaveIsModelNotLoaded() {
    DjlException failure = failure(client.describeModel(endpoint(djl), "no such model", deadline()));

    assertThat(failure.code()).isEqualTo(DjlErrorCode.MODEL_NOT_LOADED);
    assertThat(djl.requests().get(0).path()).isEqualTo("/models/no%20such%20model");
  }

  @Test
  void readsTheServerMetricsAsTheyAre() {
    await(client.generate(endpoint(djl), null, GenerationRequest.of("x", null), deadline()));

    String metrics = await(client.serverMetrics(endpoint(djl), deadline()));

    assertThat(metrics).contains("# TYPE Response_2XX_total counter\nResponse_2XX_total{Host=\"localhost\"} 1.0\n");
    assertThat(metrics).contains("RequestLatency_count{Model=\"threat_intel\"} 1\n");
  }

  @Test
  void metricsOfAPodWithoutPrometheusAreDisabled() {
    try (DjlStandIn plain = DjlStandIn.start()) {
      DjlException failure = failure(client.serverMetrics(endpoint(plain), deadline()));

      assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_METRICS_DISABLED);
      assertThat(failure.upstreamStatus()).hasValue(400);
      assertThat(failure.countsAgainstPod()).isFalse();
    }
  }

  @Test
  void aScaleOfAModelNotReadyIsModelNotReady() {
    djl.script().ping(PingState.FAILED);

    DjlException failure = failure(client.scaleModel(endpoint(djl), "threat_intel", 1, 2, deadline()));

    assertThat(failure.code()).isEqualTo(DjlErrorCode.MODEL_NOT_READY);
    assertThat(djl.script().pending()).isZero();
    djl.script().next(Behaviour.generate());
  }
}
