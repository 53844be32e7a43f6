package io.cybershield.shield.gateway.tls;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/** The HTTPS server of the gateway offers its cipher suites in Shield's order ({@link PreferredCipherSuites}). */
@ApplicationScoped
public class GatewayHttpsServer implements HttpServerOptionsCustomizer {

  @Override
  public void customizeHttpsServer(HttpServerOptions options) {
    options.setSslEngineOptions(new PreferredCipherSuites());
  }
}
