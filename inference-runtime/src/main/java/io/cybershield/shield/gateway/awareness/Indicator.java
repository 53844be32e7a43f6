package io.cybershield.shield.gateway.awareness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing the analysis saw in an email.
 *
 * @param kind     what sort of sign, a stable snake_case name (the audit log and the metrics use it)
 * @param severity how much it weighs
 * @param detail   what was seen, in plain words, quoting only the domain, file name or phrase that triggered it
 * @param weight   its share of the score; negative for a reassuring fact. Not part of the answer: the thresholds may
 *                 change, the kinds and severities are the contract
 */
@JsonPropertyOrder({"kind", "severity", "detail"})
public record Indicator(String kind, Severity severity, String detail, @JsonIgnore int weight) {

  static Indicator of(String kind, Severity severity, int weight, String detail) {
    return new Indicator(kind, severity, detail, weight);
  }
}
