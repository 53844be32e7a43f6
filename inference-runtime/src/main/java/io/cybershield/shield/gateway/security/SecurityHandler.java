package io.cybershield.shield.gateway.security;

import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.cybershield.shield.gateway.api.ApiException;
import io.cybershield.shield.gateway.audit.AuditLog;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.error.ErrorBody;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.cybershield.shield.gateway.siem.SiemAlertsRoute;
import io.cybershield.shield.gateway.siem.WebhookSecret;
import io.cybershield.shield.gateway.siem.WebhookSignatures;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;

/**
 * The door of every request under {@code /v1/}, before its body is read: it opens the request's audit record,
 * authenticates the bearer token ({@link Authentication}), finds the caller's roles in the model's current access
 * document (so a change of {@code spec.access} applies to the next request), checks that one of them opens the API
 * the path belongs to, and draws the request from the role's rate limits. It answers 401 {@code Unauthenticated}
 * (no token, or one no authenticator accepts), 403 {@code Forbidden} (naming the API, never the roles that would
 * open it), 429 {@code RateLimited}, 503 {@code AuthenticationUnavailable} when the authenticator cannot answer, or
 * 503 {@code NoReadyUpstream} while the gateway has no routing document (so no access roles) — never lets a request
 * through on a failure. A path of no API needs a role too, so a stranger learns nothing of
 * what exists (404 comes after authorization). {@code /v1/whoami} needs only a valid token.
 * <p>
 * The SIEM webhook has two more doors, open only while the model has a webhook secret
 * ({@code spec.access.siemWebhook}, {@link WebhookSecret}) and only to {@code POST /v1/siem/alerts}: a request with
 * no bearer token but {@value WebhookSignatures#SIGNATURE_HEADER} is read whole (its signature covers the body) and
 * let in when the HMAC is genuine, fresh and not replayed; {@code /v1/siem/alerts/hook/<secret>} is let in when the
 * path's secret is the webhook's. Either caller is {@code siem-webhook:<secretName>}, holds no role and can reach
 * nothing but the alerts; a refusal is a 401 saying what was wrong, counted like every other. The secret of a hook
 * path never reaches the audit record or a log: the path is recorded as {@value SiemAlertsRoute#MASKED_HOOK_PATH}.
 */
@Singleton
public class SecurityHandler {

  private static final Logger LOG = Logger.getLogger(SecurityHandler.class);
  private static final String CHALLENGE = "Bearer realm=\"shield-gateway\"";

  @Inject
  Authentication authentication;

  @Inject
  Upstreams upstreams;

  @Inject
  RateLimiter limiter;

  @Inject
  SecurityMetrics metrics;

  @Inject
  AuditLog audit;

  @Inject
  WebhookSecret webhook;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
  MemorySize maxBodySize;

  /** The routing-context key of a signed SIEM alert waiting for its body to be checked. */
  private static final String SIGNED = "shield.siem.signed";

  void install(@Observes Router router) {
    router.route("/v1/*").order(-200).handler(this::handle);
    // a signed SIEM alert is authenticated by its body: read it (bounded) before the signature is checked
    router.post(SiemAlertsRoute.PATH).order(-199)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
        .handler(this::checkSignature);
  }

  /** What a path calls. */
  enum Target {
    API, WHOAMI, ANY_ROLE
  }

  /** The API of a (normalised) path, or null for the paths any role may call and {@code /v1/whoami}. */
  static Api api(String path) {
    if (path.equals("/v1/generate")) {
      return Api.GENERATE;
    }
    if (path.equals("/v1/chat/completions")) {
      return Api.CHAT;
    }
    if (under(path, "/v1/triage")) {
      return Api.TRIAGE;
    }
    if (under(path, "/v1/awareness")) {
      return Api.AWARENESS;
    }
    if (under(path, "/v1/siem")) {
      return Api.INCIDENTS;
    }
    if (under(path, "/v1/guard")) {
      return Api.GUARD;
    }
    return null;
  }

  static Target target(String path) {
    return target(path, api(path));
  }

  private static Target target(String path, Api api) {
    if (api != null) {
      return Target.API;
    }
    return path.equals("/v1/whoami") ? Target.WHOAMI : Target.ANY_ROLE;
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /** The label of an API in the audit log and the metrics. */
  public static String label(Api api) {
    return api == null ? "none" : api.name().toLowerCase(Locale.ROOT);
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    String path = context.normalizedPath();
    boolean hook = SiemAlertsRoute.hook(path);
    CallRecord call = new CallRecord(request.method().name(), hook ? SiemAlertsRoute.MASKED_HOOK_PATH : path,
        source(request));
    context.put(CallRecord.KEY, call);
    context.response().putHeader("x-request-id", call.requestId());
    context.addEndHandler(ended -> audit.write(call, context.response().getStatusCode(),
        ended.succeeded() ? (String) call.get("error") : "ClientClosed"));
    Api api = api(path);
    Target target = target(path, api);
    call.put("api", target == Target.WHOAMI ? "whoami" : api == null ? "models" : label(api));
    if (hook) {
      hook(context, call, path.substring(SiemAlertsRoute.HOOK_PREFIX.length()));
      return;
    }
    String token = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null && path.equals(SiemAlertsRoute.PATH) && request.method() == HttpMethod.POST
        && (request.getHeader(WebhookSignatures.SIGNATURE_HEADER) != null
        || request.getHeader(WebhookSignatures.TIMESTAMP_HEADER) != null)) {
      signed(context, call);
      return;
    }
    if (token == null) {
      refuse(context, call, 401, "Unauthenticated", "This API needs a bearer token: send 'Authorization: Bearer "
          + "<token>' with a Kubernetes token (for a service account: kubectl create token <name>) or a token of "
          + "the model's OIDC provider.");
      return;
    }
    request.pause();
    Context loop = Vertx.currentContext();
    authentication.authenticate(token).subscribe().with(
        principal -> loop.runOnContext(ignored -> authorized(context, call, principal, target, api)),
        failure -> loop.runOnContext(ignored -> {
          if (failure instanceof Authentication.Unavailable unavailable) {
            LOG.warnf("cannot authenticate request %s: %s", call.requestId(), unavailable.getMessage());
            answer(context, call, 503, "AuthenticationUnavailable", "The gateway cannot check credentials right "
                + "now; retry shortly.", 5);
          } else if (failure instanceof Authentication.Refused refused) {
            LOG.debugf("refused the token of request %s: %s", call.requestId(), refused.getMessage());
            refuse(context, call, 401, "Unauthenticated", "The bearer token is not valid: it is unknown, expired, "
                + "revoked or not meant for this gateway.");
          } else {
            LOG.errorf("authentication of request %s failed: %s", call.requestId(),
                failure.getClass().getSimpleName());
            answer(context, call, 503, "AuthenticationUnavailable", "The gateway cannot check credentials right "
                + "now; retry shortly.", 5);
          }
        }));
  }

  private void authorized(RoutingContext context, CallRecord call, Principal principal, Target target, Api api) {
    call.put("principal", principal.name());
    call.put("authenticator", principal.authenticator());
    var routes = upstreams.routes();
    call.put("model", routes.model());
    if (routes.model() == null && target != Target.WHOAMI) {
      // no routing document (not read yet, or its ConfigMap deleted): neither the variants nor the access roles are
      // known, so nothing is served, and the caller is told to come back rather than that they hold no role
      answer(context, call, 503, "NoReadyUpstream", "The gateway has no routing document for its model yet (its "
          + "variants and access roles); retry shortly.", 5);
      return;
    }
    Grant grant = AccessPolicy.grant(routes.access(), principal);
    AccessRole role = null;
    if (target == Target.API) {
      role = grant.roleFor(api).orElse(null);
      if (role == null) {
        refuse(context, call, 403, "Forbidden", "You may not call the " + label(api) + " API of this model.");
        return;
      }
      call.put("role", label(role));
      try {
        limiter.admitRequest(principal, role);
      } catch (ApiException limited) {
        metrics.rateLimited(label(role), label(api));
        answer(context, call, limited.status(), limited.code(), limited.getMessage(), limited.retryAfterSeconds());
        return;
      }
    } else if (target == Target.ANY_ROLE && !grant.any()) {
      refuse(context, call, 403, "Forbidden", "You hold no role on this model.");
      return;
    }
    context.put(Caller.KEY, new Caller(principal, grant, api, role));
    context.request().resume();
    context.next();
  }

  /** The webhook's key when the model has one; otherwise the request is refused and empty returned. */
  private java.util.Optional<WebhookSecret.Key> webhookKey(RoutingContext context, CallRecord call) {
    var routes = upstreams.routes();
    call.put("model", routes.model());
    if (routes.model() == null) {
      answer(context, call, 503, "NoReadyUpstream", "The gateway has no routing document for its model yet (its "
          + "variants and access roles); retry shortly.", 5);
      return java.util.Optional.empty();
    }
    java.util.Optional<WebhookSecret.Key> key = webhook.key();
    if (key.isEmpty()) {
      refuse(context, call, 401, "Unauthenticated", "This model has no SIEM webhook secret "
          + "(spec.access.siemWebhook), so alerts need 'Authorization: Bearer <token>' of a responder.");
    }
    return key;
  }

  /** {@code /v1/siem/alerts/hook/<token>}: let in when the token is the webhook's secret. */
  private void hook(RoutingContext context, CallRecord call, String token) {
    var key = webhookKey(context, call);
    if (key.isEmpty()) {
      return;
    }
    try {
      WebhookSignatures.verifyToken(key.get().secret(), token);
    } catch (WebhookSignatures.Refusal refusal) {
      refuse(context, call, 401, refusal.code(), refusal.getMessage());
      return;
    }
    admitWebhook(context, call, key.get(), "siem-webhook-path");
  }

  /** A signed alert: its body is read next, then {@link #checkSignature} decides. */
  private void signed(RoutingContext context, CallRecord call) {
    var key = webhookKey(context, call);
    if (key.isEmpty()) {
      return;
    }
    context.put(SIGNED, key.get());
    context.next();
  }

  private void checkSignature(RoutingContext context) {
    WebhookSecret.Key key = context.get(SIGNED);
    if (key == null) {
      context.next();
      return;
    }
    CallRecord call = context.get(CallRecord.KEY);
    HttpServerRequest request = context.request();
    var body = context.body().buffer();
    try {
      webhook.signatures().verify(key.secret(), key.maxClockSkew(),
          request.getHeader(WebhookSignatures.TIMESTAMP_HEADER), request.getHeader(WebhookSignatures.SIGNATURE_HEADER),
          body == null ? new byte[0] : body.getBytes());
    } catch (WebhookSignatures.Refusal refusal) {
      refuse(context, call, 401, refusal.code(), refusal.getMessage());
      return;
    }
    admitWebhook(context, call, key, "siem-webhook-hmac");
  }

  /** The webhook's caller: no role, the incidents API only (this handler admits it nowhere else). */
  private static void admitWebhook(RoutingContext context, CallRecord call, WebhookSecret.Key key,
      String authenticator) {
    Principal principal = new Principal(key.principal(), null, List.of(), authenticator, null);
    call.put("principal", principal.name());
    call.put("authenticator", authenticator);
    context.put(Caller.KEY, new Caller(principal, new Grant(List.of()), Api.INCIDENTS, null));
    context.next();
  }

  private static String label(AccessRole role) {
    return role.name().name().toLowerCase(Locale.ROOT);
  }

  private void refuse(RoutingContext context, CallRecord call, int status, String code, String message) {
    if (metrics.refused(status, code, call.source())) {
      call.put("misuse", "repeated-refusals");
    }
    if (status == 401) {
      context.response().putHeader("WWW-Authenticate", CHALLENGE);
    }
    answer(context, call, status, code, message, 0);
  }

  private static void answer(RoutingContext context, CallRecord call, int status, String code, String message,
      int retryAfter) {
    call.put("error", code);
    context.request().resume();
    if (context.response().ended() || context.response().closed()) {
      return;
    }
    if (retryAfter > 0) {
      context.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter));
    }
    context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(ErrorBody.of(status, code, message).json());
  }

  /** The token of an {@code Authorization: Bearer} header; null when there is none. */
  static String bearer(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = value.substring(7).strip();
    return token.isEmpty() || token.length() > 16_384 ? null : token;
  }

  private static String source(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}
