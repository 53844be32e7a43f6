package io.cybershield.shield.gateway.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.parsetools.RecordParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A streamed answer of DJL ({@code application/jsonlines}: one compact JSON object per line, an empty line at the
 * end, an {@code {"error": ...}} line when the engine fails once the 200 is out) as a Reactive Streams publisher of
 * decoded lines, with the subscriber's demand all the way down: a newline {@link RecordParser} over the response,
 * fetched as many lines as the subscriber asked for and paused, and so the TCP connection with it, when it has
 * not asked for more.
 * <p>
 * One {@code LineStream} is one subscription. Its attempts pass the pod's guard: the stream counts for the breaker
 * when it ends, and an attempt is sent again only when it was refused before any byte left. Timeouts: connect, the
 * first byte (the response head), the silence between two lines while the subscriber waits for one, and the
 * caller's deadline over everything. Everything runs on one Vert.x context, signals to the subscriber included.
 */
final class LineStream<T> implements Flow.Subscription {

  /** Decodes one JSON line; throws a {@link DjlException} for one it cannot read. */
  @FunctionalInterface
  interface LineDecoder<T> {
    T decode(JsonNode line);
  }

  private final Transport transport;
  private final PodGuards guards;
  private final Context context;
  private final DjlEndpoint endpoint;
  private final Call call;
  private final Deadline deadline;
  private final ObjectMapper json;
  private final LineDecoder<T> decoder;

  private Flow.Subscriber<? super T> subscriber;
  private long demand;
  private boolean terminated;
  private Attempt current;

  private LineStream(Transport transport, PodGuards guards, Context context, DjlEndpoint endpoint, Call call,
      Deadline deadline, ObjectMapper json, LineDecoder<T> decoder) {
    this.transport = transport;
    this.guards = guards;
    this.context = context;
    this.endpoint = endpoint;
    this.call = call;
    this.deadline = deadline;
    this.json = json;
    this.decoder = decoder;
  }

  static <T> Flow.Publisher<T> publisher(Transport transport, PodGuards guards, DjlEndpoint endpoint, Call call,
      Deadline deadline, ObjectMapper json, LineDecoder<T> decoder) {
    return subscriber -> {
      LineStream<T> stream = new LineStream<>(transport, guards, transport.vertx.getOrCreateContext(), endpoint,
          call, deadline, json, decoder);
      stream.start(subscriber);
    };
  }

  private void start(Flow.Subscriber<? super T> subscriber) {
    this.subscriber = subscriber;
    subscriber.onSubscribe(this);
    CompletionStage<Void> whole = guards.call(endpoint, this::attempt);
    whole.whenComplete((ignored, failure) -> context.runOnContext(v -> terminate(failure)));
  }

  @Override
  public void request(long n) {
    context.runOnContext(ignored -> {
      if (terminated) {
        return;
      }
      if (n <= 0) {
        IllegalArgumentException rule309 = new IllegalArgumentException(
            "a subscriber must request a positive number of lines, not " + n);
        Attempt attempt = current;
        terminate(rule309);
        if (attempt != null) {
          attempt.stop();
        }
        return;
      }
      long before = demand;
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      if (current != null) {
        current.demanded(n, before == 0);
      }
    });
  }

  @Override
  public void cancel() {
    context.runOnContext(ignored -> {
      if (terminated) {
        return;
      }
      terminated = true;
      if (current != null) {
        current.stop();
      }
    });
  }

  private CompletionStage<Void> attempt() {
    CompletableFuture<Void> outcome = new CompletableFuture<>();
    context.runOnContext(ignored -> {
      if (terminated) {
        outcome.complete(null);
        return;
      }
      current = new Attempt(outcome);
      current.begin();
    });
    return outcome;
  }

  private void terminate(Throwable failure) {
    if (terminated) {
      return;
    }
    terminated = true;
    current = null;
    if (failure == null) {
      subscriber.onComplete();
    } else {
      subscriber.onError(failure instanceof IllegalArgumentException
          ? failure
          : DjlErrors.afterGuard(endpoint, failure, transport.settings.breaker().delay()));
    }
  }

  private void emit(T line) {
    if (demand != Long.MAX_VALUE) {
      demand--;
    }
    subscriber.onNext(line);
  }

  /** One attempt at the stream: one HTTP exchange. */
  private final class Attempt extends UpstreamAttempt<Void> {
    private RecordParser parser;

    Attempt(CompletableFuture<Void> outcome) {
      super(LineStream.this.transport, LineStream.this.endpoint, LineStream.this.call, LineStream.this.deadline,
          outcome);
    }

    @Override
    protected void answered(HttpClientResponse response) {
      if (response.statusCode() != 200) {
        readError(response);
        return;
      }
      parser = RecordParser.newDelimited("\n", response);
      parser.maxRecordSize(transport.settings.maxResponseBytes());
      parser.pause();
      parser.exceptionHandler(failure -> {
        if (failure instanceof IllegalStateException tooLong) {
          abort(DjlErrors.unreadable(endpoint, call, 200, requestId,
              "a line longer than " + transport.settings.maxResponseBytes() + " bytes"));
        } else {
          fail(DjlErrors.connectionLost(endpoint, call, failure, true, requestId));
        }
      });
      parser.endHandler(ignored -> succeed(null));
      parser.handler(this::line);
      if (demand > 0) {
        parser.fetch(demand);
        armSilence();
      }
    }

    /** An answer other than 200: read DJL's error body (it closes the connection after it). */
    private void readError(HttpClientResponse response) {
      Buffer body = Buffer.buffer();
      armSilence();
      response.handler(chunk -> {
        if (body.length() + chunk.length() <= 64 * 1024) {
          body.appendBuffer(chunk);
        }
        armSilence();
      });
      response.exceptionHandler(failure -> fail(
          DjlErrors.fromAnswer(endpoint, call, response.statusCode(), response.headers(), body)));
      response.endHandler(ignored -> fail(
          DjlErrors.fromAnswer(endpoint, call, response.statusCode(), response.headers(), body)));
    }

    private void line(Buffer record) {
      if (done) {
        return;
      }
      String text = record.toString(StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        // DJL ends its streams with an empty line; it is no line for the subscriber, so it takes none of
        // its demand
        parser.fetch(1);
        armSilence();
        return;
      }
      JsonNode node;
      try {
        node = json.readTree(text);
      } catch (IOException notJson) {
        abort(DjlErrors.unreadable(endpoint, call, 200, requestId, "a line that is not JSON"));
        return;
      }
      if (node.isObject() && node.has("error") && !node.has("token") && !node.has("choices")) {
        JsonNode error = node.get("error");
        abort(DjlErrors.streamError(endpoint, call, requestId,
            error.isTextual() ? error.asText() : error.toString()));
        return;
      }
      T line;
      try {
        line = decoder.decode(node);
      } catch (DjlException unreadable) {
        abort(unreadable);
        return;
      }
      emit(line);
      if (done) {
        return;
      }
      if (demand > 0) {
        armSilence();
      } else {
        disarmSilence();
      }
    }

    void demanded(long n, boolean wasIdle) {
      if (done || parser == null) {
        return;
      }
      parser.fetch(n);
      if (wasIdle && !done) {
        armSilence();
      }
    }

    /** The subscriber went away: close the connection; for the breaker, the pod did nothing wrong. */
    void stop() {
      if (done) {
        return;
      }
      finish();
      if (request != null) {
        request.reset();
      }
      outcome.complete(null);
    }
  }
}
