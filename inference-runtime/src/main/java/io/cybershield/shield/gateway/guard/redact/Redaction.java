package io.cybershield.shield.gateway.guard.redact;

import java.util.List;

/**
 * A text with every finding replaced by {@code [REDACTED:<type>]}, and the findings, sorted and non-overlapping, in
 * the offsets of the original text.
 */
public record Redaction(String text, List<Finding> findings) {

  public Redaction {
    findings = List.copyOf(findings);
  }
}
