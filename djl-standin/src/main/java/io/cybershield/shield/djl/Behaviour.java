package io.cybershield.shield.djl;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the stand-in does with one inference request ({@code POST /invocations}, {@code /predictions/...},
 * {@code /v1/chat/completions}), as a {@link Script} hands them out. Three kinds:
 *
 * <ul>
 *   <li>{@link Generate}: a generation, streamed or not as the request asks, with its timing and, for a stream,
 *       how it ends (completes, fails with an error line, is dropped, or stalls until DJL's chunk timeout drops
 *       it);
 *   <li>{@link Failure}: one of DJL Serving's error answers, with its status, body and {@code Connection: close};
 *   <li>{@link Drop}: the connection is closed without an answer.
 * </ul>
 *
 * <p>The factories name the cases; the {@code with...} methods combine them, e.g.
 * {@code Behaviour.text("a", " b").withTokenDelay(Duration.ofMillis(20)).stallingAfter(1)}.
 */
public sealed interface Behaviour {

  /** The time before the first byte; {@code null} takes the stand-in's {@code firstTokenDelay} (generations) or none. */
  Duration delay();

  /** The same behaviour, answering after {@code delay}. */
  Behaviour withDelay(Duration delay);

  /**
   * The default: a deterministic echo of the prompt, marked as scripted — {@code "[stand-in]"} then the prompt's
   * words in turn ({@code " token1"}, {@code " token2"}, ... for an empty prompt) — of
   * {@code min(tokensPerRequest, max_new_tokens)} tokens.
   */
  static Generate generate() {
    return new Generate(null, null, null, Generate.Ending.COMPLETE, 0, null);
  }

  /** Exactly these tokens (their text as given, spaces included), cut at {@code max_new_tokens}. */
  static Generate text(String... tokens) {
    return generate().withText(tokens);
  }

  /** A generation whose first byte comes after {@code delay}. */
  static Generate delay(Duration delay) {
    return generate().withDelay(delay);
  }

  /** A generation with {@code tokenDelay} between two tokens. */
  static Generate tokenDelay(Duration tokenDelay) {
    return generate().withTokenDelay(tokenDelay);
  }

  /**
   * A stream (status 200) that sends {@code afterTokens} token lines, then {@code {"error":"..."}} and ends. A
   * request that did not ask to stream gets DJL's answer to an engine that failed mid-request instead: 500.
   */
  static Generate failMidStream(int afterTokens) {
    return generate().failingAfter(afterTokens, null);
  }

  /** As {@link #failMidStream(int)}, with this error text. */
  static Generate failMidStream(int afterTokens, String message) {
    return generate().failingAfter(afterTokens, message);
  }

  /** A stream that sends {@code afterTokens} token lines, then the connection closes without the stream's end. */
  static Generate dropMidStream(int afterTokens) {
    return generate().droppingAfter(afterTokens);
  }

  /**
   * A stream that sends {@code afterTokens} token lines, then nothing more: the stand-in drops the connection
   * once {@code chunkedReadTimeout} (DJL: 120 s) passes without a chunk. A request that did not ask to stream
   * gets no answer and is dropped the same way.
   */
  static Generate stall(int afterTokens) {
    return generate().stallingAfter(afterTokens);
  }

  /** 424 {@code {"code":424,"error":"Input parsing failed: ..."}}, as the LMI handler answers a body it cannot read. */
  static Failure inputParsingFailed() {
    return new Failure(Failure.Kind.INPUT_PARSING_FAILED, null, null);
  }

  /** As {@link #inputParsingFailed()}, with this text after {@code "Input parsing failed: "}. */
  static Failure inputParsingFailed(String detail) {
    return new Failure(Failure.Kind.INPUT_PARSING_FAILED, detail, null);
  }

  /** 404 {@code {"code":404,"type":"ModelNotFoundException","message":"Model or workflow not found: <model>"}}. */
  static Failure modelNotFound() {
    return new Failure(Failure.Kind.MODEL_NOT_FOUND, null, null);
  }

  /** 503 {@code WlmCapacityException}: the job queue is full. */
  static Failure wlmCapacity() {
    return new Failure(Failure.Kind.WLM_CAPACITY, null, null);
  }

  /** 503 {@code WlmException}: the model is not ready. */
  static Failure wlmNotReady() {
    return new Failure(Failure.Kind.WLM_NOT_READY, null, null);
  }

  /** 507: the engine ran out of memory. */
  static Failure outOfMemory() {
    return new Failure(Failure.Kind.OUT_OF_MEMORY, null, null);
  }

  /** 500: the Python engine died while the request was in flight. */
  static Failure engineDied() {
    return new Failure(Failure.Kind.ENGINE_DIED, null, null);
  }

  /** The connection is closed without an answer. */
  static Drop dropConnection() {
    return new Drop(null);
  }

  /**
   * A generation.
   *
   * @param tokens the exact tokens, or {@code null} for the echo of {@link Behaviour#generate()}
   * @param delay the time before the first byte, or {@code null} for the stand-in's {@code firstTokenDelay}
   * @param tokenDelay the time between tokens, or {@code null} for the stand-in's {@code tokenDelay}
   * @param ending how a stream ends
   * @param afterTokens for an ending other than {@link Ending#COMPLETE}: the token lines sent before it
   * @param errorMessage for {@link Ending#ERROR_LINE}: the error's text, or {@code null} for a default
   */
  record Generate(List<String> tokens, Duration delay, Duration tokenDelay, Ending ending, int afterTokens,
                  String errorMessage) implements Behaviour {

    /** How a stream ends. */
    public enum Ending {
      /** The last token line carries {@code generated_text}, then an empty line. */
      COMPLETE,
      /** {@code afterTokens} token lines, then {@code {"error":"..."}} and the end of the stream. */
      ERROR_LINE,
      /** {@code afterTokens} token lines, then the connection is closed. */
      DROP,
      /** {@code afterTokens} token lines, then silence until the chunk timeout drops the connection. */
      STALL
    }

    public Generate {
      tokens = tokens == null ? null : List.copyOf(tokens);
      if (tokens != null && tokens.isEmpty()) {
        throw new IllegalArgumentException("a scripted text needs at least one token");
      }
      Objects.requireNonNull(ending, "ending");
      if (afterTokens < 0) {
        throw new IllegalArgumentException("afterTokens must not be negative");
      }
      requireNonNegative(delay, "delay");
      requireNonNegative(tokenDelay, "tokenDelay");
    }

    @Override
    public Generate withDelay(Duration delay) {
      return new Generate(tokens, delay, tokenDelay, ending, afterTokens, errorMessage);
    }

    public Generate withTokenDelay(Duration tokenDelay) {
      return new Generate(tokens, delay, tokenDelay, ending, afterTokens, errorMessage);
    }

    public Generate withText(String... tokens) {
      return new Generate(List.of(tokens), delay, tokenDelay, ending, afterTokens, errorMessage);
    }

    public Generate failingAfter(int afterTokens, String message) {
      return new Generate(tokens, delay, tokenDelay, Ending.ERROR_LINE, afterTokens, message);
    }

    public Generate droppingAfter(int afterTokens) {
      return new Generate(tokens, delay, tokenDelay, Ending.DROP, afterTokens, null);
    }

    public Generate stallingAfter(int afterTokens) {
      return new Generate(tokens, delay, tokenDelay, Ending.STALL, afterTokens, null);
    }
  }

  /**
   * One of DJL Serving's error answers.
   *
   * @param kind which
   * @param message the text of the error, or {@code null} for DJL's own (or a scripted-failure default)
   * @param delay the time before the answer, or {@code null} for none
   */
  record Failure(Kind kind, String message, Duration delay) implements Behaviour {

    /** The error answers, with their HTTP status. */
    public enum Kind {
      INPUT_PARSING_FAILED(424),
      MODEL_NOT_FOUND(404),
      WLM_CAPACITY(503),
      WLM_NOT_READY(503),
      OUT_OF_MEMORY(507),
      ENGINE_DIED(500);

      private final int status;

      Kind(int status) {
        this.status = status;
      }

      public int status() {
        return status;
      }
    }

    public Failure {
      Objects.requireNonNull(kind, "kind");
      requireNonNegative(delay, "delay");
    }

    @Override
    public Failure withDelay(Duration delay) {
      return new Failure(kind, message, delay);
    }
  }

  /** The connection is closed without an answer, after {@code delay} (or at once). */
  record Drop(Duration delay) implements Behaviour {

    public Drop {
      requireNonNegative(delay, "delay");
    }

    @Override
    public Drop withDelay(Duration delay) {
      return new Drop(delay);
    }
  }

  private static void requireNonNegative(Duration duration, String name) {
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}
