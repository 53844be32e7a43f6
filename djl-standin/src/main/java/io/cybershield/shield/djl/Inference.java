package io.cybershield.shield.djl;

import io.cybershield.shield.djl.Behaviour.Generate.Ending;
import io.cybershield.shield.djl.Generation.Plan;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One inference request carried out on its connection's event loop: a timer for every wait, never a sleep;
 * a stream written only while the connection's write queue has room ({@code writeQueueFull}, then
 * {@code drainHandler}); a watchdog that drops the connection when the "engine" gives no chunk for
 * {@code chunkedReadTimeout}, as DJL's {@code sendOutput} does.
 */
final class Inference {

  private final StandInServer server;
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final String requestId;
  private final ServedModel model;
  private final String body;
  private final Vertx vertx;
  private final Context context;
  private final long arrival = System.nanoTime();
  private final long chunkTimeoutNanos;

  private boolean over;
  private boolean queued;
  private boolean started;
  private boolean draining;
  private long stepTimer = -1;
  private long watchdog = -1;
  private long lastChunk;

  private Behaviour.Generate generate;
  private Duration tokenDelay;
  private Generation.Request parsed;
  private Plan plan;
  private Answers.OpenAi openAi;
  private int limit;
  private int emitted;
  private boolean roleSent;

  Inference(StandInServer server, HttpServerRequest request, String requestId, ServedModel model, String body) {
    this.server = server;
    this.request = request;
    this.response = request.response();
    this.requestId = requestId;
    this.model = model;
    this.body = body;
    this.vertx = server.vertx();
    this.context = vertx.getOrCreateContext();
    this.chunkTimeoutNanos = server.options().chunkedReadTimeout().toNanos();
  }

  void run(Behaviour behaviour) {
    response.closeHandler(closed -> clientGone());
    response.exceptionHandler(failure -> clientGone());
    if (behaviour instanceof Behaviour.Drop) {
      after(orZero(behaviour.delay()), this::drop);
    } else if (behaviour instanceof Behaviour.Failure) {
      failure((Behaviour.Failure) behaviour);
    } else {
      generate = (Behaviour.Generate) behaviour;
      tokenDelay = generate.tokenDelay() != null ? generate.tokenDelay() : server.options().tokenDelay();
      Duration delay = generate.delay() != null ? generate.delay() : server.options().firstTokenDelay();
      engine(delay, this::startGeneration);
    }
  }

  private void failure(Behaviour.Failure failure) {
    Duration delay = orZero(failure.delay());
    String message = failure.message();
    switch (failure.kind()) {
      case MODEL_NOT_FOUND:
        after(delay, () -> finishWith(() -> server.sendError(request, requestId, 404, "ModelNotFoundException",
            message != null ? message : "Model or workflow not found: " + model.name())));
        break;
      case WLM_CAPACITY:
        after(delay, () -> finishWith(() -> server.wlmError(request, requestId, "WlmCapacityException",
            message != null ? message : "Worker queue capacity exceeded for model: " + model.name())));
        break;
      case WLM_NOT_READY:
        after(delay, () -> finishWith(() -> server.wlmError(request, requestId, "WlmException",
            message != null ? message : "Model is not ready: " + model.name())));
        break;
      case INPUT_PARSING_FAILED:
        engine(delay, () -> inputParsingFailed(message != null ? message : "[stand-in] scripted input parsing failure"));
        break;
      case OUT_OF_MEMORY:
        engine(delay, () -> engineFailure(507, "Async Inference Failure "
            + (message != null ? message : "CUDA error: out of memory ([stand-in] scripted)")));
        break;
      default:
        engine(delay, () -> engineFailure(500, message != null ? message : "Inference Engine Failure"));
        break;
    }
  }

  /** The request waits in the model's queue for {@code delay}, then the engine takes it. */
  private void engine(Duration delay, Runnable then) {
    lastChunk = System.nanoTime();
    armWatchdog(chunkTimeoutNanos);
    queued = true;
    model.enterQueue();
    after(delay, () -> {
      leaveQueue();
      server.metrics().queueTime(model.name(), micros(System.nanoTime() - arrival));
      then.run();
    });
  }

  private void startGeneration() {
    try {
      parsed = Generation.parse(body, request.getHeader("content-type"));
    } catch (Generation.InputParsingException e) {
      inputParsingFailed(e.getMessage());
      return;
    }
    plan = Generation.plan(generate, parsed, server.options().tokensPerRequest());
    if (parsed.shape() != Generation.Shape.LMI) {
      String prefix = parsed.shape() == Generation.Shape.CHAT ? "chatcmpl-" : "cmpl-";
      openAi = new Answers.OpenAi(prefix + UUID.randomUUID().toString().replace("-", ""),
          System.currentTimeMillis() / 1000, model.name(), parsed, plan);
    }
    int tokens = plan.tokens().size();
    limit = generate.ending() == Ending.COMPLETE ? tokens : Math.min(generate.afterTokens(), tokens);
    if (parsed.stream()) {
      emit();
      return;
    }
    switch (generate.ending()) {
      case COMPLETE:
        after(tokenDelay.multipliedBy(tokens - 1L), this::sendWhole);
        break;
      case ERROR_LINE:
        // without a stream, an engine failing mid-generation is DJL's 500
        after(tokenDelay.multipliedBy(limit), () -> engineFailure(500,
            generate.errorMessage() != null ? generate.errorMessage() : "Inference Engine Failure"));
        break;
      case DROP:
        after(tokenDelay.multipliedBy(limit), this::drop);
        break;
      default:
        // STALL: nothing comes; the watchdog drops the connection
        break;
    }
  }

  private void sendWhole() {
    String answer = openAi != null ? openAi.whole() : Answers.lmiWhole(parsed, plan);
    server.metrics().answered(200);
    finishWith(() -> server.sendFull(request, requestId, 200, null, "application/json", answer));
    server.metrics().requestLatency(model.name(), micros(System.nanoTime() - arrival));
  }

  /** Writes the stream's next line, or waits for the connection to drain, or ends the stream. */
  private void emit() {
    if (over) {
      return;
    }
    if (response.writeQueueFull()) {
      // a slow reader is not a silent engine: the watchdog waits while the connection drains
      draining = true;
      server.backpressurePause();
      response.drainHandler(drained -> {
        response.drainHandler(null);
        draining = false;
        lastChunk = System.nanoTime();
        emit();
      });
      return;
    }
    if (openAi != null && openAi.chat() && !roleSent) {
      roleSent = true;
      write(openAi.roleChunk());
      after(Duration.ZERO, this::emit);
      return;
    }
    int tokens = plan.tokens().size();
    if (emitted < limit) {
      boolean last = generate.ending() == Ending.COMPLETE && emitted == tokens - 1;
      write(openAi != null ? openAi.tokenChunk(emitted, last) : Answers.lmiLine(parsed, plan, emitted, last));
      emitted++;
      after(emitted < limit || generate.ending() != Ending.COMPLETE ? tokenDelay : Duration.ZERO, this::emit);
      return;
    }
    switch (generate.ending()) {
      case COMPLETE:
        if (openAi != null && parsed.includeUsage()) {
          write(openAi.usageChunk(tokens));
        }
        write("\n");
        endStream();
        break;
      case ERROR_LINE:
        write(Answers.errorLine(generate.errorMessage() != null ? generate.errorMessage()
            : "[stand-in] scripted failure after " + emitted + " tokens"));
        endStream();
        break;
      case DROP:
        drop();
        break;
      default:
        // STALL: nothing more; the watchdog drops the connection
        break;
    }
  }

  private void write(String chunk) {
    if (!started) {
      started = true;
      server.prepare(response, requestId);
      response.setStatusCode(200);
      response.putHeader("content-type", "application/jsonlines");
      response.setChunked(true);
      server.metrics().answered(200);
    }
    response.write(Buffer.buffer(chunk, "UTF-8"));
    lastChunk = System.nanoTime();
  }

  private void endStream() {
    finishWith(response::end);
    server.metrics().requestLatency(model.name(), micros(System.nanoTime() - arrival));
  }

  private void inputParsingFailed(String detail) {
    String error = "Input parsing failed: " + detail;
    server.metrics().answered(424);
    finishWith(() -> server.sendFull(request, requestId, 424, error, "application/json",
        Answers.handlerError(424, error)));
    server.metrics().requestLatency(model.name(), micros(System.nanoTime() - arrival));
  }

  private void engineFailure(int code, String message) {
    server.metrics().answered(code);
    finishWith(() -> server.sendFull(request, requestId, code, null, "application/json",
        Answers.engineFailure(code, message)));
  }

  /** Closes the connection without (the rest of) an answer. */
  private void drop() {
    if (over) {
      return;
    }
    stop();
    request.connection().close();
  }

  private void clientGone() {
    if (!over) {
      stop();
    }
  }

  private void finishWith(Runnable answer) {
    if (over) {
      return;
    }
    stop();
    answer.run();
  }

  private void stop() {
    over = true;
    leaveQueue();
    if (stepTimer >= 0) {
      vertx.cancelTimer(stepTimer);
      stepTimer = -1;
    }
    if (watchdog >= 0) {
      vertx.cancelTimer(watchdog);
      watchdog = -1;
    }
  }

  private void leaveQueue() {
    if (queued) {
      queued = false;
      model.leaveQueue();
    }
  }

  /**
   * Drops the connection once no chunk came for {@code chunkedReadTimeout}; re-armed only when it fires, so a
   * stream of many chunks costs no timer per chunk.
   */
  private void armWatchdog(long inNanos) {
    watchdog = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(inNanos)), id -> {
      watchdog = -1;
      if (over) {
        return;
      }
      long quiet = draining ? 0 : System.nanoTime() - lastChunk;
      if (quiet >= chunkTimeoutNanos) {
        drop();
      } else {
        armWatchdog(chunkTimeoutNanos - quiet);
      }
    });
  }

  private void after(Duration wait, Runnable then) {
    long millis = wait.isZero() ? 0 : Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
    if (millis == 0) {
      context.runOnContext(ignored -> {
        if (!over) {
          then.run();
        }
      });
      return;
    }
    stepTimer = vertx.setTimer(millis, id -> {
      stepTimer = -1;
      if (!over) {
        then.run();
      }
    });
  }

  private static Duration orZero(Duration duration) {
    return duration == null ? Duration.ZERO : duration;
  }

  private static long micros(long nanos) {
    return TimeUnit.NANOSECONDS.toMicros(nanos);
  }
}
