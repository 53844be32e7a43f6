package io.cybershield.shield.gateway.triage.rules;

import java.util.List;

/**
 * What a rule tells the analyst to do (the {@code shield:} block of a rule): Sigma rules say what was seen, a SOC
 * also needs the next step, and it is best written by whoever wrote the detection.
 *
 * @param recommendation one imperative sentence ({@code "Isolate the host now."}); empty when the rule has none
 * @param remediation ordered concrete steps; empty when the rule has none
 * @param category a free word grouping findings ({@code ransomware}, {@code credential-theft}); empty when none
 */
public record Response(String recommendation, List<String> remediation, String category) {

  public Response {
    recommendation = recommendation == null ? "" : recommendation.trim();
    remediation = remediation == null ? List.of() : List.copyOf(remediation);
    category = category == null ? "" : category.trim();
  }
}
