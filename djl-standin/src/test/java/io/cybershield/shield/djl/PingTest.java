package io.cybershield.shield.djl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PingTest {

  private static DjlStandIn djl;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel").build());
  }

  @AfterAll
  static void stop() {
    djl.close();
  }

  @BeforeEach
  void reset() {
    djl.script().reset();
  }

  @Test
  void healthyAnswers200WithThePerModelMapAndKeepsTheConnection() throws Exception {
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.send("GET", "/ping", null).read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\n  \"threat_intel\": {\n    \"status\": \"Healthy\"\n  }\n}\n");
      assertThat(response.header("content-type")).isEqualTo("application/json");
      assertThat(response.header("x-request-id")).matches("[0-9a-f-]{36}");
      assertThat(response.header("x-shield-standin")).isEqualTo("scripted");
      assertThat(response.header("connection")).isNull();
      // the same connection serves the next request
      assertThat(connection.send("GET", "/ping", null).read().status()).isEqualTo(200);
    }
  }

  @Test
  void aFailedModelAnswers500AndClosesTheConnection() throws Exception {
    djl.script().ping(PingState.FAILED);
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.send("GET", "/ping", null).read();

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\n  \"threat_intel\": {\n    \"status\": \"FAILED\"\n  }\n}\n");
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(response.header("x-request-id")).isNotBlank();
      assertThat(connection.closedByServer(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void aTrippedBreakerAnswers503WhileTheModelStaysHealthy() throws Exception {
    djl.script().ping(PingState.BREAKER_TRIPPED);
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.send("GET", "/ping", null).read();

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.body()).isEqualTo("{\n  \"threat_intel\": {\n    \"status\": \"Healthy\"\n  }\n}\n");
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(connection.closedByServer(Duration.ofSeconds(30))).isTrue();
    }
    // the breaker only concerns /ping: inference goes on
    assertThat(Http.post(djl, "/invocations", "{\"inputs\":\"hi\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void theRequestIdOfTheClientIsEchoed() throws Exception {
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.send("GET", "/ping", null, "x-request-id: gw-4711").read();

      assertThat(response.header("x-request-id")).isEqualTo("gw-4711");
    }
  }

  @Test
  void resetMakesThePingHealthyAgain() throws Exception {
    djl.script().ping(PingState.FAILED);
    djl.script().reset();

    assertThat(Http.get(djl, "/ping").statusCode()).isEqualTo(200);
  }
}
