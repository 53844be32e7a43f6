package io.cybershield.shield.gateway.awareness;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What the analysis makes of an email, from its indicators' weights (see {@link EmailAnalyser}). */
public enum Verdict {
  PHISHING, SUSPICIOUS, BENIGN;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
