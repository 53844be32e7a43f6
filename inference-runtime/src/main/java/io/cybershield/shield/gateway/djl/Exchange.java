package io.cybershield.shield.gateway.djl;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One attempt of a call whose answer is read whole: connect, send, wait for the head (within the first-byte
 * timeout, unless DJL answers only when done), read the body (never silent for longer than the between-chunks
 * timeout, never larger than the limit), then hand it to the decoder, which maps an error status or reads the
 * answer. The caller's deadline bounds it all.
 * Everything runs on one Vert.x context, so the state needs no locks.
 */
final class Exchange<T> {

  /**
   * Reads a whole answer, whatever its status; throws a {@link DjlException} for an error or an answer it cannot
   * read.
   */
  @FunctionalInterface
  interface Decoder<T> {
    T decode(Answer answer);
  }

  private final Transport transport;
  private final Context context;
  private final DjlEndpoint endpoint;
  private final Call call;
  private final Deadline deadline;
  private final Decoder<T> decoder;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private HttpClientRequest request;
  private String requestId;
  private long deadlineTimer = -1;
  private long firstByteTimer = -1;
  private long silenceTimer = -1;
  private boolean done;

  private Exchange(Transport transport, Context context, DjlEndpoint endpoint, Call call, Deadline deadline,
      Decoder<T> decoder) {
    this.transport = transport;
    this.context = context;
    this.endpoint = endpoint;
    this.call = call;
    this.deadline = deadline;
    this.decoder = decoder;
  }

  /** Starts one attempt on {@code context}; {@code cancel} is told how to stop it. */
  static <T> CompletionStage<T> start(Transport transport, Context context, DjlEndpoint endpoint, Call call,
      Deadline deadline, Decoder<T> decoder, Cancellation cancel) {
    Exchange<T> exchange = new Exchange<>(transport, context, endpoint, call, deadline, decoder);
    context.runOnContext(ignored -> {
      if (cancel.attach(exchange::cancel)) {
        exchange.begin();
      } else {
        exchange.fail(new CancellationException("cancelled by the caller"));
      }
    });
    return exchange.result;
  }

  private void begin() {
    if (deadline.expired()) {
      fail(DjlErrors.deadlinePassed(endpoint, call, deadline, null));
      return;
    }
    deadlineTimer = transport.vertx.setTimer(Math.max(1, deadline.remaining().toMillis()),
        id -> abort(DjlErrors.deadlinePassed(endpoint, call, deadline, requestId)));
    long connectTimeout = Math.min(transport.settings.connectTimeout().toMillis(), deadline.remaining().toMillis());
    transport.http.request(transport.options(endpoint, call, connectTimeout)).onComplete(this::connected);
  }

  private void connected(AsyncResult<HttpClientRequest> connection) {
    if (done) {
      if (connection.succeeded()) {
        connection.result().reset();
      }
      return;
    }
    if (connection.failed()) {
      fail(DjlErrors.connectFailed(endpoint, call, connection.cause()));
      return;
    }
    request = connection.result();
    if (!call.answersWhenDone()) {
      Duration timeout = transport.settings.firstByteTimeout();
      firstByteTimer = transport.vertx.setTimer(timeout.toMillis(),
          id -> abort(DjlErrors.firstByteTimeout(endpoint, call, timeout)));
    }
    Future<HttpClientResponse> response = call.body() == null ? request.send() : request.send(call.body());
    response.onComplete(this::head);
  }

  private void head(AsyncResult<HttpClientResponse> head) {
    cancel(firstByteTimer);
    if (done) {
      return;
    }
    if (head.failed()) {
      fail(DjlErrors.connectionLost(endpoint, call, head.cause(), false, null));
      return;
    }
    HttpClientResponse response = head.result();
    requestId = response.getHeader("x-request-id");
    Buffer body = Buffer.buffer();
    int limit = transport.settings.maxResponseBytes();
    armSilence();
    response.handler(chunk -> {
      if (done) {
        return;
      }
      if (body.length() + chunk.length() > limit) {
        abort(DjlErrors.unreadable(endpoint, call, response.statusCode(), requestId,
            "an answer larger than " + limit + " bytes"));
        return;
      }
      body.appendBuffer(chunk);
      armSilence();
    });
    response.exceptionHandler(failure -> {
      if (!done) {
        fail(DjlErrors.connectionLost(endpoint, call, failure, true, requestId));
      }
    });
    response.endHandler(ignored -> {
      if (done) {
        return;
      }
      Answer answer = new Answer(response.statusCode(), response.headers(), body);
      T value;
      try {
        value = decoder.decode(answer);
      } catch (DjlException unreadable) {
        fail(unreadable);
        return;
      }
      finish();
      result.complete(value);
    });
  }

  private void armSilence() {
    cancel(silenceTimer);
    Duration timeout = transport.settings.betweenChunksTimeout();
    silenceTimer = transport.vertx.setTimer(timeout.toMillis(),
        id -> abort(DjlErrors.silence(endpoint, call, timeout, requestId)));
  }

  /** Called on the context by the caller's cancellation. */
  private void cancel() {
    abort(new CancellationException("cancelled by the caller"));
  }

  /** Fails and closes the connection: a half-read answer leaves it unusable. */
  private void abort(Throwable failure) {
    if (done) {
      return;
    }
    fail(failure);
    if (request != null) {
      request.reset(0, failure);
    }
  }

  private void fail(Throwable failure) {
    if (done) {
      return;
    }
    finish();
    result.completeExceptionally(failure);
  }

  private void finish() {
    done = true;
    cancel(deadlineTimer);
    cancel(firstByteTimer);
    cancel(silenceTimer);
  }

  private void cancel(long timer) {
    if (timer >= 0) {
      transport.vertx.cancelTimer(timer);
    }
  }
}
