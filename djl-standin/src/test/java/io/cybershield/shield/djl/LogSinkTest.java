package io.cybershield.shield.djl;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogSinkTest {

  @Test
  void everyAnsweredRequestGetsAnAccessLineWithItsStatus() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel").logSink(lines::add)
        .build())) {
      assertThat(Http.get(djl, "/ping").statusCode()).isEqualTo(200);
      assertThat(Http.post(djl, "/invocations?model_name=nope", "{\"inputs\":\"hi\"}").statusCode()).isEqualTo(404);

      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines).hasSize(2));
      assertThat(lines.get(0)).matches("ACCESS_LOG /127\\.0\\.0\\.1:\\d+ \"GET /ping HTTP/1\\.1\" 200 \\d+ms");
      assertThat(lines.get(1))
          .matches("ACCESS_LOG /127\\.0\\.0\\.1:\\d+ \"POST /invocations\\?model_name=nope HTTP/1\\.1\" 404 \\d+ms");
    }
  }

  @Test
  void aFailedLoadIsWrittenToTheSink() {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel").failedLoad(true)
        .loadingTime(Duration.ofMillis(20)).logSink(lines::add).build())) {
      await().atMost(Duration.ofSeconds(5)).until(() -> djl.exitCode().isPresent());
      assertThat(lines).singleElement().asString().contains("threat_intel failed to load (scripted); exit code 1");
    }
  }
}
