package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.StandInOptions;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.cybershield.shield.gateway.djl.Upstreams.PATIENCE;
import static io.cybershield.shield.gateway.djl.Upstreams.await;
import static io.cybershield.shield.gateway.djl.Upstreams.deadline;
import static io.cybershield.shield.gateway.djl.Upstreams.endpoint;
import static io.cybershield.shield.gateway.djl.Upstreams.failure;
import static io.cybershield.shield.gateway.djl.Upstreams.inferences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the client does when a pod is not there, hangs up or keeps failing: which calls it sends again (only the
 * safe ones), and the circuit breaker of each pod.
 */
class DjlResilienceIT {

  private static final GenerationRequest REQUEST =
      GenerationRequest.of("beaconing from host-7", GenerationParameters.none().withMaxNewTokens(3));
  private static final DjlClientSettings.Retry THREE_RETRIES = new DjlClientSettings.Retry(3, Duration.ofMillis(10));

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Upstreams.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void aPodThatIsLoadingRefusesAndEveryMethodIsSentAgain() {
    StandInOptions loading = StandInOptions.builder().loadingTime(Duration.ofMinutes(10)).build();
    try (DjlStandIn djl = DjlStandIn.start(loading);
        DjlClient once = new DjlClient(vertx, Upstreams.settings().withRetry(DjlClientSettings.Retry.none()));
        DjlClient retrying = new DjlClient(vertx, Upstreams.settings().withRetry(THREE_RETRIES))) {

      DjlException refused = failure(once.generate(endpoint(djl), null, REQUEST, deadline()));
      DjlException refusedPing = failure(once.ping(endpoint(djl), deadline()));
      DjlException refusedAgain = failure(retrying.generate(endpoint(djl), null, REQUEST, deadline()));

      for (DjlException failure : new DjlException[] {refused, refusedPing, refusedAgain}) {
        assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(failure.code().gatewayStatus()).isEqualTo(503);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(2));
        assertThat(failure.getMessage()).contains("connection refused");
      }
      assertThat(once.retriesSent()).isZero();
      assertThat(retrying.retriesSent()).as("a refused POST had no byte sent: safe to send again").isEqualTo(3);
      assertThat(djl.requests()).isEmpty();
    }
  }

  @Test
  void aPodIsServedOnceItsLoadEnds() {
    StandInOptions loading = StandInOptions.builder().loadingTime(Duration.ofMillis(500)).build();
    DjlClientSettings.Retry untilItListens = new DjlClientSettings.Retry(1000, Duration.ofMillis(20));
    try (DjlStandIn djl = DjlStandIn.start(loading);
        DjlClient client = new DjlClient(vertx, Upstreams.settings().withRetry(untilItListens))) {

      GenerationResponse answer = await(client.generate(endpoint(djl), null, REQUEST, deadline()));

      assertThat(answer.generatedText()).isEqualTo("[stand-in] beaconing from");
      assertThat(djl.listening()).isTrue();
      assertThat(inferences(djl)).as("the refused attempts never reached it").hasSize(1);
      assertThat(await(client.ping(endpoint(djl), deadline())).health()).isEqualTo(PodHealth.HEALTHY);
    }
  }

  @Test
  void aGetThatMeetsAHangUpIsSentAgainAPostIsNot() throws Exception {
    try (HangUp hangUp = new HangUp();
        DjlClient client = new DjlClient(vertx, Upstreams.settings().withRetry(THREE_RETRIES))) {
      DjlEndpoint endpoint = DjlEndpoint.of("127.0.0.1", hangUp.port());

      DjlException get = failure(client.listModels(endpoint, deadline()));
      int getConnections = hangUp.connections();
      DjlException post = failure(client.generate(endpoint, null, REQUEST, deadline()));

      assertThat(get.code()).isEqualTo(DjlErrorCode.UPSTREAM_CONNECTION_LOST);
      assertThat(getConnections).as("a GET that failed on I/O is sent again").isEqualTo(4);
      assertThat(post.code()).isEqualTo(DjlErrorCode.UPSTREAM_CONNECTION_LOST);
      assertThat(hangUp.connections() - getConnections).as("a POST whose bytes were sent is not").isEqualTo(1);
      assertThat(client.retriesSent()).isEqualTo(3);
    }
  }

  @Test
  void aFailingPodOpensItsBreakerWhileAnotherPodIsStillServed() {
    DjlClientSettings.Breaker breaker = new DjlClientSettings.Breaker(4, 0.5, Duration.ofMinutes(10), 1);
    try (DjlStandIn sick = DjlStandIn.start();
        DjlStandIn healthy = DjlStandIn.start();
        DjlClient client = new DjlClient(vertx, Upstreams.settings().withBreaker(breaker))) {
      sick.script().always(Behaviour.engineDied());

      for (int i = 0; i < 4; i++) {
        assertThat(failure(client.generate(endpoint(sick), null, REQUEST, deadline())).code())
            .isEqualTo(DjlErrorCode.UPSTREAM_FAILED);
      }
      DjlException open = failure(client.generate(endpoint(sick), null, REQUEST, deadline()));
      DjlException openStream = failure(client.generateStream(endpoint(sick), null, REQUEST, deadline())).failure();
      GenerationResponse served = await(client.generate(endpoint(healthy), null, REQUEST, deadline()));

      for (DjlException failure : new DjlException[] {open, openStream}) {
        assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_CIRCUIT_OPEN);
        assertThat(failure.code().gatewayStatus()).isEqualTo(503);
        assertThat(failure.retryAfter()).hasValue(Duration.ofMinutes(10));
        assertThat(failure.endpoint()).isEqualTo(endpoint(sick));
      }
      assertThat(inferences(sick)).as("an open breaker fails fast: nothing reaches the pod").hasSize(4);
      assertThat(client.breakerState(endpoint(sick))).isEqualTo(CircuitBreakerState.OPEN);
      assertThat(served.generatedText()).startsWith("[stand-in]");
      assertThat(client.breakerState(endpoint(healthy))).isEqualTo(CircuitBreakerState.CLOSED);
      assertThat(await(client.ping(endpoint(sick), deadline())).health())
          .as("the probe passes the breaker, so it sees the pod recover").isEqualTo(PodHealth.HEALTHY);
    }
  }

  @Test
  void theCallersFaultsDoNotOpenTheBreaker() {
    DjlClientSettings.Breaker breaker = new DjlClientSettings.Breaker(4, 0.5, Duration.ofMinutes(10), 1);
    try (DjlStandIn djl = DjlStandIn.start();
        DjlClient client = new DjlClient(vertx, Upstreams.settings().withBreaker(breaker))) {
      djl.script().next(Behaviour.inputParsingFailed(), Behaviour.inputParsingFailed(), Behaviour.wlmCapacity(),
          Behaviour.wlmCapacity(), Behaviour.modelNotFound(), Behaviour.inputParsingFailed());

      for (int i = 0; i < 6; i++) {
        failure(client.generate(endpoint(djl), null, REQUEST, deadline()));
      }

      assertThat(client.breakerState(endpoint(djl))).isEqualTo(CircuitBreakerState.CLOSED);
      assertThat(await(client.generate(endpoint(djl), null, REQUEST, deadline())).generatedText())
          .startsWith("[stand-in]");
    }
  }

  @Test
  void anOpenBreakerClosesAgainOnceThePodAnswers() {
    DjlClientSettings.Breaker breaker = new DjlClientSettings.Breaker(2, 1.0, Duration.ofMillis(200), 1);
    try (DjlStandIn djl = DjlStandIn.start();
        DjlClient client = new DjlClient(vertx, Upstreams.settings().withBreaker(breaker))) {
      djl.script().next(Behaviour.outOfMemory(), Behaviour.outOfMemory());
      failure(client.generate(endpoint(djl), null, REQUEST, deadline()));
      failure(client.generate(endpoint(djl), null, REQUEST, deadline()));
      assertThat(client.breakerState(endpoint(djl))).isEqualTo(CircuitBreakerState.OPEN);

      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
          assertThat(await(client.generate(endpoint(djl), null, REQUEST, deadline())
              .onFailure().recoverWithNull())).isNotNull());

      assertThat(client.breakerState(endpoint(djl))).isEqualTo(CircuitBreakerState.CLOSED);
    }
  }

  @Test
  void aForgottenPodStartsWithAClosedBreaker() {
    DjlClientSettings.Breaker breaker = new DjlClientSettings.Breaker(1, 1.0, Duration.ofMinutes(10), 1);
    try (DjlStandIn djl = DjlStandIn.start();
        DjlClient client = new DjlClient(vertx, Upstreams.settings().withBreaker(breaker))) {
      djl.script().next(Behaviour.engineDied());
      failure(client.generate(endpoint(djl), null, REQUEST, deadline()));
      assertThat(client.breakerState(endpoint(djl))).isEqualTo(CircuitBreakerState.OPEN);

      client.forget(endpoint(djl));

      assertThat(client.breakerState(endpoint(djl))).isEqualTo(CircuitBreakerState.CLOSED);
      assertThat(await(client.generate(endpoint(djl), null, REQUEST, deadline())).generatedText())
          .startsWith("[stand-in]");
    }
  }

  /**
   * Not an upstream: a socket that reads a request's head and hangs up, so that a call fails on I/O after its bytes
   * were sent — what no DJL answer does on purpose.
   */
  private static final class HangUp implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    HangUp() throws IOException {
      server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::serve, "hang-up");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          connections.incrementAndGet();
          readHead(socket.getInputStream());
        } catch (IOException closed) {
          // the server closed, or the client went first
        }
      }
    }

    private static void readHead(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        head.append((char) c);
        if (head.toString().endsWith("\r\n\r\n")) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
