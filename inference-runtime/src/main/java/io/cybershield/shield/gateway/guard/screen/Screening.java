package io.cybershield.shield.gateway.guard.screen;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * What the {@link Screener} found in one text: a verdict, a score in 0..1 (the evidence that the text tries to steer
 * the model, after context has been weighed) and the reasons, each a category and a short excerpt of the normalised
 * text that matched.
 */
public record Screening(Verdict verdict, double score, List<Reason> reasons) {

  /** allow: no or weak evidence; flag: moderate evidence, serve and audit; block: strong evidence. */
  public enum Verdict {
    ALLOW, FLAG, BLOCK;

    @JsonValue
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One piece of evidence; the excerpt is at most {@link Screener#EXCERPT_CHARS} characters. */
  public record Reason(String category, String excerpt) {
  }
}
