package io.cybershield.shield.gateway.api;

import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.djl.DjlException;
import io.cybershield.shield.gateway.security.Caller;
import io.cybershield.shield.gateway.error.ErrorBody;
import io.cybershield.shield.gateway.error.SafeLog;
import io.cybershield.shield.gateway.metrics.GatewayMetrics;
import io.cybershield.shield.gateway.metrics.RequestObservation;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * {@code POST /v1/generate} and {@code POST /v1/chat/completions} on the Vert.x router, below JAX-RS: whether an
 * answer is JSON or a stream is only known from the body, and the status and headers (variant, pool, or an error
 * with its {@code Retry-After}) must wait until the upstream has begun to answer. So the status is written once
 * the upstream's answer (or its first item) is there; a failure before that is an error status with the error
 * shape, a failure after it the stream's last line or event. A body larger than
 * {@code quarkus.http.limits.max-body-size} is refused with 413 before it is read whole. Their OpenAPI description
 * is {@code META-INF/openapi.yaml}. Every request is observed for the gateway's metrics ({@link GatewayMetrics}) until
 * its answer ends or its client goes away.
 */
@Singleton
public class InferenceRoutes {

  private static final Logger LOG = Logger.getLogger(InferenceRoutes.class);
  /** The {@code api} label of the metrics of {@code POST /v1/generate}. */
  static final String GENERATE = "generate";
  /** The {@code api} label of the metrics of {@code POST /v1/chat/completions}. */
  static final String CHAT = "chat";

  @Inject
  GenerateEndpoint generate;

  @Inject
  ChatEndpoint chat;

  @Inject
  GatewayMetrics metrics;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
  MemorySize maxBodySize;

  void install(@Observes Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
    router.post("/v1/generate").order(-100).handler(body).handler(context -> serve(context, GENERATE,
        (bytes, observation) -> generate.generate(bytes, observation, Caller.of(context), call(context))));
    router.post("/v1/chat/completions").order(-100).handler(body).handler(context -> serve(context, CHAT,
        (bytes, observation) -> chat.complete(context.request().getHeader("X-Shield-Priority"),
            context.request().getHeader("X-Shield-Classification"), bytes, observation, Caller.of(context),
            call(context))));
  }

  private static CallRecord call(RoutingContext context) {
    CallRecord call = context.get(CallRecord.KEY);
    if (call == null) {
      throw new IllegalStateException("no audit record: the security handler did not run");
    }
    return call;
  }

  private void serve(RoutingContext context, String api,
      BiFunction<byte[], RequestObservation, Uni<Reply>> endpoint) {
    RequestObservation observation = metrics.begin(api, System.nanoTime());
    CallRecord call = call(context);
    String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      fail(context.response(), new ApiException(415, "UnsupportedMediaType",
          "The request body must be application/json.", 0), observation, call);
      return;
    }
    Uni<Reply> reply;
    try {
      Buffer body = context.body().buffer();
      reply = endpoint.apply(body == null ? new byte[0] : body.getBytes(), observation);
    } catch (RuntimeException failure) {
      fail(context.response(), failure, observation, call);
      return;
    }
    HttpServerResponse response = context.response();
    AtomicReference<Cancellable> pending = new AtomicReference<>();
    response.closeHandler(ignored -> {
      observation.clientClosed();
      Cancellable upstream = pending.get();
      if (upstream != null) {
        upstream.cancel();
      }
    });
    // the request's own event loop, where its answer is written
    Context loop = Vertx.currentContext();
    pending.set(reply.subscribe().with(answer -> write(response, answer, observation, loop, call),
        failure -> fail(response, failure, observation, call)));
  }

  private static void write(HttpServerResponse response, Reply reply, RequestObservation observation,
      Context loop, CallRecord call) {
    if (response.closed() || response.ended()) {
      observation.clientClosed();
      if (reply.streamed()) {
        reply.body().subscribe().with(ignored -> { }, ignored -> { }).cancel();
      }
      return;
    }
    response.setStatusCode(reply.status());
    for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
      response.putHeader(header.getKey(), header.getValue());
    }
    if (!reply.streamed()) {
      // a whole answer: its length and bytes in one write
      response.end(reply.whole());
      observation.ended(reply.status());
      return;
    }
    response.setChunked(true);
    Bursts bursts = new Bursts(response, loop);
    reply.body().subscribe().withSubscriber(new MultiSubscriber<Buffer>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        if (response.closed()) {
          observation.clientClosed();
          s.cancel();
          return;
        }
        response.closeHandler(ignored -> {
          observation.clientClosed();
          s.cancel();
        });
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onItem(Buffer item) {
        bursts.write(item);
      }

      @Override
      public void onFailure(Throwable failure) {
        LOG.errorf("An answer failed after it began: %s", SafeLog.describe(failure));
        observation.streamFailed(ApiErrors.body(failure).error().code());
        call.put("error", ApiErrors.body(failure).error().code());
        observation.ended(reply.status());
        bursts.then(response::reset);
      }

      @Override
      public void onCompletion() {
        bursts.then(() -> {
          if (!response.closed()) {
            response.end();
            observation.ended(reply.status());
          } else {
            observation.clientClosed();
          }
        });
      }
    });
  }

  /**
   * A stream's pieces written a burst at a time: the lines that arrive within one turn of the response's event loop
   * (the tokens of one upstream read) leave in one write, right after that turn, instead of one write and flush
   * each. A piece arriving alone (a model's tokens, milliseconds apart) still leaves at once.
   */
  static final class Bursts {
    private final HttpServerResponse response;
    private final Context context;
    private Buffer pending;
    private boolean scheduled;

    Bursts(HttpServerResponse response, Context context) {
      this.response = response;
      this.context = context;
    }

    void write(Buffer piece) {
      if (context == null) {
        // not on an event loop (never the case for a served request): no batching
        if (!response.closed()) {
          response.write(piece);
        }
        return;
      }
      boolean schedule;
      synchronized (this) {
        if (pending == null) {
          pending = Buffer.buffer(piece.length());
        }
        pending.appendBuffer(piece);
        schedule = !scheduled;
        scheduled = true;
      }
      if (schedule) {
        context.runOnContext(ignored -> flush());
      }
    }

    /** Runs {@code last} once everything written so far has left. */
    void then(Runnable last) {
      if (context == null) {
        last.run();
        return;
      }
      context.runOnContext(ignored -> {
        flush();
        last.run();
      });
    }

    private void flush() {
      Buffer out;
      synchronized (this) {
        out = pending;
        pending = null;
        scheduled = false;
      }
      if (out != null && out.length() > 0 && !response.closed()) {
        response.write(out);
      }
    }
  }

  /**
   * A failure before the answer began: its status, {@code Retry-After} and the error shape, and the observation ends
   * with that status.
   */
  static void fail(HttpServerResponse response, Throwable failure, RequestObservation observation,
      CallRecord call) {
    call.put("error", ApiErrors.body(failure).error().code());
    if (response.closed() || response.ended()) {
      observation.clientClosed();
      return;
    }
    if (response.headWritten()) {
      observation.streamFailed(ApiErrors.body(failure).error().code());
      observation.ended(response.getStatusCode());
      response.reset();
      return;
    }
    int status;
    long retryAfter = 0;
    ErrorBody body = ApiErrors.body(failure);
    if (failure instanceof ApiException api) {
      status = api.status();
      retryAfter = api.retryAfterSeconds();
    } else if (failure instanceof DjlException djl) {
      LOG.warnf("Upstream failure: %s", djl.getMessage());
      status = djl.code().gatewayStatus();
      retryAfter = djl.retryAfter().map(after -> Math.max(1, (after.toMillis() + 999) / 1000)).orElse(0L);
    } else {
      LOG.errorf("A request failed inside the gateway: %s", SafeLog.describe(failure));
      status = 500;
    }
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (retryAfter > 0) {
      response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }
    response.end(body.json());
    observation.ended(status);
  }
}
