package io.cybershield.shield.gateway.djl;

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
  DjlClient djlClient(Vertx vertx, DjlClientConfig config) {
    return new DjlClient(vertx, config.settings());
  }

  void close(@Disposes DjlClient client) {
    client.close();
  }
}
