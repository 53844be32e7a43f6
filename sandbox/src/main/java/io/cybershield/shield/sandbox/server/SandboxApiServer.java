package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.server.portforward.PortForwardEndpoint;
import io.cybershield.shield.sandbox.server.portforward.PortForwardTarget;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sandbox's HTTP front: a Vert.x server on loopback that serves discovery, {@code /version}, OpenAPI v3,
 * server-side printing and streaming watches (chunked HTTP for {@code kubectl}, WebSocket for fabric8), and hands
 * every resource request to the {@link SandboxStore}. Pods' {@code log} reads the {@link ContainerLogs} set with
 * {@link #containerLogs}; {@code portforward} upgrades to SPDY (plain or tunneled in a WebSocket) and connects to the
 * pod's {@code status.podIP} ({@link PortForwardEndpoint}). The protobuf bodies of typed clients are read into JSON
 * ({@link ProtobufObjects}, {@link ProtobufBodies}) and answered in JSON. Requests it cannot serve (protobuf bodies of
 * other kinds, protobuf-only answers, OpenAPI v2) are refused at once with the Status a real server sends, so no
 * client ever hangs.
 */
public final class SandboxApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxApiServer.class);
  private static final String JSON_TYPE = "application/json";
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  private final SandboxStore store;
  private final ApiDocuments documents;
  private final Clock clock;
  private final ObjectMapper mapper = Serialization.jsonMapper();
  private final Vertx vertx;
  private HttpServer server;
  private int port;
  private final RequestCounts requests = new RequestCounts();
  private volatile ContainerLogs containerLogs = ContainerLogs.NONE;
  private final PortForwardEndpoint portForwards;
  private final ServiceAccountTokens tokens;
  private final SelfSubjectReviews reviews;

  public SandboxApiServer(SandboxStore store, Clock clock) {
    this.store = store;
    this.documents = new ApiDocuments(store.registry());
    this.clock = clock;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
    this.portForwards = new PortForwardEndpoint(vertx);
    this.tokens = new ServiceAccountTokens(store, clock);
    this.reviews = new SelfSubjectReviews(tokens);
  }

  /** Binds to 127.0.0.1 on the given port (0 picks a free one). */
  public SandboxApiServer start(int requestedPort) {
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(requestedPort)
        .setMaxWebSocketFrameSize(16 * 1024 * 1024).setMaxWebSocketMessageSize(64 * 1024 * 1024)
        // offered only to clients that ask for it: fabric8's watches name no subprotocol and get none back
        .setWebSocketSubProtocols(List.of(PortForwardEndpoint.WEBSOCKET_PROTOCOL));
    server = vertx.createHttpServer(options).requestHandler(this::handle);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the sandbox API server could not listen on 127.0.0.1:" + requestedPort, e);
    }
    port = server.actualPort();
    return this;
  }

  /** Where the pods' log subresource reads the output of the containers the sandbox runs (none by default). */
  public SandboxApiServer containerLogs(ContainerLogs logs) {
    this.containerLogs = java.util.Objects.requireNonNull(logs, "logs");
    return this;
  }

  public int port() {
    return port;
  }

  /** The pods' port-forward endpoint, which counts the sessions it opened by transport. */
  public PortForwardEndpoint portForwards() {
    return portForwards;
  }

  /** The service-account token issuer and authenticator (TokenRequest, TokenReview, static tokens). */
  public ServiceAccountTokens tokens() {
    return tokens;
  }

  /** The requests answered so far, by client, verb and resource. */
  public RequestCounts requests() {
    return requests;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      portForwards.close();
      if (server != null) {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("closing the sandbox API server: {}", e.toString());
    }
  }

  private void handle(HttpServerRequest request) {
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && contentType.startsWith(PROTOBUF) && !decodesProtobuf(request)) {
      // answer before reading the body: protobuf is not decoded here, and a client must never wait
      request.pause();
      send(request.response(), Statuses.unsupportedMediaType("application/json, application/yaml").status(), 415);
      return;
    }
    if (isPortForward(request)) {
      portForward(request);
      return;
    }
    if (isWebSocketWatch(request)) {
      webSocketWatch(request);
      return;
    }
    request.body().onSuccess(body -> {
      if (RequestPath.isTrue(request.getParam("watch"))) {
        // a chunked watch stays on its connection's event loop, which writes its events in order
        answer(request, body);
        return;
      }
      // the rest on worker threads, several at a time as a real API server serves requests (the store still commits
      // one write at a time): reading bodies, admission and encoding answers no longer queue behind each other
      vertx.executeBlocking(() -> {
        answer(request, body);
        return null;
      }, false);
    }).onFailure(e -> send(request.response(),
        Statuses.failure(400, "BadRequest", "could not read the request body: " + e.getMessage(), null), 400));
  }

  /**
   * The POSTs whose protobuf bodies the server decodes: TokenRequest and TokenReview ({@link ProtobufBodies}), and
   * the creates of a collection ({@code kubectl create <kind>}, the self-subject reviews) and the DeleteOptions of
   * deletes, which {@link ProtobufObjects} reads if it knows the body's kind (and answers 415 if not).
   */
  private static boolean decodesProtobuf(HttpServerRequest request) {
    String path = request.path();
    String method = request.method().name();
    if (method.equals("DELETE")) {
      // the DeleteOptions of a typed client's delete (kubectl drain deletes pods so when there is no eviction API)
      return path.startsWith("/api/") || path.startsWith("/apis/");
    }
    return method.equals("POST")
        && (isTokenPath(path) || path.matches("/api/v1(/namespaces/[^/]+)?/[^/]+/?")
        || path.matches("/apis/[^/]+/[^/]+(/namespaces/[^/]+)?/[^/]+/?"));
  }

  private static boolean isTokenPath(String path) {
    return path.matches("/api/v1/namespaces/[^/]+/serviceaccounts/[^/]+/token/?")
        || path.matches("/apis/authentication\\.k8s\\.io/v1/tokenreviews/?");
  }

  private void answer(HttpServerRequest request, Buffer body) {
    try {
      route(request, body == null ? new byte[0] : body.getBytes());
    } catch (ApiException e) {
      send(request.response(), e.status(), e.code());
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", request.method(), request.uri(), e);
      send(request.response(), Statuses.failure(500, "InternalError",
          "Internal error occurred: " + e.getMessage(), null), 500);
    }
  }

  private void route(HttpServerRequest request, byte[] body) {
    String path = request.path();
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains(PROTOBUF) && !accept.contains("json") && !accept.contains("*/*")
        && !accept.contains("yaml")) {
      throw Statuses.notAcceptable();
    }
    String method = request.method().name();
    String contentType = request.getHeader("Content-Type");
    if (ProtobufBodies.isProtobuf(contentType) && !isTokenPath(path) && body.length > 0) {
      // a typed client's create (kubectl create <kind>): read into JSON, then served as any JSON body; the answer
      // is JSON, which client-go decodes by its Content-Type
      try {
        body = mapper.writeValueAsBytes(ProtobufObjects.decode(body));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      contentType = JSON_TYPE;
    }
    if (SelfSubjectReviews.serves(path)) {
      RequestPath reviewPath = RequestPath.parse(request.uri(), store.registry());
      if (reviewPath != null) {
        requests.record(request.getHeader("User-Agent"), method, reviewPath, request.getHeader("Content-Type"));
      }
      if (!method.equals("POST")) {
        throw ServiceAccountTokens.methodNotAllowed();
      }
      SandboxStore.Reply reply = reviews.review(path, contentType, body, request.headers());
      sendJson(request.response(), reply.body(), reply.code(), reply.warnings());
      return;
    }
    if (method.equals("GET")) {
      JsonNode document = document(path, request);
      if (document != null) {
        sendJson(request.response(), document, 200, List.of());
        return;
      }
    }
    if (path.equals("/openapi/v2") || path.startsWith("/openapi/")) {
      notFound(request.response());
      return;
    }
    RequestPath parsed = RequestPath.parse(request.uri(), store.registry());
    if (parsed == null) {
      notFound(request.response());
      return;
    }
    if (serveTokens(request, parsed, body)) {
      return;
    }
    ResourceType type = store.registry().find(parsed.group(), parsed.version(), parsed.resource()).orElse(null);
    if (type == null) {
      notFound(request.response());
      return;
    }
    requests.record(request.getHeader("User-Agent"), method, parsed, request.getHeader("Content-Type"));
    if (type.namespaced() && parsed.namespace() == null && parsed.name() != null) {
      notFound(request.response());
      return;
    }
    if (method.equals("GET") && parsed.isWatch()) {
      httpWatch(request, type, parsed);
      return;
    }
    if (type.group().isEmpty() && type.plural().equals("pods") && "log".equals(parsed.subresource())) {
      if (!method.equals("GET")) {
        throw Statuses.methodNotAllowed(RequestCounts.verb(method, parsed, null), type);
      }
      PodLogs.serve(request.response(), pod(parsed), parsed, containerLogs);
      return;
    }
    if (type.group().isEmpty() && type.plural().equals("pods") && "portforward".equals(parsed.subresource())) {
      // what the real server's upgrade-aware proxy says to a port-forward that asks for no upgrade
      pod(parsed);
      throw Statuses.badRequest("Upgrade request required");
    }
    if (type.group().isEmpty() && type.plural().equals("pods") && parsed.subresource() != null
        && Set.of("exec", "attach").contains(parsed.subresource())) {
      throw new ApiException(Statuses.failure(404, "NotFound", "pods \"" + parsed.name() + "\": the Shield "
          + "sandbox simulates pods without running their containers, so there is no " + parsed.subresource()
          + " to serve", Statuses.details(parsed.name(), "", "pods")));
    }
    if (method.equals("GET") && parsed.name() != null && parsed.subresource() != null
        && !parsed.isStatus() && !"scale".equals(parsed.subresource())) {
      notFound(request.response());
      return;
    }
    SandboxStore.Reply reply = store.serve(method, parsed, type, contentType, body, request.getHeader("User-Agent"));
    JsonNode answer = reply.body();
    if (method.equals("GET") && Tables.wantsTable(accept) && parsed.subresource() == null) {
      List<JsonNode> objects = new java.util.ArrayList<>();
      if (parsed.name() == null) {
        answer.path("items").forEach(objects::add);
      } else {
        objects.add(answer);
      }
      answer = Tables.table(type, objects, answer.path("metadata").path("resourceVersion").asText(),
          parsed.param("includeObject"), clock.instant());
    }
    sendJson(request.response(), answer, reply.code(), reply.warnings());
  }

  /**
   * TokenRequest ({@code serviceaccounts/token}) and TokenReview ({@code tokenreviews}), which create no stored
   * object; {@code false} when the path is neither.
   */
  private boolean serveTokens(HttpServerRequest request, RequestPath parsed, byte[] body) {
    boolean review = parsed.group().equals(ServiceAccountTokens.GROUP) && parsed.version().equals("v1")
        && parsed.resource().equals("tokenreviews");
    boolean tokenRequest = parsed.group().isEmpty() && parsed.version().equals("v1")
        && parsed.resource().equals("serviceaccounts") && "token".equals(parsed.subresource());
    if (!review && !tokenRequest) {
      return false;
    }
    if (review && (parsed.namespace() != null || parsed.name() != null)) {
      notFound(request.response());
      return true;
    }
    if (tokenRequest && parsed.namespace() == null) {
      notFound(request.response());
      return true;
    }
    String method = request.method().name();
    requests.record(request.getHeader("User-Agent"), method, parsed, request.getHeader("Content-Type"));
    if (!method.equals("POST")) {
      throw ServiceAccountTokens.methodNotAllowed();
    }
    SandboxStore.Reply reply = review ? tokens.tokenReview(request.getHeader("Content-Type"), body)
        : tokens.tokenRequest(parsed, request.getHeader("Content-Type"), body);
    sendJson(request.response(), reply.body(), reply.code(), reply.warnings());
    return true;
  }

  /** Discovery, version and OpenAPI documents; {@code null} when the path is not one of them. */
  private JsonNode document(String path, HttpServerRequest request) {
    String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    switch (trimmed) {
      case "/version":
        return ApiDocuments.version();
      case "/healthz", "/livez", "/readyz":
        return null;
      case "/api":
        return documents.coreVersions("127.0.0.1:" + port);
      case "/apis":
        return documents.groupList();
      case "/api/v1":
        return documents.resourceList("", "v1");
      case "/openapi/v3":
        return documents.openApiIndex();
      case "/.well-known/openid-configuration":
        return tokens.openIdConfiguration(url());
      case "/openid/v1/jwks":
        return tokens.jwks();
      default:
        break;
    }
    if (trimmed.startsWith("/openapi/v3/")) {
      return documents.openApi(trimmed.substring("/openapi/v3/".length()));
    }
    String[] parts = trimmed.split("/");
    if (parts.length == 3 && parts[1].equals("apis")) {
      return documents.group(parts[2]);
    }
    if (parts.length == 4 && parts[1].equals("apis")) {
      return documents.resourceList(parts[2], parts[3]);
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Pod subresources

  /** The stored pod a subresource request names; NotFound as the real server words it. */
  private JsonNode pod(RequestPath path) {
    ResourceType pods = store.registry().find("", "v1", "pods").orElseThrow();
    RequestPath object = new RequestPath("", "v1", path.namespace(), "pods", path.name(), null, Map.of());
    return store.serve("GET", object, pods, null, new byte[0], null).body();
  }

  private static boolean isPortForward(HttpServerRequest request) {
    return (PortForwardEndpoint.isWebSocket(request) || PortForwardEndpoint.isSpdyUpgrade(request))
        && request.path().matches("/api/v1/namespaces/[^/]+/pods/[^/]+/portforward/?");
  }

  /**
   * A port-forward upgrade, answered on the event loop before any body is read (the socket is handed over). The
   * pod must exist and be on a node, as the registry's {@code PortForwardLocation} requires; kubectl itself refuses
   * pods that are not running.
   */
  private void portForward(HttpServerRequest request) {
    RequestPath parsed = RequestPath.parse(request.uri(), store.registry());
    requests.record(request.getHeader("User-Agent"), request.method().name(), parsed,
        request.getHeader("Content-Type"));
    JsonNode pod;
    try {
      pod = pod(parsed);
      if (pod.path("spec").path("nodeName").asText("").isEmpty()) {
        throw Statuses.badRequest("pod " + parsed.name() + " does not have a host assigned");
      }
    } catch (ApiException e) {
      send(request.response(), e.status(), e.code());
      return;
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", request.method(), request.uri(), e);
      send(request.response(), Statuses.failure(500, "InternalError", "Internal error occurred: " + e.getMessage(),
          null), 500);
      return;
    }
    PortForwardTarget target = new PortForwardTarget(parsed.name(), pod.path("metadata").path("uid").asText(),
        pod.path("status").path("podIP").asText(""));
    if (PortForwardEndpoint.isWebSocket(request)) {
      portForwards.webSocket(request, target);
    } else {
      portForwards.spdy(request, target);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Watches

  private boolean isWebSocketWatch(HttpServerRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  private void httpWatch(HttpServerRequest request, ResourceType type, RequestPath path) {
    HttpServerResponse response = request.response();
    response.setStatusCode(200);
    response.putHeader("Content-Type", JSON_TYPE);
    response.putHeader("Cache-Control", "no-cache, private");
    response.setChunked(true);
    response.write(Buffer.buffer());
    Consumer<ObjectNode> sink = event -> {
      if (!response.ended() && !response.closed()) {
        response.write(Buffer.buffer(serialize(event) + "\n"));
      }
    };
    WatchHub.Subscription subscription = store.watch(type, path, sink);
    if (subscription == null) {
      response.end();
      return;
    }
    long timer = scheduleWatchEnd(path, () -> {
      store.stopWatch(subscription);
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    });
    response.closeHandler(v -> {
      store.stopWatch(subscription);
      vertx.cancelTimer(timer);
    });
  }

  private void webSocketWatch(HttpServerRequest request) {
    RequestPath path = RequestPath.parse(request.uri(), store.registry());
    ResourceType type = path == null ? null
        : store.registry().find(path.group(), path.version(), path.resource()).orElse(null);
    if (type == null || !path.isWatch()) {
      request.body().onComplete(ignored -> notFound(request.response()));
      return;
    }
    requests.record(request.getHeader("User-Agent"), "GET", path, null);
    request.toWebSocket().onSuccess((ServerWebSocket socket) -> {
      Consumer<ObjectNode> sink = event -> {
        if (!socket.isClosed()) {
          socket.writeTextMessage(serialize(event));
        }
      };
      WatchHub.Subscription subscription;
      try {
        subscription = store.watch(type, path, sink);
      } catch (ApiException e) {
        socket.writeTextMessage(serialize(WatchHub.event("ERROR", e.status())));
        socket.close();
        return;
      }
      if (subscription == null) {
        socket.close();
        return;
      }
      long timer = scheduleWatchEnd(path, () -> {
        store.stopWatch(subscription);
        socket.close();
      });
      socket.closeHandler(v -> {
        store.stopWatch(subscription);
        vertx.cancelTimer(timer);
      });
    }).onFailure(e -> LOG.debug("websocket upgrade failed: {}", e.toString()));
  }

  private long scheduleWatchEnd(RequestPath path, Runnable end) {
    long seconds = 1800;
    String timeout = path.param("timeoutSeconds");
    if (timeout != null && !timeout.isEmpty()) {
      seconds = Math.max(1, Long.parseLong(timeout));
    }
    return vertx.setTimer(TimeUnit.SECONDS.toMillis(seconds), id -> end.run());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Answers

  private void notFound(HttpServerResponse response) {
    response.setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
        .end("404 page not found\n");
  }

  private void send(HttpServerResponse response, ObjectNode status, int code) {
    sendJson(response, status, code, List.of());
  }

  private void sendJson(HttpServerResponse response, JsonNode body, int code, List<String> warnings) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(code);
    response.putHeader("Content-Type", JSON_TYPE);
    for (String warning : warnings) {
      response.headers().add("Warning", warning);
    }
    response.end(serialize(body));
  }

  private String serialize(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
