package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.gateway.tls.GatewayTls;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's one {@link DjlClient}, on Quarkus' Vert.x, configured from {@code shield.djl.*}. */
@ApplicationScoped
public class DjlClientProducer {

  @Produces
  @Singleton
  DjlClient djlClient(Vertx vertx, DjlClientConfig config,
      @ConfigProperty(name = GatewayTls.UPSTREAM_CA_FILE) Optional<String> upstreamCa) {
    return new DjlClient(vertx, config.settings(),
        upstreamCa.filter(GatewayTls::enabled).map(java.nio.file.Path::of).orElse(null));
  }

  void close(@Disposes DjlClient client) {
    client.close();
  }
}
