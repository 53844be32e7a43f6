package io.cybershield.shield.djl;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /server/metrics}: 400 unless SERVING_PROMETHEUS, else counted from the answers given. */
class MetricsTest {

  @Test
  void withoutPrometheusMetricsAre400() throws Exception {
    try (DjlStandIn djl = DjlStandIn.start(); RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.send("GET", "/server/metrics", null).read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).isEqualTo("{\n  \"code\": 400,\n  \"type\": \"BadRequestException\",\n"
          + "  \"message\": \"Prometheus is not enabled, set SERVING_PROMETHEUS environment var to true to enable "
          + "prometheus metrics\"\n}\n");
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(connection.closedByServer(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void theCountersCountTheAnswersGiven() throws Exception {
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().prometheus(true).gpuMemoryBytes(42_000_000_000L)
        .build())) {
      djl.script().next(Behaviour.text("a"), Behaviour.text("b"), Behaviour.inputParsingFailed(),
          Behaviour.wlmCapacity(), Behaviour.engineDied());
      Http.post(djl, "/invocations", "{\"inputs\":\"x\"}");
      Http.post(djl, "/invocations", "{\"inputs\":\"x\",\"stream\":true}");
      Http.post(djl, "/invocations", "{\"inputs\":\"x\"}");
      Http.post(djl, "/invocations", "{\"inputs\":\"x\"}");
      Http.post(djl, "/invocations", "{\"inputs\":\"x\"}");
      // neither an unknown model nor a ping is counted, as on DJL Serving
      Http.post(djl, "/invocations?model_name=unknown", "{\"inputs\":\"x\"}");
      Http.get(djl, "/ping");

      HttpResponse<String> response = Http.get(djl, "/server/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(response.body()).contains(
          "# HELP Response_2XX_total : prometheus counter metric, unit: Count\n"
              + "# TYPE Response_2XX_total counter\n"
              + "Response_2XX_total{Host=\"localhost\"} 2.0\n",
          "Response_4XX_total{Host=\"localhost\"} 1.0\n",
          "Response_5XX_total{Host=\"localhost\"} 2.0\n",
          "WlmError_total{Host=\"localhost\"} 1.0\n",
          "ModelLoadingError_total{Model=\"model\"} 0.0\n",
          "# TYPE GPUMemory_0 gauge\nGPUMemory_0{Host=\"localhost\"} 4.2E10\n",
          "# HELP QueueTime : prometheus histogram metric, unit: Microseconds\n# TYPE QueueTime histogram\n",
          // the engine took the two generations, the 424 and the dead engine's request
          "QueueTime_count{Model=\"model\"} 4\n",
          "QueueTime_bucket{Model=\"model\",le=\"+Inf\"} 4\n",
          "# TYPE RequestLatency histogram\n",
          "RequestLatency_count{Model=\"model\"} 3\n");
      assertThat(response.body()).containsPattern("QueueTime_sum\\{Model=\"model\"} \\d");
      assertThat(response.body()).containsPattern("RequestLatency_bucket\\{Model=\"model\",le=\"0.005\"} \\d+\n");
    }
  }

  @Test
  void metricsAnswerOnlyGet() throws Exception {
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().prometheus(true).build())) {
      assertThat(Http.post(djl, "/server/metrics", "").statusCode()).isEqualTo(405);
    }
  }
}
