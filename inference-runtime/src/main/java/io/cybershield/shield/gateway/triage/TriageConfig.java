package io.cybershield.shield.gateway.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code shield.gateway.triage.*}: the limits of {@code POST /v1/triage} and how it asks the model. */
@ConfigMapping(prefix = "shield.gateway.triage")
public interface TriageConfig {

  /** The most lines one request may hold; more is a 400 that says to split the batch. */
  @WithDefault("5000")
  int maxLines();

  /** The longest line, in characters; a longer one is a 400 naming its index. */
  @WithDefault("65536")
  int maxLineChars();

  /** Whether the model is asked at all; without it triage is the shipped rules alone ({@code modelUsed: false}). */
  @WithDefault("true")
  boolean model();

  /**
   * The most lines put before the model in one request: the lines the rules flagged first, then the others in
   * order, so the prompt stays within what a model reads well. The answer says when the model saw only some.
   */
  @WithDefault("200")
  int modelMaxLines();

  /** The characters of one line the model is shown (the rules always read the whole line). */
  @WithDefault("2000")
  int modelMaxLineChars();

  /**
   * The most characters of log lines put before the model in one request (about a quarter as many tokens): lines are
   * added, flagged ones first, until the next would pass it.
   */
  @WithDefault("24000")
  int modelMaxPromptChars();

  /** The tokens the model may generate for its answer. */
  @WithDefault("1024")
  int modelMaxTokens();

  /** How long triage waits for the model before it answers with the rules' findings alone. */
  @WithDefault("60s")
  Duration modelTimeout();
}
