package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.gateway.tls.GatewayTls;
import io.cybershield.shield.gateway.tls.PreferredCipherSuites;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;

import java.nio.file.Path;
import java.util.LinkedHashSet;

import java.util.concurrent.atomic.LongAdder;

/**
 * The one Vert.x {@link HttpClient} of the DJL client: HTTP/1.1 with keep-alive, a pool of connections per pod.
 * Vert.x honours {@code Connection: close}: a connection DJL closes after an error answer is never handed out again.
 * <p>
 * With the model servers' CA ({@code spec.tls.upstream}), a second client speaks HTTPS to pods whose endpoint names
 * a server name: TLS 1.3 and 1.2 only, Shield's suites in Shield's order, the certificate verified against that CA
 * and that name (which is also sent as SNI), while the connection goes to the pod's IP.
 */
final class Transport implements AutoCloseable {

  final Vertx vertx;
  final DjlClientSettings settings;
  final HttpClient http;
  private final HttpClient https;
  private final LongAdder connectionsOpened = new LongAdder();

  Transport(Vertx vertx, DjlClientSettings settings) {
    this(vertx, settings, null);
  }

  /** @param upstreamCa PEM file of the CA the model servers' certificates are verified with; null: HTTP only */
  Transport(Vertx vertx, DjlClientSettings settings, Path upstreamCa) {
    this.vertx = vertx;
    this.settings = settings;
    HttpClientOptions options = new HttpClientOptions()
        .setName("shield-djl")
        .setProtocolVersion(HttpVersion.HTTP_1_1)
        .setKeepAlive(true)
        .setKeepAliveTimeout(Math.max(1, (int) settings.keepAliveTimeout().toSeconds()))
        .setPipelining(false)
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
        .setDecompressionSupported(false)
        .setShared(false);
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(settings.poolSize());
    this.http = vertx.httpClientBuilder()
        .with(options)
        .with(pool)
        .withConnectHandler(connection -> connectionsOpened.increment())
        .build();
    if (upstreamCa == null) {
      this.https = null;
      return;
    }
    HttpClientOptions secure = new HttpClientOptions(options)
        .setName("shield-djl-tls")
        .setSsl(true)
        .setVerifyHost(true)
        .setForceSni(true)
        .setTrustAll(false)
        .setTrustOptions(new PemTrustOptions().addCertPath(upstreamCa.toString()))
        .setEnabledSecureTransportProtocols(new LinkedHashSet<>(GatewayTls.PROTOCOLS))
        .setSslEngineOptions(new PreferredCipherSuites())
        .setUseAlpn(false);
    this.https = vertx.httpClientBuilder()
        .with(secure)
        .with(pool)
        .withConnectHandler(connection -> connectionsOpened.increment())
        .build();
  }

  /** The client for an endpoint: HTTPS for one with a server name (refused when no CA was given), else HTTP. */
  HttpClient client(DjlEndpoint endpoint) {
    if (!endpoint.secure()) {
      return http;
    }
    if (https == null) {
      throw new IllegalStateException("the model servers serve HTTPS but the gateway has no CA for them ("
          + GatewayTls.UPSTREAM_CA_FILE + ", SHIELD_TLS_UPSTREAM_CA_FILE, is not set)");
    }
    return https;
  }

  RequestOptions options(DjlEndpoint endpoint, Call call, long connectTimeoutMillis) {
    RequestOptions options = new RequestOptions()
        .setMethod(call.method())
        .setHost(endpoint.secure() ? endpoint.serverName() : endpoint.host())
        .setPort(endpoint.port())
        .setURI(call.uri())
        .setConnectTimeout(Math.max(1, connectTimeoutMillis))
        .putHeader(HttpHeaders.ACCEPT, call.accept());
    if (endpoint.secure()) {
      // connect to the pod, verify (and ask for, by SNI) the Service's name
      options.setServer(SocketAddress.inetSocketAddress(endpoint.port(), endpoint.host())).setSsl(true);
    }
    if (call.body() != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    return options;
  }

  /** Connections opened so far, to every pod: a reused connection does not count. */
  long connectionsOpened() {
    return connectionsOpened.sum();
  }

  @Override
  public void close() {
    http.close().toCompletionStage().toCompletableFuture().join();
    if (https != null) {
      https.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
