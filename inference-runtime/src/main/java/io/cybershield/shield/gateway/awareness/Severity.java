package io.cybershield.shield.gateway.awareness;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How much an indicator says about an email. {@code INFO} is a reassuring fact (a sender the domain's own signature
 * vouches for), shown so the verdict stays explainable when it lowers the score.
 */
public enum Severity {
  INFO, LOW, MEDIUM, HIGH;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
