package io.cybershield.shield.djl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers every request as DJL Serving 0.36.0 does on its single port: {@code /ping}, the inference API (handed
 * to {@link Inference}), the management API and {@code /server/metrics}. Runs on the event loop; nothing here
 * blocks.
 */
final class StandInServer {

  static final String STANDIN_HEADER = "x-shield-standin";
  static final String REQUEST_ID = "x-request-id";
  static final int RECORDED_LIMIT = 10_000;

  private static final String NOT_FOUND = "Requested resource is not found, please refer to API document.";
  private static final String NOT_ALLOWED = "Requested method is not allowed, please refer to API document.";
  private static final String PROMETHEUS_OFF = "Prometheus is not enabled, set SERVING_PROMETHEUS environment var to"
      + " true to enable prometheus metrics";
  private static final DateTimeFormatter GSON_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Vertx vertx;
  private final StandInOptions options;
  private final Script script;
  private final ServingMetrics metrics;
  private final NavigableMap<String, ServedModel> models = new ConcurrentSkipListMap<>();
  private final String startupModel;
  private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
  private final AtomicLong backpressurePauses = new AtomicLong();

  StandInServer(Vertx vertx, StandInOptions options, Script script) {
    this.vertx = vertx;
    this.options = options;
    this.script = script;
    this.metrics = new ServingMetrics(options.hostname(), options.gpuMemoryBytes());
    this.startupModel = options.modelName();
    models.put(startupModel, new ServedModel(startupModel, null, options.modelUrl(), true, ServedModel.Status.READY));
    metrics.model(startupModel);
  }

  Vertx vertx() {
    return vertx;
  }

  StandInOptions options() {
    return options;
  }

  ServingMetrics metrics() {
    return metrics;
  }

  void backpressurePause() {
    backpressurePauses.incrementAndGet();
  }

  long backpressurePauses() {
    return backpressurePauses.get();
  }

  List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  void clearRequests() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  void handle(HttpServerRequest request) {
    if (options.logSink() != null) {
      accessLog(request);
    }
    String incoming = request.getHeader(REQUEST_ID);
    String requestId = incoming == null || incoming.isBlank() ? UUID.randomUUID().toString() : incoming;
    request.body()
        .onSuccess(body -> {
          String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
          record(request, text);
          route(request, requestId, text);
        })
        .onFailure(e -> request.connection().close());
  }

  /** DJL Serving's {@code ACCESS_LOG} line, once the answer is sent (none for a connection dropped unanswered). */
  private void accessLog(HttpServerRequest request) {
    long started = System.nanoTime();
    String remote = request.remoteAddress() == null ? "-" : "/" + request.remoteAddress().hostAddress() + ":"
        + request.remoteAddress().port();
    String version = switch (request.version()) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_2 -> "HTTP/2.0";
      default -> "HTTP/1.1";
    };
    String line = request.method().name() + " " + request.uri() + " " + version;
    request.response().endHandler(done -> {
      try {
        options.logSink().accept("ACCESS_LOG " + remote + " \"" + line + "\" " + request.response().getStatusCode()
            + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + "ms");
      } catch (RuntimeException e) {
        // a log sink's failure never fails an answer
      }
    });
  }

  private void record(HttpServerRequest request, String body) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    MultiMap all = request.headers();
    for (String name : all.names()) {
      headers.put(name, List.copyOf(all.getAll(name)));
    }
    String query = request.query() == null ? "" : request.query();
    RecordedRequest recordedRequest = new RecordedRequest(request.method().name(), request.path(), query,
        Collections.unmodifiableMap(headers), body);
    synchronized (recorded) {
      recorded.addLast(recordedRequest);
      while (recorded.size() > RECORDED_LIMIT) {
        recorded.removeFirst();
      }
    }
  }

  private void route(HttpServerRequest request, String requestId, String body) {
    String path = request.path();
    String[] segments = path.split("/");
    String first = segments.length > 1 ? segments[1] : "";
    switch (first) {
      case "ping":
        ping(request, requestId);
        return;
      case "invocations":
        invocations(request, requestId, body, null);
        return;
      case "predictions":
        if (segments.length < 3) {
          sendError(request, requestId, 404, "ResourceNotFoundException", NOT_FOUND);
          return;
        }
        String version = segments.length > 3 && !segments[3].isEmpty() ? segments[3] : null;
        serve(request, requestId, body, segments[2], version);
        return;
      case "v1":
        if (path.equals("/v1/chat/completions") || path.startsWith("/v1/chat/completions/")) {
          invocations(request, requestId, body, null);
          return;
        }
        break;
      case "models":
        if (segments.length == 4 && segments[3].equals("invoke")) {
          invocations(request, requestId, body, segments[2]);
        } else {
          management(request, requestId, segments);
        }
        return;
      case "server":
        if (segments.length > 2) {
          server(request, requestId, segments[2]);
          return;
        }
        break;
      default:
        break;
    }
    sendError(request, requestId, 404, "ResourceNotFoundException", NOT_FOUND);
  }

  // ---- inference API

  private ServedModel.Status status(ServedModel model) {
    return script.pingState() == PingState.FAILED ? ServedModel.Status.FAILED : model.status();
  }

  private void ping(HttpServerRequest request, String requestId) {
    ObjectNode data = Json.object();
    boolean failure = false;
    for (ServedModel model : models.values()) {
      ServedModel.Status status = status(model);
      failure |= status == ServedModel.Status.FAILED;
      data.putObject(model.name()).put("status", status == ServedModel.Status.READY ? "Healthy" : status.name());
    }
    int code = script.pingState() == PingState.BREAKER_TRIPPED ? 503 : failure ? 500 : 200;
    sendFull(request, requestId, code, null, "application/json", Json.gsonPretty(data));
  }

  private void invocations(HttpServerRequest request, String requestId, String body, String pathModel) {
    String name = pathModel;
    if (name == null) {
      name = nonEmpty(request.getParam("model_name"));
    }
    if (name == null) {
      name = nonEmpty(request.getHeader("model_name"));
    }
    if (name == null) {
      // DJL's getSingleStartupWorkflow: the model loaded at startup, even once it was unregistered
      name = startupModel;
    }
    String version = nonEmpty(request.getParam("model_version"));
    if (version == null) {
      version = nonEmpty(request.getHeader("model_version"));
    }
    serve(request, requestId, body, name, version);
  }

  private void serve(HttpServerRequest request, String requestId, String body, String name, String version) {
    ServedModel model = find(name, version);
    if (model == null) {
      sendError(request, requestId, 404, "ModelNotFoundException", "Model or workflow not found: " + name);
      return;
    }
    if (status(model) != ServedModel.Status.READY) {
      wlmError(request, requestId, "WlmException", "Model is not ready: " + model.name());
      return;
    }
    new Inference(this, request, requestId, model, body).run(script.take());
  }

  private ServedModel find(String name, String version) {
    ServedModel model = models.get(name);
    if (model == null || version != null && !version.equals(model.version())) {
      return null;
    }
    return model;
  }

  void wlmError(HttpServerRequest request, String requestId, String type, String message) {
    metrics.answered(503);
    metrics.wlmError();
    sendError(request, requestId, 503, type, message);
  }

  // ---- management API

  private void management(HttpServerRequest request, String requestId, String[] segments) {
    HttpMethod method = request.method();
    try {
      if (segments.length < 3) {
        if (method == HttpMethod.GET) {
          listModels(request, requestId);
        } else if (method == HttpMethod.POST) {
          registerModel(request, requestId);
        } else {
          sendError(request, requestId, 405, "MethodNotAllowedException", NOT_ALLOWED);
        }
        return;
      }
      String name = segments[2];
      String version = segments.length > 3 ? segments[3] : null;
      if (method == HttpMethod.GET) {
        describeModel(request, requestId, name, version);
      } else if (method == HttpMethod.PUT) {
        scaleModel(request, requestId, name, version);
      } else if (method == HttpMethod.DELETE) {
        unregisterModel(request, requestId, name, version);
      } else {
        sendError(request, requestId, 405, "MethodNotAllowedException", NOT_ALLOWED);
      }
    } catch (NumberFormatException e) {
      // DJL lets the NumberFormatException (an IllegalArgumentException) reach NettyUtils.sendError: 409
      sendError(request, requestId, 409, "NumberFormatException", e.getMessage());
    }
  }

  private void listModels(HttpServerRequest request, String requestId) {
    List<String> keys = new ArrayList<>(models.keySet());
    int limit = intParam(request, "limit", 100);
    int pageToken = intParam(request, "next_page_token", 0);
    if (limit > 100 || limit < 0) {
      limit = 100;
    }
    pageToken = Math.max(pageToken, 0);
    int last = Math.min(pageToken + limit, keys.size());
    ObjectNode list = Json.object();
    if (last < keys.size()) {
      list.put("nextPageToken", String.valueOf(last));
    }
    ArrayNode items = list.putArray("models");
    for (int i = pageToken; i < last; i++) {
      ServedModel model = models.get(keys.get(i));
      if (model == null) {
        continue;
      }
      ObjectNode item = items.addObject().put("modelName", model.name());
      if (model.version() != null) {
        item.put("version", model.version());
      }
      item.put("modelUrl", model.url()).put("status", status(model).name());
    }
    sendFull(request, requestId, 200, null, "application/json", Json.gsonPretty(list));
  }

  private void registerModel(HttpServerRequest request, String requestId) {
    String url = nonEmpty(request.getParam("url"));
    if (url == null) {
      sendError(request, requestId, 400, "BadRequestException", "Parameter url is required.", true);
      return;
    }
    String name = nonEmpty(request.getParam("model_name"));
    if (name == null) {
      name = inferModelNameFromUrl(url);
    }
    String version = nonEmpty(request.getParam("model_version"));
    int minWorkers = intParam(request, "min_worker", -1);
    int maxWorkers = intParam(request, "max_worker", -1);
    boolean synchronous = Boolean.parseBoolean(request.getParam("synchronous", "true"));
    if (models.containsKey(name)) {
      String workflow = version == null ? name : name + ':' + version;
      sendError(request, requestId, 409, "BadRequestException", "Workflow " + workflow + " is already registered.",
          true);
      return;
    }
    ServedModel model = new ServedModel(name, version, url, false, ServedModel.Status.PENDING);
    model.scale(minWorkers, maxWorkers);
    models.put(name, model);
    metrics.model(name);
    String registered = name;
    Runnable loaded = () -> {
      model.ready();
      if (synchronous) {
        sendFull(request, requestId, 200, null, "application/json",
            Answers.status("Model \"" + registered + "\" registered."));
      }
    };
    long loadingMillis = options.loadingTime().toMillis();
    if (loadingMillis < 1) {
      loaded.run();
    } else {
      vertx.setTimer(loadingMillis, id -> loaded.run());
    }
    if (!synchronous) {
      sendFull(request, requestId, 202, null, "application/json",
          Answers.status("Model \"" + name + "\" registration scheduled."));
    }
  }

  private void describeModel(HttpServerRequest request, String requestId, String name, String version) {
    ServedModel model = find(name, version);
    if (model == null) {
      sendError(request, requestId, 404, "ModelNotFoundException", "Model or workflow not found: " + name);
      return;
    }
    ArrayNode answer = Json.MAPPER.createArrayNode();
    ObjectNode workflow = answer.addObject().put("workflowName", model.name());
    if (model.version() != null) {
      workflow.put("version", model.version());
    }
    ServedModel.Status status = status(model);
    ObjectNode description = workflow.putArray("models").addObject()
        .put("modelName", model.name())
        .put("modelUrl", model.url())
        .put("batchSize", 1)
        .put("maxBatchDelayMillis", 100)
        .put("maxIdleSeconds", 60)
        .put("queueSize", 1000)
        .put("requestInQueue", model.requestsInQueue());
    int workers = status == ServedModel.Status.READY ? model.minWorkers() : 0;
    description.put("status", status != ServedModel.Status.READY ? status.name()
        : workers >= model.minWorkers() ? "Healthy" : "Unhealthy");
    description.put("loadedAtStartup", model.loadedAtStartup());
    ObjectNode group = description.putArray("workerGroups").addObject();
    group.putObject("device").put("deviceType", "gpu").put("deviceId", 0);
    group.put("minWorkers", model.minWorkers()).put("maxWorkers", model.maxWorkers());
    ArrayNode workerList = group.putArray("workers");
    for (int i = 1; i <= workers; i++) {
      workerList.addObject().put("id", i).put("startTime", GSON_DATE.format(model.workersStarted()))
          .put("status", "READY");
    }
    sendFull(request, requestId, 200, null, "application/json", Json.gsonPretty(answer));
  }

  private void scaleModel(HttpServerRequest request, String requestId, String name, String version) {
    int minWorkers;
    int maxWorkers;
    try {
      minWorkers = intParam(request, "min_worker", -1);
      maxWorkers = intParam(request, "max_worker", -1);
    } catch (NumberFormatException e) {
      sendError(request, requestId, 400, "BadRequestException", "parameter is invalid number." + e.getMessage(), true);
      return;
    }
    ServedModel model = find(name, version);
    if (model == null) {
      sendError(request, requestId, 404, "ModelNotFoundException", "Model or workflow not found: " + name);
      return;
    }
    if (status(model) != ServedModel.Status.READY) {
      sendError(request, requestId, 503, "ServiceUnavailableException", "Model or workflow is not ready: " + name);
      return;
    }
    model.scale(minWorkers, maxWorkers);
    sendFull(request, requestId, 200, null, "application/json", Answers.status("Workflow \"" + name
        + "\" worker scaled. New Worker configuration min workers:" + minWorkers + " max workers:" + maxWorkers));
  }

  private void unregisterModel(HttpServerRequest request, String requestId, String name, String version) {
    ServedModel model = find(name, version);
    if (model == null || !models.remove(name, model)) {
      sendError(request, requestId, 404, "ModelNotFoundException", "Model or workflow not found: " + name);
      return;
    }
    sendFull(request, requestId, 200, null, "application/json",
        Answers.status("Model or workflow \"" + name + "\" unregistered"));
  }

  private void server(HttpServerRequest request, String requestId, String what) {
    if (what.equals("metrics")) {
      if (request.method() != HttpMethod.GET) {
        sendError(request, requestId, 405, "MethodNotAllowedException", NOT_ALLOWED);
      } else if (!options.prometheus()) {
        sendError(request, requestId, 400, "BadRequestException", PROMETHEUS_OFF, true);
      } else {
        sendFull(request, requestId, 200, null, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheusText());
      }
    } else if (what.equals("logging")) {
      sendFull(request, requestId, 200, null, "application/json", Answers.status("OK"));
    } else {
      sendError(request, requestId, 404, "ResourceNotFoundException", NOT_FOUND);
    }
  }

  /** DJL's {@code ModelInfo.inferModelNameFromUrl}. */
  static String inferModelNameFromUrl(String url) {
    String path = url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*:(//[^/]*)?", "");
    boolean directory = path.endsWith("/");
    if (directory) {
      path = path.substring(0, path.length() - 1);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!directory) {
      int dot = name.toLowerCase(Locale.ROOT).endsWith(".tar.gz") ? name.length() - 7
          : name.lastIndexOf('.');
      if (dot > 0) {
        name = name.substring(0, dot);
      }
    }
    return name.replaceAll("(\\W|^_)", "_");
  }

  // ---- answers

  /** DJL's {@code NettyUtils.sendHttpResponse} headers: the request id, no caching; and the stand-in's mark. */
  void prepare(HttpServerResponse response, String requestId) {
    response.putHeader(REQUEST_ID, requestId);
    response.putHeader(STANDIN_HEADER, "scripted");
    response.putHeader("Pragma", "no-cache");
    response.putHeader("Cache-Control", "no-cache; no-store, must-revalidate, private");
    response.putHeader("Expires", "Thu, 01 Jan 1970 00:00:00 UTC");
  }

  void sendError(HttpServerRequest request, String requestId, int code, String type, String message) {
    sendError(request, requestId, code, type, message, false);
  }

  /** DJL's {@code ErrorResponse}; a {@code BadRequestException} carries its message as the reason phrase too. */
  void sendError(HttpServerRequest request, String requestId, int code, String type, String message,
                 boolean messageAsReason) {
    sendFull(request, requestId, code, messageAsReason ? message : null, "application/json",
        Answers.error(code, type, message));
  }

  /** A whole answer; one of 400 or more closes the connection, as DJL's do. */
  void sendFull(HttpServerRequest request, String requestId, int code, String reason, String contentType,
                String body) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    prepare(response, requestId);
    response.setStatusCode(code);
    if (reason != null) {
      response.setStatusMessage(reasonPhrase(reason));
    }
    response.putHeader("content-type", contentType);
    if (code >= 400) {
      response.putHeader("connection", "close");
      response.end(Buffer.buffer(body, "UTF-8")).onComplete(done -> request.connection().close());
    } else {
      response.end(Buffer.buffer(body, "UTF-8"));
    }
  }

  private static String reasonPhrase(String text) {
    StringBuilder phrase = new StringBuilder(Math.min(text.length(), 200));
    for (int i = 0; i < text.length() && phrase.length() < 200; i++) {
      char c = text.charAt(i);
      phrase.append(c >= 0x20 && c < 0x7f ? c : ' ');
    }
    return phrase.toString();
  }

  private static int intParam(HttpServerRequest request, String name, int fallback) {
    String value = request.getParam(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    return Integer.parseInt(value);
  }

  private static String nonEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
