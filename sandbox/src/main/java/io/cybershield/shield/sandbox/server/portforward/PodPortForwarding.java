package io.cybershield.shield.sandbox.server.portforward;

import io.netty.channel.Channel;
import io.netty.channel.socket.SocketChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's half of {@code kubectl port-forward} for one pod and one connection: the handler of
 * {@code pkg/kubelet/cri/streaming/portforward/httpstream.go} (pair each forwarded connection's {@code error} and
 * {@code data} streams by their {@code requestID}, refuse streams without a valid {@code port} or
 * {@code streamType}) and the container runtime's forwarding (containerd's {@code PortForward}: dial the port, copy
 * both ways, and write why on the error stream when that fails). The sandbox's pods run on loopback, so the port is
 * dialled at the pod's {@code status.podIP} instead of {@code localhost} inside a network namespace.
 */
final class PodPortForwarding implements SpdySession.StreamHandler {

  /** How long the kubelet waits for the second stream of a pair ({@code streamCreationTimeout}). */
  static final long STREAM_CREATION_TIMEOUT_MS = 30_000;
  /** After one direction of a forwarded connection ends, containerd gives the other this long to end too. */
  static final long CLOSE_GRACE_MS = 1_000;

  private final Vertx vertx;
  private final NetClient client;
  private final PortForwardTarget target;
  private final String connection;
  private final Map<String, Pair> pairs = new HashMap<>();
  private final List<Forwarded> forwarded = new ArrayList<>();
  private final Runnable onClosed;
  private SpdySession session;

  private PodPortForwarding(Vertx vertx, NetClient client, PortForwardTarget target, String connection,
      Runnable onClosed) {
    this.vertx = vertx;
    this.client = client;
    this.target = target;
    this.connection = connection;
    this.onClosed = onClosed;
  }

  /**
   * Serves port-forwarding to {@code target} on a connection; call on the connection's event loop.
   *
   * @param connection names the connection in the kubelet's timeout message
   * @param onClosed   runs once the connection is gone
   * @return the running session
   */
  static SpdySession serve(Vertx vertx, NetClient client, PortForwardTarget target, String connection,
      Transport transport, Runnable onClosed) {
    PodPortForwarding forwarding = new PodPortForwarding(vertx, client, target, connection, onClosed);
    forwarding.session = new SpdySession(transport, forwarding);
    forwarding.session.start();
    return forwarding.session;
  }

  @Override
  public String refusal(SpdyStream stream) {
    String port = stream.header("port");
    if (port == null || port.isEmpty()) {
      return "\"port\" header is required";
    }
    if (!port.matches("[0-9]+")) {
      return "unable to parse \"" + port + "\" as a port: strconv.ParseUint: parsing \"" + port + "\": invalid syntax";
    }
    if (port.length() > 5 || Integer.parseInt(port) > 65535) {
      return "unable to parse \"" + port + "\" as a port: strconv.ParseUint: parsing \"" + port
          + "\": value out of range";
    }
    if (Integer.parseInt(port) < 1) {
      return "port \"" + port + "\" must be > 0";
    }
    String type = stream.header("streamType");
    if (type == null || type.isEmpty()) {
      return "\"streamType\" header is required";
    }
    if (!type.equals("error") && !type.equals("data")) {
      return "invalid stream type \"" + type + "\"";
    }
    return null;
  }

  @Override
  public void accepted(SpdyStream stream) {
    String type = stream.header("streamType");
    String requestId = stream.header("requestID");
    if (requestId == null || requestId.isEmpty()) {
      // clients older than request ids open error and data streams back to back: error = id, data = id + 2
      requestId = String.valueOf(type.equals("error") ? stream.id() : stream.id() - 2);
    }
    String id = requestId;
    Pair pair = pairs.get(id);
    if (pair == null) {
      pair = new Pair();
      pairs.put(id, pair);
      Pair created = pair;
      created.timer = vertx.setTimer(STREAM_CREATION_TIMEOUT_MS, t -> {
        if (pairs.remove(id) == created && !created.complete()) {
          created.printError("(conn=" + connection + ", request=" + id + ") timed out waiting for streams");
        }
      });
    }
    String problem = pair.add(type, stream);
    if (problem != null) {
      pair.printError("error processing stream for request " + id + ": " + problem);
      return;
    }
    if (pair.complete()) {
      pairs.remove(id);
      vertx.cancelTimer(pair.timer);
      forward(pair);
    }
  }

  @Override
  public void closed() {
    pairs.values().forEach(pair -> vertx.cancelTimer(pair.timer));
    pairs.clear();
    new ArrayList<>(forwarded).forEach(Forwarded::finish);
    onClosed.run();
  }

  private void forward(Pair pair) {
    int port = Integer.parseInt(pair.data.header("port"));
    Forwarded connection = new Forwarded(pair.data, pair.error);
    forwarded.add(connection);
    pair.data.resetHandler(connection::finish);
    if (target.podIp() == null || target.podIp().isEmpty()) {
      connection.fail(port, "connect: network is unreachable");
      return;
    }
    client.connect(port, target.podIp()).onComplete(result -> {
      if (result.failed()) {
        connection.fail(port, dialError(result.cause()));
      } else if (connection.finished || session.isClosed()) {
        result.result().close();
      } else {
        connection.pipe(result.result());
      }
    });
  }

  /** Go's wording of a failed dial ({@code connect: connection refused}), from Netty's. */
  static String dialError(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    if (message.toLowerCase(java.util.Locale.ROOT).contains("connection refused")) {
      return "connect: connection refused";
    }
    if (root instanceof io.netty.channel.ConnectTimeoutException) {
      return "i/o timeout";
    }
    return "connect: " + message.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The message the kubelet writes on the error stream when the runtime cannot reach the port: the kubelet's
   * {@code error forwarding port P to pod SANDBOX, uid : ...} around containerd's dial error, which names both
   * localhost addresses it tried. The sandbox dials the pod IP; what it reports for IPv6 is what a pod with nothing
   * listening answers there too.
   */
  String failure(int port, String dialError) {
    String sandbox = target.podUid();
    return "error forwarding port " + port + " to pod " + sandbox + ", uid : failed to execute portforward in "
        + "network namespace \"/var/run/netns/cni-" + sandbox + "\": failed to connect to localhost:" + port
        + " inside namespace \"" + sandbox + "\", IPv4: dial tcp4 " + target.podIp() + ":" + port + ": " + dialError
        + " IPv6 dial tcp6 [::1]:" + port + ": " + dialError + " ";
  }

  /** The two streams of one forwarded connection, as they arrive. */
  private static final class Pair {
    SpdyStream error;
    SpdyStream data;
    long timer;

    String add(String type, SpdyStream stream) {
      if (type.equals("error")) {
        if (error != null) {
          return "error stream already assigned";
        }
        error = stream;
      } else {
        if (data != null) {
          return "data stream already assigned";
        }
        data = stream;
      }
      return null;
    }

    boolean complete() {
      return error != null && data != null;
    }

    void printError(String message) {
      if (error != null) {
        error.write(Buffer.buffer(message, StandardCharsets.UTF_8.name()));
      }
    }
  }

  /** One forwarded TCP connection: bytes both ways with backpressure, half-closes, then both streams end. */
  private final class Forwarded {
    private final SpdyStream data;
    private final SpdyStream error;
    private NetSocket socket;
    private Future<Void> lastWrite = Future.succeededFuture();
    private boolean clientDone;
    private boolean podDone;
    private boolean sessionPaused;
    private boolean socketPaused;
    private boolean finished;
    private long grace = -1;

    Forwarded(SpdyStream data, SpdyStream error) {
      this.data = data;
      this.error = error;
    }

    /**
     * The runtime closes the data stream as it gives up, then the kubelet writes why on the error stream and closes
     * that one too.
     */
    void fail(int port, String dialError) {
      data.end();
      error.write(Buffer.buffer(failure(port, dialError), StandardCharsets.UTF_8.name()));
      finish();
    }

    void pipe(NetSocket socket) {
      this.socket = socket;
      data.dataHandler(bytes -> {
        lastWrite = socket.write(bytes);
        if (socket.writeQueueFull() && !sessionPaused) {
          sessionPaused = true;
          session.pauseInbound();
          socket.drainHandler(v -> resumeSession());
        }
      });
      data.endHandler(() -> {
        clientDone = true;
        // the client has sent everything: pass the half-close on once the last bytes are out
        lastWrite.onComplete(r -> shutdownOutput(socket));
        afterOneDirection();
      });
      socket.handler(bytes -> {
        data.write(bytes);
        if (data.writeQueueFull() && !socketPaused) {
          socketPaused = true;
          socket.pause();
          data.drainHandler(() -> {
            socketPaused = false;
            if (!finished) {
              socket.resume();
            }
          });
        }
      });
      socket.endHandler(v -> podEnded());
      socket.closeHandler(v -> podEnded());
      socket.exceptionHandler(e -> socket.close());
    }

    private void podEnded() {
      if (podDone) {
        return;
      }
      podDone = true;
      data.end();
      afterOneDirection();
    }

    private void afterOneDirection() {
      if (clientDone && podDone) {
        finish();
      } else if (grace < 0 && !finished) {
        grace = vertx.setTimer(CLOSE_GRACE_MS, t -> finish());
      }
    }

    private void resumeSession() {
      if (sessionPaused) {
        sessionPaused = false;
        session.resumeInbound();
      }
    }

    void finish() {
      if (finished) {
        return;
      }
      finished = true;
      forwarded.remove(this);
      if (grace >= 0) {
        vertx.cancelTimer(grace);
      }
      resumeSession();
      if (socket != null) {
        socket.close();
      }
      data.end();
      error.end();
    }
  }

  private static void shutdownOutput(NetSocket socket) {
    if (socket instanceof NetSocketInternal internal) {
      Channel channel = internal.channelHandlerContext().channel();
      if (channel instanceof SocketChannel tcp && tcp.isActive()) {
        tcp.shutdownOutput();
      }
    }
  }
}
