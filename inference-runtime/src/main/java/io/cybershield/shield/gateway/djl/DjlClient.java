package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletionStage;

/**
 * The typed client of DJL Serving 0.36.0 (LMI), for any number of pods: each call names its {@link DjlEndpoint}
 * and carries the request's {@link Deadline}.
 * <p>
 * One Vert.x {@code HttpClient} with keep-alive serves every pod, with a pool of connections per pod. Each pod has
 * its own circuit breaker (SmallRye Fault Tolerance): an open breaker fails a call at once with
 * {@code UpstreamCircuitOpen}. A call is sent again only when that is safe: when the connection was refused before
 * any byte was sent (any method), or when a GET failed on I/O; a POST whose bytes have left is never sent again.
 * Every failure is a {@link DjlException} with its {@link DjlErrorCode}.
 * <p>
 * Results are delivered on a Vert.x event loop (the caller's, when it calls from one): do not block in them. The
 * streams honour their subscriber's demand down to the TCP connection. Nothing here logs prompt text, generated
 * text or bodies.
 */
public final class DjlClient implements AutoCloseable {

  private static final String JSON = "application/json";
  private static final String JSON_LINES = "application/jsonlines";

  private final Transport transport;
  private final PodGuards guards;
  private final ObjectMapper json;

  public DjlClient(Vertx vertx, DjlClientSettings settings) {
    this(vertx, settings, null);
  }

  /**
   * @param upstreamCa PEM file with the CA of the model servers' certificates, for pods that serve HTTPS
   *                   ({@link DjlEndpoint#tls}); null when none does
   */
  public DjlClient(Vertx vertx, DjlClientSettings settings, java.nio.file.Path upstreamCa) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(settings, "settings");
    this.transport = new Transport(vertx, settings, upstreamCa);
    this.guards = new PodGuards(settings);
    this.json = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }

  public DjlClientSettings settings() {
    return transport.settings;
  }

  // ---- inference API

  /**
   * {@code GET /ping}: the pod's health (200, 500 when a model FAILED, 503 when DJL's error-rate breaker tripped)
   * and each model's status. A probe reports what it sees: it passes neither the retries nor the breaker, and its
   * outcome does not count towards the breaker.
   */
  public Uni<PingResult> ping(DjlEndpoint endpoint, Deadline deadline) {
    Call call = Call.get("/ping", JSON);
    return Uni.createFrom().deferred(() -> {
      Cancellation cancellation = new Cancellation();
      Context context = transport.vertx.getOrCreateContext();
      CompletionStage<PingResult> result = Exchange.start(transport, context, endpoint, call, deadline,
          answer -> ping(endpoint, call, answer), cancellation);
      return fromStage(endpoint, result, context, cancellation);
    });
  }

  /** {@code POST /invocations} with a generation body, {@code "stream": false}: the whole answer at once. */
  public Uni<GenerationResponse> generate(DjlEndpoint endpoint, String modelName, GenerationRequest request,
      Deadline deadline) {
    Call call = Call.post(invocations(modelName), body(request.withStream(false)), JSON, true);
    return guarded(endpoint, call, deadline, answer -> decode(endpoint, call, answer, GenerationResponse.class));
  }

  /**
   * {@code POST /invocations} with {@code "stream": true}: one {@link StreamedToken} per jsonlines line, the last
   * carrying the whole {@code generated_text}. A mid-stream {@code {"error": ...}} line fails the stream with
   * {@code UpstreamStreamError}.
   */
  public Multi<StreamedToken> generateStream(DjlEndpoint endpoint, String modelName, GenerationRequest request,
      Deadline deadline) {
    Call call = Call.post(invocations(modelName), body(request.withStream(true)), JSON_LINES, false);
    return stream(endpoint, call, deadline, StreamedToken.class);
  }

  /** {@code POST /v1/chat/completions}, not streamed: the OpenAI {@code chat.completion}. */
  public Uni<ChatCompletion> chat(DjlEndpoint endpoint, ChatCompletionRequest request, Deadline deadline) {
    Call call = Call.post("/v1/chat/completions", body(request.withStream(false)), JSON, true);
    return guarded(endpoint, call, deadline, answer -> decode(endpoint, call, answer, ChatCompletion.class));
  }

  /**
   * {@code POST /v1/chat/completions} with {@code "stream": true}: the {@code chat.completion.chunk} objects DJL
   * writes as jsonlines (no {@code data:}, no {@code [DONE]}).
   */
  public Multi<ChatCompletionChunk> chatStream(DjlEndpoint endpoint, ChatCompletionRequest request,
      Deadline deadline) {
    Call call = Call.post("/v1/chat/completions", body(request.withStream(true)), JSON_LINES, false);
    return stream(endpoint, call, deadline, ChatCompletionChunk.class);
  }

  // ---- management API

  /** {@code GET /models}: the models the pod has, one page of them. */
  public Uni<ModelList> listModels(DjlEndpoint endpoint, Deadline deadline) {
    Call call = Call.get("/models", JSON);
    return guarded(endpoint, call, deadline, answer -> decode(endpoint, call, answer, ModelList.class));
  }

  /** {@code GET /models/{name}}: the workflow of that name, its models, queue and workers. */
  public Uni<List<WorkflowDescription>> describeModel(DjlEndpoint endpoint, String name, Deadline deadline) {
    Call call = Call.get("/models/" + segment(name), JSON);
    return guarded(endpoint, call, deadline, answer -> decode(endpoint, call, answer, new TypeReference<>() {
    }));
  }

  /**
   * {@code POST /models?url=...}: registers (and loads) a model. With {@code synchronous} (DJL's default) DJL
   * answers once the model is loaded, so only the deadline bounds the wait.
   */
  public Uni<ManagementStatus> registerModel(DjlEndpoint endpoint, ModelRegistration registration,
      Deadline deadline) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("url", registration.url());
    query.put("model_name", registration.modelName());
    query.put("engine", registration.engine());
    query.put("min_worker", registration.minWorker());
    query.put("max_worker", registration.maxWorker());
    query.put("synchronous", registration.synchronous());
    Call call = Call.of(HttpMethod.POST, "/models" + query(query), JSON, true);
    return guarded(endpoint, call, deadline, answer -> decode(endpoint, call, answer, ManagementStatus.class));
  }

  /** {@code PUT /models/{name}?min_worker=&max_worker=}: scales the model's workers ({@code null} keeps a bound). */
  public Uni<ManagementStatus> scaleModel(DjlEndpoint endpoint, String name, Integer minWorker, Integer maxWorker,
      Deadline deadline) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("min_worker", minWorker);
    query.put("max_worker", maxWorker);
    Call call = Call.of(HttpMethod.PUT, "/models/" + segment(name) + query(query), JSON, true);
    return guarded(endpoint, call, deadline, answer -> decode(endpoint, call, answer, ManagementStatus.class));
  }

  /** {@code DELETE /models/{name}}: unregisters the model; {@code ModelNotLoaded} when the pod has no such model. */
  public Uni<ManagementStatus> unregisterModel(DjlEndpoint endpoint, String name, Deadline deadline) {
    Call call = Call.of(HttpMethod.DELETE, "/models/" + segment(name), JSON, true);
    return guarded(endpoint, call, deadline, answer -> decode(endpoint, call, answer, ManagementStatus.class));
  }

  /**
   * {@code GET /server/metrics}: DJL's Prometheus text, as it is. {@code UpstreamMetricsDisabled} when the pod runs
   * without {@code SERVING_PROMETHEUS=true}.
   */
  public Uni<String> serverMetrics(DjlEndpoint endpoint, Deadline deadline) {
    Call call = Call.get("/server/metrics", "text/plain");
    return guarded(endpoint, call, deadline, answer -> answer.body().toString(StandardCharsets.UTF_8));
  }

  // ---- breakers

  /** The state of the pod's circuit breaker; {@code CLOSED} for a pod not called yet. */
  public CircuitBreakerState breakerState(DjlEndpoint endpoint) {
    return guards.state(endpoint);
  }

  /** Drops what the client keeps for a pod that is gone (its breaker); a later call starts afresh. */
  public void forget(DjlEndpoint endpoint) {
    guards.forget(endpoint);
  }

  /** Calls sent again so far (refused before a byte left, or a GET that failed on I/O), to all pods. */
  public long retriesSent() {
    return guards.retries();
  }

  /** Connections opened so far, to all pods; a reused connection does not count. */
  public long connectionsOpened() {
    return transport.connectionsOpened();
  }

  @Override
  public void close() {
    transport.close();
  }

  // ---- plumbing

  private <T> Uni<T> guarded(DjlEndpoint endpoint, Call call, Deadline deadline, Exchange.Decoder<T> decoder) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(deadline, "deadline");
    return Uni.createFrom().deferred(() -> {
      Cancellation cancellation = new Cancellation();
      Context context = transport.vertx.getOrCreateContext();
      Exchange.Decoder<T> reader = successOnly(endpoint, call, decoder);
      CompletionStage<T> result = guards.call(endpoint,
          () -> Exchange.start(transport, context, endpoint, call, deadline, reader, cancellation));
      return fromStage(endpoint, result, context, cancellation);
    });
  }

  private <T> Uni<T> fromStage(DjlEndpoint endpoint, CompletionStage<T> result, Context context,
      Cancellation cancellation) {
    return Uni.createFrom().completionStage(result)
        .onFailure().transform(failure -> DjlErrors.afterGuard(endpoint, failure,
            transport.settings.breaker().delay()))
        .onCancellation().invoke(() -> {
          Runnable stop = cancellation.cancel();
          if (stop != null) {
            context.runOnContext(ignored -> stop.run());
          }
        });
  }

  private <T> Multi<T> stream(DjlEndpoint endpoint, Call call, Deadline deadline, Class<T> type) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(deadline, "deadline");
    return Multi.createFrom().publisher(LineStream.publisher(transport, guards, endpoint, call, deadline, json,
        line -> {
          try {
            return json.treeToValue(line, type);
          } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw DjlErrors.unreadable(endpoint, call, 200, null,
                "a line that is not a " + type.getSimpleName());
          }
        }));
  }

  private PingResult ping(DjlEndpoint endpoint, Call call, Answer answer) {
    PodHealth health = switch (answer.status()) {
      case 200 -> PodHealth.HEALTHY;
      case 500 -> PodHealth.MODEL_FAILED;
      case 503 -> PodHealth.BREAKER_TRIPPED;
      default -> throw DjlErrors.fromAnswer(endpoint, call, answer.status(), answer.headers(), answer.body());
    };
    JsonNode node;
    try {
      node = json.readTree(answer.body().getBytes());
    } catch (IOException notJson) {
      if (health == PodHealth.HEALTHY) {
        throw DjlErrors.unreadable(endpoint, call, answer.status(), answer.requestId(),
            "a ping that is not JSON");
      }
      node = null;
    }
    Map<String, String> status = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (value.isObject() && value.path("status").isTextual()) {
          status.put(field.getKey(), value.path("status").asText());
        } else if (value.isTextual()) {
          status.put(field.getKey(), value.asText());
        }
      }
    }
    return new PingResult(health, status);
  }

  /** A decoder of 2xx answers; anything else is DJL's error, mapped. */
  private static <T> Exchange.Decoder<T> successOnly(DjlEndpoint endpoint, Call call, Exchange.Decoder<T> decoder) {
    return answer -> {
      if (!answer.success()) {
        throw DjlErrors.fromAnswer(endpoint, call, answer.status(), answer.headers(), answer.body());
      }
      return decoder.decode(answer);
    };
  }

  private <T> T decode(DjlEndpoint endpoint, Call call, Answer answer, Class<T> type) {
    try {
      return json.readValue(answer.body().getBytes(), type);
    } catch (IOException unreadable) {
      throw DjlErrors.unreadable(endpoint, call, answer.status(), answer.requestId(),
          "an answer that is not a " + type.getSimpleName());
    }
  }

  private <T> T decode(DjlEndpoint endpoint, Call call, Answer answer, TypeReference<T> type) {
    try {
      return json.readValue(answer.body().getBytes(), type);
    } catch (IOException unreadable) {
      throw DjlErrors.unreadable(endpoint, call, answer.status(), answer.requestId(),
          "an answer that cannot be read");
    }
  }

  private Buffer body(Object request) {
    try {
      return Buffer.buffer(json.writeValueAsBytes(request));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body of " + request.getClass().getSimpleName(),
          e);
    }
  }

  private static String invocations(String modelName) {
    return modelName == null ? "/invocations" : "/invocations?model_name=" + encode(modelName);
  }

  private static String query(Map<String, Object> parameters) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    parameters.forEach((name, value) -> {
      if (value != null) {
        query.add(name + "=" + encode(value.toString()));
      }
    });
    return query.toString();
  }

  private static String segment(String name) {
    Objects.requireNonNull(name, "name");
    return encode(name).replace("+", "%20");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
