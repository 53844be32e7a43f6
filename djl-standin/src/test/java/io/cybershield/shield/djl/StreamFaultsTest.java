package io.cybershield.shield.djl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slowing down, dropping connections, failing and stalling mid-stream. */
class StreamFaultsTest {

  private static final String STREAM = "{\"inputs\":\"x\",\"stream\":true}";
  private static final Duration CHUNK_TIMEOUT = Duration.ofMillis(1500);

  private static DjlStandIn djl;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start(StandInOptions.builder().chunkedReadTimeout(CHUNK_TIMEOUT).build());
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
  void dropConnectionClosesWithoutAnAnswer() throws Exception {
    djl.script().next(Behaviour.dropConnection());
    try (RawConnection connection = new RawConnection(djl)) {
      connection.post("/invocations", "{\"inputs\":\"x\"}");

      assertThat(connection.closedWithoutAnswer()).isTrue();
    }
  }

  @Test
  void failMidStreamSendsAnErrorLineThenEndsTheStream() throws Exception {
    djl.script().next(Behaviour.text("a", " b", " c").failingAfter(2, "engine overloaded"));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/invocations", STREAM).read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.complete()).isTrue();
      List<String> chunks = response.chunks();
      assertThat(chunks).hasSize(3);
      assertThat(chunks.get(0)).contains("\"text\":\"a\"", "\"generated_text\":null");
      assertThat(chunks.get(1)).contains("\"text\":\" b\"", "\"generated_text\":null");
      assertThat(chunks.get(2)).isEqualTo("{\"error\":\"engine overloaded\"}\n");
    }
  }

  @Test
  void failMidStreamWithoutAStreamIsDjls500() throws Exception {
    djl.script().next(Behaviour.failMidStream(1));

    assertThat(Http.post(djl, "/invocations", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(500);
  }

  @Test
  void aFailureBeforeTheFirstTokenStillStartsTheStream() throws Exception {
    djl.script().next(Behaviour.failMidStream(0));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/invocations", STREAM).read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.chunks()).hasSize(1);
      assertThat(response.chunks().get(0)).startsWith("{\"error\":\"[stand-in] scripted failure");
    }
  }

  @Test
  void dropMidStreamCutsTheStreamWithoutItsEnd() throws Exception {
    djl.script().next(Behaviour.dropMidStream(2));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/invocations", STREAM).read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.complete()).isFalse();
      assertThat(response.chunks()).hasSize(2);
      assertThat(connection.closedByServer(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void aStallIsDroppedOnceTheChunkTimeoutPasses() throws Exception {
    djl.script().next(Behaviour.stall(2));
    try (RawConnection connection = new RawConnection(djl)) {
      long begin = System.nanoTime();
      RawConnection.Response response = connection.post("/invocations", STREAM).read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.chunks()).hasSize(2);
      assertThat(response.complete()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(CHUNK_TIMEOUT);
      assertThat(connection.closedByServer(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void aStalledWholeAnswerIsDroppedWithoutAnAnswer() throws Exception {
    djl.script().next(Behaviour.stall(0));
    try (RawConnection connection = new RawConnection(djl)) {
      connection.post("/invocations", "{\"inputs\":\"x\"}");

      assertThat(connection.closedWithoutAnswer()).isTrue();
    }
  }

  @Test
  void aFirstByteLaterThanTheChunkTimeoutIsDroppedAsOnDjl() throws Exception {
    djl.script().next(Behaviour.delay(Duration.ofMinutes(5)));
    try (RawConnection connection = new RawConnection(djl)) {
      connection.post("/invocations", STREAM);

      assertThat(connection.closedWithoutAnswer()).isTrue();
    }
  }

  @Test
  void delayedAndSlowTokensStillArriveWhole() throws Exception {
    djl.script().next(Behaviour.text("a", " b", " c").withDelay(Duration.ofMillis(100))
        .withTokenDelay(Duration.ofMillis(50)));
    try (RawConnection connection = new RawConnection(djl)) {
      long begin = System.nanoTime();
      RawConnection.Response response = connection.post("/invocations", STREAM).read();

      assertThat(response.chunks()).hasSize(4);
      assertThat(response.chunks().get(2)).contains("\"generated_text\":\"a b c\"");
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void tokenGapsShorterThanTheChunkTimeoutAreNotDropped() throws Exception {
    // eleven gaps of 150 ms: a stream longer than the 1.5 s timeout, but never silent for that long
    djl.script().next(Behaviour.text("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l")
        .withTokenDelay(Duration.ofMillis(150)));
    try (RawConnection connection = new RawConnection(djl)) {
      RawConnection.Response response = connection.post("/invocations", STREAM).read();

      assertThat(response.complete()).isTrue();
      assertThat(response.chunks()).hasSize(13);
    }
  }

  @Test
  void alwaysAppliesOnceTheQueueIsEmpty() throws Exception {
    djl.script().next(Behaviour.text("first")).always(Behaviour.wlmCapacity());

    assertThat(Http.post(djl, "/invocations", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(200);
    assertThat(Http.post(djl, "/invocations", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(503);
    assertThat(Http.post(djl, "/invocations", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(503);
  }
}
