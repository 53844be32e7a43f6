package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kubelet's side of the port-forward protocol over an in-memory connection: which streams it refuses, how it
 * pairs them, and what it writes on the error stream when the pod's port does not answer.
 */
class PodPortForwardingTest {

  private Vertx vertx;
  private Context context;
  private final InMemoryTransport transport = new InMemoryTransport();
  private final SpdyFrameCodec.Writer client = new SpdyFrameCodec.Writer();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    NetClient netClient = vertx.createNetClient();
    context.runOnContext(v -> PodPortForwarding.serve(vertx, netClient,
        new PortForwardTarget("web", "uid-1", "127.0.0.1"), "test", transport, () -> { }));
    await().atMost(Duration.ofSeconds(5)).until(() -> transport.bytes != null);
  }

  @AfterEach
  void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private void open(int id, Map<String, List<String>> headers) {
    Buffer frame = client.encode(new SpdyFrame.SynStream(id, 0, 0, 0, headers));
    context.runOnContext(v -> transport.bytes.accept(frame));
  }

  private List<SpdyFrame> written() {
    return transport.written();
  }

  @Test
  void streamsWithoutAPortOrAKnownTypeAreReset() {
    open(1, Map.of("streamtype", List.of("data")));
    open(3, Map.of("streamtype", List.of("stdin"), "port", List.of("80")));
    open(5, Map.of("streamtype", List.of("data"), "port", List.of("0")));
    open(7, Map.of("streamtype", List.of("data"), "port", List.of("70000")));
    await().atMost(Duration.ofSeconds(5)).until(() -> written().size() == 4);
    assertThat(written()).usingRecursiveFieldByFieldElementComparator().containsExactly(
        new SpdyFrame.RstStream(1, SpdyFrame.RST_CANCEL), new SpdyFrame.RstStream(3, SpdyFrame.RST_CANCEL),
        new SpdyFrame.RstStream(5, SpdyFrame.RST_CANCEL), new SpdyFrame.RstStream(7, SpdyFrame.RST_CANCEL));
  }

  @Test
  void aSecondErrorStreamForOneRequestIsReportedOnTheFirst() {
    open(1, Map.of("streamtype", List.of("error"), "port", List.of("80"), "requestid", List.of("7")));
    open(3, Map.of("streamtype", List.of("error"), "port", List.of("80"), "requestid", List.of("7")));
    await().atMost(Duration.ofSeconds(5)).until(() -> written().size() == 3);
    assertThat(written().get(0)).isInstanceOf(SpdyFrame.SynReply.class);
    assertThat(written().get(1)).isInstanceOf(SpdyFrame.SynReply.class);
    SpdyFrame.Data message = (SpdyFrame.Data) written().get(2);
    assertThat(message.streamId()).isEqualTo(1);
    assertThat(new String(message.payload(), StandardCharsets.UTF_8))
        .isEqualTo("error processing stream for request 7: error stream already assigned");
  }

  @Test
  void aPortNobodyListensOnGetsTheRuntimesErrorThenBothStreamsEnd() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    Map<String, List<String>> headers = Map.of("port", List.of(String.valueOf(port)), "requestid", List.of("0"));
    open(1, withType(headers, "error"));
    open(3, withType(headers, "data"));
    await().atMost(Duration.ofSeconds(10)).until(() -> written().size() == 5);

    List<SpdyFrame> frames = written();
    // containerd closes the data stream as it gives up; then the kubelet writes why and closes the error stream
    assertThat(frames.get(2)).usingRecursiveComparison().isEqualTo(
        new SpdyFrame.Data(3, SpdyFrame.FLAG_FIN, new byte[0]));
    SpdyFrame.Data error = (SpdyFrame.Data) frames.get(3);
    assertThat(error.streamId()).isEqualTo(1);
    assertThat(new String(error.payload(), StandardCharsets.UTF_8)).isEqualTo("error forwarding port " + port
        + " to pod uid-1, uid : failed to execute portforward in network namespace \"/var/run/netns/cni-uid-1\": "
        + "failed to connect to localhost:" + port + " inside namespace \"uid-1\", IPv4: dial tcp4 127.0.0.1:" + port
        + ": connect: connection refused IPv6 dial tcp6 [::1]:" + port + ": connect: connection refused ");
    assertThat(frames.get(4)).usingRecursiveComparison().isEqualTo(
        new SpdyFrame.Data(1, SpdyFrame.FLAG_FIN, new byte[0]));
  }

  private static Map<String, List<String>> withType(Map<String, List<String>> headers, String type) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>(headers);
    out.put("streamtype", List.of(type));
    return out;
  }
}
