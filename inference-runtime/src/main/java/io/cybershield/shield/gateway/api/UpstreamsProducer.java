package io.cybershield.shield.gateway.api;

import io.cybershield.shield.gateway.routing.StaticUpstreams;
import io.cybershield.shield.gateway.routing.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The upstreams the API routes over; for now the stand-alone {@link StaticUpstreams} from the configuration. */
@ApplicationScoped
public class UpstreamsProducer {

  @Produces
  @Singleton
  Upstreams upstreams(GatewayConfig config) {
    return StaticUpstreams.fromConfig(config.routesFile(), config.endpoints());
  }
}
