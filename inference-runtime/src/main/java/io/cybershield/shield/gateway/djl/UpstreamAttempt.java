package io.cybershield.shield.gateway.djl;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What every attempt of a call shares, whole answer ({@link Exchange}) or stream ({@link LineStream}): connect within
 * the connect timeout, send, wait for the head within the first-byte timeout (unless DJL answers only when done),
 * keep the caller's deadline over all of it, and stop with one outcome — on failure closing the connection, since a
 * half-read answer leaves it unusable. What happens once the head arrives is the subclass's. Everything runs on one
 * Vert.x context, so the state needs no locks.
 */
abstract class UpstreamAttempt<R> {

  protected final Transport transport;
  protected final DjlEndpoint endpoint;
  protected final Call call;
  protected final Deadline deadline;
  protected final CompletableFuture<R> outcome;

  protected HttpClientRequest request;
  protected String requestId;
  protected boolean done;
  private long deadlineTimer = -1;
  private long firstByteTimer = -1;
  private long silenceTimer = -1;

  UpstreamAttempt(Transport transport, DjlEndpoint endpoint, Call call, Deadline deadline,
      CompletableFuture<R> outcome) {
    this.transport = transport;
    this.endpoint = endpoint;
    this.call = call;
    this.deadline = deadline;
    this.outcome = outcome;
  }

  /** Reads the answer whose head arrived: {@link #requestId} is set, the first-byte timer stopped. */
  protected abstract void answered(HttpClientResponse response);

  /** Starts the attempt, on the context. */
  final void begin() {
    if (deadline.expired()) {
      fail(DjlErrors.deadlinePassed(endpoint, call, deadline, null));
      return;
    }
    deadlineTimer = transport.vertx.setTimer(Math.max(1, deadline.remaining().toMillis()),
        id -> abort(DjlErrors.deadlinePassed(endpoint, call, deadline, requestId)));
    long connectTimeout = Math.min(transport.settings.connectTimeout().toMillis(), deadline.remaining().toMillis());
    transport.client(endpoint).request(transport.options(endpoint, call, connectTimeout))
        .onComplete(this::connected);
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
    cancelTimer(firstByteTimer);
    if (done) {
      return;
    }
    if (head.failed()) {
      fail(DjlErrors.connectionLost(endpoint, call, head.cause(), false, null));
      return;
    }
    HttpClientResponse response = head.result();
    requestId = response.getHeader("x-request-id");
    answered(response);
  }

  /** (Re)starts the between-chunks timer: the answer must not stay silent longer. */
  protected final void armSilence() {
    cancelTimer(silenceTimer);
    Duration timeout = transport.settings.betweenChunksTimeout();
    silenceTimer = transport.vertx.setTimer(timeout.toMillis(),
        id -> abort(DjlErrors.silence(endpoint, call, timeout, requestId)));
  }

  /** Stops the between-chunks timer while nobody waits for the next chunk. */
  protected final void disarmSilence() {
    cancelTimer(silenceTimer);
    silenceTimer = -1;
  }

  /** Ends the attempt with a value. */
  protected final void succeed(R value) {
    if (done) {
      return;
    }
    finish();
    outcome.complete(value);
  }

  /** Fails and closes the connection: a half-read answer leaves it unusable. */
  protected final void abort(Throwable failure) {
    if (done) {
      return;
    }
    fail(failure);
    if (request != null) {
      request.reset(0, failure);
    }
  }

  /** Fails; the connection is left to Vert.x (it ended, or never opened). */
  protected final void fail(Throwable failure) {
    if (done) {
      return;
    }
    finish();
    outcome.completeExceptionally(failure);
  }

  /** Stops the timers; after it the attempt ignores everything. */
  protected final void finish() {
    done = true;
    cancelTimer(deadlineTimer);
    cancelTimer(firstByteTimer);
    cancelTimer(silenceTimer);
  }

  private void cancelTimer(long timer) {
    if (timer >= 0) {
      transport.vertx.cancelTimer(timer);
    }
  }
}
