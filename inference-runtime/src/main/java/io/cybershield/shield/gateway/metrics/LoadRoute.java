package io.cybershield.shield.gateway.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.api.routing.GatewayLoad;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@code GET /q/load}: the gateway's load figures as one JSON document ({@link GatewayLoad}), read off
 * {@link GatewayMetrics} as the load gauges and the unserved counter are, so the document and {@code /q/metrics}
 * never disagree. The operator polls it to wake a parked private-cloud pool where no Prometheus is there to ask. It
 * carries counts only (no request content, principal or pod address) and, like {@code /q/metrics} and
 * {@code /q/health}, is not part of the public API's OpenAPI document. On the Vert.x router: the figures are in
 * memory, so the event loop answers at once.
 */
@Singleton
public class LoadRoute {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject
  GatewayMetrics metrics;

  void install(@Observes Router router) {
    router.get(GatewayLoad.PATH).order(-100).handler(context -> {
      String body;
      try {
        body = JSON.writeValueAsString(metrics.load());
      } catch (JsonProcessingException e) {
        context.fail(e);
        return;
      }
      context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body);
    });
  }
}
