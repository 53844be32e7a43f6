package io.cybershield.shield.gateway.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The error shape below JAX-RS, on the Vert.x router: a path nothing serves, a method a route does not take, a
 * body too large, or a failure in a Vert.x route ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}) —
 * instead of Vert.x's and Quarkus' HTML pages.
 */
@Singleton
public class RouteErrors {

  private static final Logger LOG = Logger.getLogger(RouteErrors.class);

  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
  MemorySize maxBodySize;

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    // the probes, metrics and the OpenAPI document only read: SmallRye Health would answer DELETE with 200
    router.routeWithRegex("/q/.*").order(Integer.MIN_VALUE).handler(context -> {
      HttpMethod method = context.request().method();
      if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
        context.next();
      } else {
        answer(context, 405);
      }
    });
    // a body declared larger than the limit, on any path (Quarkus REST would answer it with an empty 413)
    router.route().order(Integer.MIN_VALUE).handler(context -> {
      String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
      if (length != null && declaredLength(length) > maxBodySize.asLongValue()) {
        answer(context, 413);
      } else {
        context.next();
      }
    });
    router.route().order(Integer.MAX_VALUE).handler(context -> answer(context, 404));
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException unreadable) {
      return -1;
    }
  }

  private void failure(RoutingContext context) {
    int status = context.statusCode() > 0 ? context.statusCode() : 500;
    if (status >= 500) {
      Throwable failure = context.failure();
      LOG.errorf("A request failed inside the gateway (%d): %s", status,
          failure == null ? "no exception" : SafeLog.describe(failure));
    }
    answer(context, status);
  }

  static void answer(RoutingContext context, int status) {
    if (context.response().headWritten()) {
      context.response().reset();
      return;
    }
    context.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(HttpErrors.forStatus(status).json());
  }
}
