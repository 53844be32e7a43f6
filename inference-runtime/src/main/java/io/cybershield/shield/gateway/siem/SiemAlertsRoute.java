package io.cybershield.shield.gateway.siem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.api.v1alpha1.incident.IncidentIntake;
import io.cybershield.shield.api.v1alpha1.incident.SiemAlert;
import io.cybershield.shield.gateway.api.ApiException;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.error.ErrorBody;
import io.cybershield.shield.gateway.security.Caller;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/siem/alerts} and {@code POST /v1/siem/alerts/hook/<secret>} on the Vert.x router (the security
 * handler has let the request in: a responder's bearer token, or the webhook secret): the body is read whole (at most
 * {@code quarkus.http.limits.max-body-size}), normalised ({@link SiemPayloads}), applied to its incident
 * ({@link SiemIncidents}), and answered {@code {incident: "<namespace>/<name>", created, updated, resolved}} —
 * 201 when the alert created the incident, 200 otherwise. The audit record gets the alert's system and id, the
 * incident and the outcome ({@code created}, {@code raised}, {@code resolved}, {@code unchanged}, or the error code).
 * Described in {@code META-INF/openapi.yaml}.
 */
@Singleton
public class SiemAlertsRoute {

  /** The path of the webhook. */
  public static final String PATH = "/v1/siem/alerts";
  /** The prefix of the token-in-path webhook: {@code /v1/siem/alerts/hook/<secret>}. */
  public static final String HOOK_PREFIX = PATH + "/hook/";
  /** What the audit record and any log show of a token-in-path request's path. */
  public static final String MASKED_HOOK_PATH = HOOK_PREFIX + "***";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject
  SiemIncidents incidents;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
  MemorySize maxBodySize;

  void install(@Observes Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
    router.post(PATH).order(-100).handler(body).handler(this::serve);
    router.post(HOOK_PREFIX + "*").order(-100).handler(body).handler(this::serve);
  }

  /** Whether {@code path} is a token-in-path webhook call, whose path must never be written as it is. */
  public static boolean hook(String path) {
    return path.startsWith(HOOK_PREFIX);
  }

  private void serve(RoutingContext context) {
    Caller.of(context);
    CallRecord call = context.get(CallRecord.KEY);
    Map<String, Object> facts = new LinkedHashMap<>();
    call.put("siem", facts);
    SiemAlert alert;
    try {
      Buffer body = context.body().buffer();
      JsonNode payload = SiemPayloads.parse(body == null ? new byte[0] : body.getBytes());
      String format = context.queryParams().get("format");
      Optional<AlertFormat> forced = Optional.empty();
      if (format != null && !format.isBlank()) {
        forced = AlertFormat.fromName(format);
        if (forced.isEmpty()) {
          throw ApiException.badRequest(SiemPayloads.INVALID_ALERT, "The query parameter format must be generic, "
              + "splunk or elastic (or left out: the shape is detected).");
        }
      }
      Map<String, String> query = new LinkedHashMap<>();
      context.queryParams().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
      facts.put("format", forced.orElseGet(() -> AlertFormat.detect(payload)).id());
      alert = SiemPayloads.normalise(payload, forced, query);
    } catch (ApiException refused) {
      facts.put("outcome", refused.code());
      fail(context.response(), call, refused);
      return;
    }
    facts.put("system", alert.system());
    facts.put("alertId", alert.alertId());
    Context loop = Vertx.currentContext();
    incidents.submit(alert).subscribe().with(
        submission -> loop.runOnContext(ignored -> answer(context.response(), facts, submission)),
        failure -> loop.runOnContext(ignored -> {
          ApiException refused = SiemIncidents.answer(failure);
          facts.put("outcome", refused.code());
          fail(context.response(), call, refused);
        }));
  }

  private static void answer(HttpServerResponse response, Map<String, Object> facts,
      IncidentIntake.Submission submission) {
    facts.put("incident", submission.reference());
    facts.put("outcome", submission.created() ? "created" : !submission.updated() ? "unchanged"
        : submission.resolved() ? "resolved" : "raised");
    if (response.ended() || response.closed()) {
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("incident", submission.reference());
    answer.put("created", submission.created());
    answer.put("updated", submission.updated());
    answer.put("resolved", submission.resolved());
    String json;
    try {
      json = JSON.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and booleans is always JSON", e);
    }
    response.setStatusCode(submission.created() ? 201 : 200)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
  }

  private static void fail(HttpServerResponse response, CallRecord call, ApiException failure) {
    call.put("error", failure.code());
    if (response.ended() || response.closed()) {
      return;
    }
    if (failure.retryAfterSeconds() > 0) {
      response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(failure.retryAfterSeconds()));
    }
    response.setStatusCode(failure.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(ErrorBody.of(failure.status(), failure.code(), failure.getMessage()).json());
  }
}
