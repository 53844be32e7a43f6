package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.RecordedRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the client tests share: settings, deadlines, waiting for an answer, reading what the stand-in received. */
final class Upstreams {

  /** The upper bound of any wait in these tests: only there so that a bug fails a test instead of hanging it. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private Upstreams() {
  }

  static Vertx vertx() {
    return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4).setWorkerPoolSize(2));
  }

  /**
   * The production settings, with a breaker that only a test meaning to open it opens, and retries that do not
   * wait long.
   */
  static DjlClientSettings settings() {
    return DjlClientSettings.defaults()
        .withRetry(new DjlClientSettings.Retry(2, Duration.ofMillis(10)))
        .withBreaker(new DjlClientSettings.Breaker(1000, 1.0, Duration.ofSeconds(60), 1));
  }

  static DjlEndpoint endpoint(DjlStandIn djl) {
    return DjlEndpoint.of(djl.host(), djl.port());
  }

  static Deadline deadline() {
    return Deadline.in(PATIENCE);
  }

  static <T> T await(Uni<T> call) {
    return call.await().atMost(PATIENCE);
  }

  static <T> List<T> all(Multi<T> stream) {
    return stream.collect().asList().await().atMost(PATIENCE);
  }

  static DjlException failure(Uni<?> call) {
    DjlException failure = catchThrowableOfType(DjlException.class, () -> call.await().atMost(PATIENCE));
    assertThat(failure).as("the call fails with a DjlException").isNotNull();
    return failure;
  }

  /** The failure of a stream, and the lines that came before it. */
  static <T> Failed<T> failure(Multi<T> stream) {
    List<T> lines = new CopyOnWriteArrayList<>();
    DjlException failure = catchThrowableOfType(DjlException.class,
        () -> stream.onItem().invoke(lines::add).collect().asList().await().atMost(PATIENCE));
    assertThat(failure).as("the stream fails with a DjlException").isNotNull();
    return new Failed<>(List.copyOf(lines), failure);
  }

  record Failed<T>(List<T> lines, DjlException failure) {
  }

  static List<RecordedRequest> inferences(DjlStandIn djl) {
    return djl.requests().stream()
        .filter(request -> request.path().equals("/invocations") || request.path().equals("/v1/chat/completions"))
        .toList();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nothing listens on: bound once to pick it, then freed. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
