package io.cybershield.shield.gateway.triage.rules;

import java.util.List;

/**
 * One rule matching one line of a request.
 *
 * @param rule the rule
 * @param index the line's {@link io.cybershield.shield.gateway.triage.logs.LogEvent#index()}
 * @param evidence the fields and values that made it match, never empty
 */
public record RuleHit(Rule rule, int index, List<Evidence> evidence) {

  public RuleHit {
    evidence = List.copyOf(evidence);
  }
}
