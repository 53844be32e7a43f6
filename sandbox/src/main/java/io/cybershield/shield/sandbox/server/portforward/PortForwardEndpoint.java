package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /api/v1/namespaces/{ns}/pods/{name}/portforward} as kubectl 1.32 uses it. client-go first asks for a
 * WebSocket with the subprotocol {@value #WEBSOCKET_PROTOCOL} and tunnels SPDY through its binary messages; when that
 * handshake is refused (or {@code KUBECTL_PORT_FORWARD_WEBSOCKETS=false}) it sends a plain SPDY upgrade
 * ({@code Connection: Upgrade}, {@code Upgrade: SPDY/3.1}, {@code X-Stream-Protocol-Version: portforward.k8s.io}),
 * answered {@code 101 Switching Protocols} with the same headers. Both end in one {@link SpdySession} per connection
 * with a {@link PodPortForwarding} for the pod.
 */
public final class PortForwardEndpoint implements AutoCloseable {

  /** The port-forward protocol, as {@code X-Stream-Protocol-Version} names it. */
  public static final String PROTOCOL = "portforward.k8s.io";
  /** The WebSocket subprotocol of SPDY tunneled over WebSocket. */
  public static final String WEBSOCKET_PROTOCOL = "SPDY/3.1+" + PROTOCOL;
  private static final String SPDY = "SPDY/3.1";

  private static final Logger LOG = LoggerFactory.getLogger(PortForwardEndpoint.class);

  private final Vertx vertx;
  private final NetClient client;
  /** Open sessions, each with the event loop it runs on. */
  private final Map<SpdySession, Context> sessions = new ConcurrentHashMap<>();
  private final AtomicLong webSocketSessions = new AtomicLong();
  private final AtomicLong spdySessions = new AtomicLong();
  private final AtomicLong connectionIds = new AtomicLong();

  public PortForwardEndpoint(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000).setTcpNoDelay(true));
  }

  /** Is this an upgrade to a port-forward WebSocket (whatever the path)? */
  public static boolean isWebSocket(HttpServerRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /** Is this a SPDY upgrade, as apimachinery's response upgrader checks it? */
  public static boolean isSpdyUpgrade(HttpServerRequest request) {
    String connection = request.getHeader("Connection");
    String upgrade = request.getHeader("Upgrade");
    return connection != null && connection.toLowerCase(Locale.ROOT).contains("upgrade") && upgrade != null
        && upgrade.toLowerCase(Locale.ROOT).contains(SPDY.toLowerCase(Locale.ROOT));
  }

  /** Port-forward sessions opened through a WebSocket tunnel so far. */
  public long webSocketSessions() {
    return webSocketSessions.get();
  }

  /** Port-forward sessions opened through a plain SPDY upgrade so far. */
  public long spdySessions() {
    return spdySessions.get();
  }

  /** Upgrades to a WebSocket and runs SPDY in it; call on the request's event loop, before reading the body. */
  public void webSocket(HttpServerRequest request, PortForwardTarget target) {
    request.toWebSocket().onSuccess(socket -> {
      if (!WEBSOCKET_PROTOCOL.equals(socket.subProtocol())) {
        // client-go refuses a tunnel without the subprotocol, then falls back to SPDY; say why on the way out
        socket.close((short) 1002, "the port-forward WebSocket needs the subprotocol " + WEBSOCKET_PROTOCOL);
        return;
      }
      webSocketSessions.incrementAndGet();
      run(Transport.of(socket), target);
    }).onFailure(e -> LOG.debug("port-forward WebSocket upgrade failed: {}", e.toString()));
  }

  /**
   * Negotiates {@code X-Stream-Protocol-Version} as apimachinery's {@code httpstream.Handshake} does, answers
   * {@code 101 Switching Protocols} and runs SPDY on the raw socket.
   */
  public void spdy(HttpServerRequest request, PortForwardTarget target) {
    HttpServerResponse response = request.response();
    List<String> offered = request.headers().getAll("X-Stream-Protocol-Version").stream()
        .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (request.headers().getAll("X-Stream-Protocol-Version").isEmpty()) {
      // Go's server keeps Host out of the request's header map, so it is not counted
      int headers = request.headers().size() - (request.headers().contains("Host") ? 1 : 0);
      plainError(response, 400, "unable to upgrade: header X-Stream-Protocol-Version does not exist in request with "
          + headers + " headers");
      return;
    }
    if (!offered.contains(PROTOCOL)) {
      response.putHeader("X-Accepted-Stream-Protocol-Versions", PROTOCOL);
      plainError(response, 403, "unable to upgrade: unable to negotiate protocol: client supports ["
          + String.join(" ", offered) + "], server accepts [" + PROTOCOL + "]");
      return;
    }
    response.putHeader("Connection", "Upgrade");
    response.putHeader("Upgrade", SPDY);
    response.putHeader("X-Stream-Protocol-Version", PROTOCOL);
    switchProtocols(request).onSuccess(socket -> {
      spdySessions.incrementAndGet();
      run(Transport.of(socket), target);
    }).onFailure(e -> {
      LOG.warn("the SPDY upgrade of {} failed: {}", request.uri(), e.toString());
      request.connection().close();
    });
  }

  /** Ends every open session (GOAWAY first) and the client that dials the pods. */
  @Override
  public void close() {
    sessions.forEach((session, context) -> context.runOnContext(v -> session.close()));
    client.close();
  }

  private void run(Transport transport, PortForwardTarget target) {
    Context context = vertx.getOrCreateContext();
    SpdySession[] session = new SpdySession[1];
    session[0] = PodPortForwarding.serve(vertx, client, target, "port-forward-" + connectionIds.incrementAndGet(),
        transport, () -> {
          if (session[0] != null) {
            sessions.remove(session[0]);
          }
        });
    if (!session[0].isClosed()) {
      sessions.put(session[0], context);
    }
  }

  /**
   * The socket under an HTTP/1.1 request after {@code 101 Switching Protocols}, with the response's headers. Vert.x 4
   * hands the socket over only for GET upgrades ({@code toNetSocket()}), and kubectl's SPDY upgrade is a POST, so
   * this takes Vert.x's own upgrade path inside the response and tells it the request was an upgrading GET.
   */
  @SuppressWarnings("unchecked")
  private static Future<NetSocket> switchProtocols(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    if (request.method() == HttpMethod.GET) {
      return request.toNetSocket();
    }
    try {
      Method netSocket = response.getClass().getDeclaredMethod("netSocket", HttpMethod.class, MultiMap.class);
      netSocket.setAccessible(true);
      return (Future<NetSocket>) netSocket.invoke(response, HttpMethod.GET, request.headers());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Future.failedFuture(new IllegalStateException("this Vert.x cannot switch a POST to SPDY/3.1", e));
    }
  }

  private static void plainError(HttpServerResponse response, int code, String message) {
    // net/http's http.Error: plain text, a trailing newline, no sniffing
    response.setStatusCode(code).putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff").end(message + "\n");
  }
}
