package io.cybershield.shield.gateway.djl;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One attempt of a call whose answer is read whole: connected, sent and timed as every {@link UpstreamAttempt}; it
 * reads the body (never silent for longer than the between-chunks timeout, never larger than the limit), then hands
 * it to the decoder, which maps an error status or reads the answer.
 */
final class Exchange<T> extends UpstreamAttempt<T> {

  /**
   * Reads a whole answer, whatever its status; throws a {@link DjlException} for an error or an answer it cannot
   * read.
   */
  @FunctionalInterface
  interface Decoder<T> {
    T decode(Answer answer);
  }

  private final Decoder<T> decoder;

  private Exchange(Transport transport, DjlEndpoint endpoint, Call call, Deadline deadline, Decoder<T> decoder) {
    super(transport, endpoint, call, deadline, new CompletableFuture<>());
    this.decoder = decoder;
  }

  /** Starts one attempt on {@code context}; {@code cancel} is told how to stop it. */
  static <T> CompletionStage<T> start(Transport transport, Context context, DjlEndpoint endpoint, Call call,
      Deadline deadline, Decoder<T> decoder, Cancellation cancel) {
    Exchange<T> exchange = new Exchange<>(transport, endpoint, call, deadline, decoder);
    context.runOnContext(ignored -> {
      if (cancel.attach(exchange::cancel)) {
        exchange.begin();
      } else {
        exchange.fail(new CancellationException("cancelled by the caller"));
      }
    });
    return exchange.outcome;
  }

  @Override
  protected void answered(HttpClientResponse response) {
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
      succeed(value);
    });
  }

  /** Called on the context by the caller's cancellation. */
  private void cancel() {
    abort(new CancellationException("cancelled by the caller"));
  }
}
