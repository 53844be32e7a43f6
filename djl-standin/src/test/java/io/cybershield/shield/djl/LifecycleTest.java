package io.cybershield.shield.djl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The "process": a closed port while loading, a failed load that never listens, a close that frees the port. */
class LifecycleTest {

  private static void connect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 10_000);
    }
  }

  @Test
  void connectionsAreRefusedWhileTheModelLoadsThenServed() throws Exception {
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().loadingTime(Duration.ofSeconds(5)).build())) {
      assertThat(djl.port()).isPositive();
      assertThat(djl.listening()).isFalse();
      assertThatThrownBy(() -> connect(djl.host(), djl.port())).isInstanceOf(ConnectException.class);

      assertThat(djl.awaitListening(Duration.ofSeconds(60))).isTrue();

      assertThat(Http.get(djl, "/ping").statusCode()).isEqualTo(200);
      assertThat(djl.exitCode()).isEmpty();
    }
  }

  @Test
  void aFailedLoadNeverListensAndExitsWithCode1() throws Exception {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().failedLoad(true)
        .loadingTime(Duration.ofMillis(200)).build())) {
      djl.onExit(exit::complete);

      assertThat(djl.awaitListening(Duration.ofSeconds(60))).isFalse();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(djl.exitCode()).hasValue(1);
      assertThat(djl.listening()).isFalse();
      assertThatThrownBy(() -> connect(djl.host(), djl.port())).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void aLoadLongerThanTheModelLoadingTimeoutFails() throws Exception {
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().loadingTime(Duration.ofHours(1))
        .modelLoadingTimeout(Duration.ofMillis(100)).build())) {
      assertThat(djl.awaitListening(Duration.ofSeconds(60))).isFalse();
      assertThat(djl.exitCode()).hasValue(1);
    }
  }

  @Test
  void closeFreesThePortAndIsIdempotent() throws Exception {
    DjlStandIn djl = DjlStandIn.start();
    int port = djl.port();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    djl.onExit(exit::complete);

    djl.close();
    djl.close();

    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(DjlStandIn.EXIT_CODE_STOPPED);
    assertThat(djl.listening()).isFalse();
    assertThatThrownBy(() -> connect("127.0.0.1", port)).isInstanceOf(ConnectException.class);
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress("127.0.0.1", port));
    }
  }

  @Test
  void closingWhileLoadingNeverListens() throws Exception {
    DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().loadingTime(Duration.ofMillis(300)).build());
    djl.close();

    assertThat(djl.awaitListening(Duration.ofSeconds(5))).isFalse();
    assertThat(djl.exitCode()).hasValue(DjlStandIn.EXIT_CODE_STOPPED);
  }

  @Test
  void aFixedPortInUseIsRefusedAtStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> DjlStandIn.start(StandInOptions.builder().port(taken.getLocalPort()).build()))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void anyLoopbackAddressServes() throws Exception {
    boolean routed;
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.3.7", 0));
      routed = true;
    } catch (IOException e) {
      routed = false;
    }
    assumeThat(routed).as("this OS does not route 127.0.3.7 to the loopback interface; skipped").isTrue();

    try (DjlStandIn one = DjlStandIn.start(StandInOptions.builder().host("127.0.3.7").build());
         DjlStandIn other = DjlStandIn.start(StandInOptions.builder().host("127.0.3.8").port(one.port())
             .modelName("other").build())) {
      assertThat(one.uri().toString()).isEqualTo("http://127.0.3.7:" + one.port());
      assertThat(Http.get(one, "/ping").body()).contains("\"model\"");
      // the same port on another loopback address is another "pod"
      assertThat(Http.get(other, "/ping").body()).contains("\"other\"");
    }
  }

  @Test
  void aShortLoadEndsInAServingStandIn() throws Exception {
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().loadingTime(Duration.ofMillis(500)).build())) {
      assertThat(djl.awaitListening(Duration.ofSeconds(60))).isTrue();
      assertThat(Http.post(djl, "/invocations", "{\"inputs\":\"loaded\"}").statusCode()).isEqualTo(200);
    }
  }
}
