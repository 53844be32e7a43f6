package io.cybershield.shield.gateway.api;

import io.cybershield.shield.gateway.routing.Router;
import io.cybershield.shield.gateway.routing.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code routing}: DOWN until the gateway knows its routes and endpoints (on a cluster, until the
 * watches of the routing ConfigMap and of the pods have listed once), so that no Service sends it work it would
 * refuse for want of knowing. It says how many variants and ready endpoints there are, which need not be any: a
 * model with no ready pod is answered 503 by a ready gateway.
 */
@Readiness
@ApplicationScoped
public class RoutingReadiness implements HealthCheck {

  @Inject
  Upstreams upstreams;

  @Override
  public HealthCheckResponse call() {
    int variants = upstreams.routes().variants() == null ? 0 : upstreams.routes().variants().size();
    long ready = upstreams.endpoints().stream().filter(Router.Endpoint::ready).count();
    return HealthCheckResponse.named("routing")
        .status(upstreams.synced())
        .withData("variants", variants)
        .withData("readyEndpoints", ready)
        .build();
  }
}
