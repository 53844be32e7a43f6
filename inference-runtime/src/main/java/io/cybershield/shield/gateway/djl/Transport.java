package io.cybershield.shield.gateway.djl;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.atomic.LongAdder;

/**
 * The one Vert.x {@link HttpClient} of the DJL client: HTTP/1.1 with keep-alive, a pool of connections per pod.
 * Vert.x honours {@code Connection: close}: a connection DJL closes after an error answer is never handed out again.
 */
final class Transport implements AutoCloseable {

  final Vertx vertx;
  final DjlClientSettings settings;
  final HttpClient http;
  private final LongAdder connectionsOpened = new LongAdder();

  Transport(Vertx vertx, DjlClientSettings settings) {
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
  }

  RequestOptions options(DjlEndpoint endpoint, Call call, long connectTimeoutMillis) {
    RequestOptions options = new RequestOptions()
        .setMethod(call.method())
        .setHost(endpoint.host())
        .setPort(endpoint.port())
        .setURI(call.uri())
        .setConnectTimeout(Math.max(1, connectTimeoutMillis))
        .putHeader(HttpHeaders.ACCEPT, call.accept());
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
  }
}
