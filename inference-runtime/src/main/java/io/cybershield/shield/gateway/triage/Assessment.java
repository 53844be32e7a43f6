package io.cybershield.shield.gateway.triage;

import io.cybershield.shield.gateway.triage.attack.Technique;

import java.util.List;

/**
 * What one layer (the rules or the model) says of one line, before the layers are merged into a
 * {@link TriageApi.Finding}.
 *
 * @param index          the line's index
 * @param techniques     live ATT&CK techniques, the primary first
 * @param tactics        for each technique, the tactic this line shows (the rule's tactic tag where it names one of
 *                       the technique's tactics, else the technique's first)
 * @param risk           0–100
 * @param recommendation what to do; null when the layer has none
 * @param remediation    ordered steps, possibly empty
 * @param evidence       what matched
 * @param ransomware     whether the line shows ransomware (its recommendation then starts with isolation)
 */
record Assessment(int index, List<Technique> techniques, List<String> tactics, int risk, String recommendation,
                  List<String> remediation, List<TriageApi.Evidence> evidence, boolean ransomware) {

  Assessment {
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    remediation = List.copyOf(remediation);
    evidence = List.copyOf(evidence);
    if (risk < 0 || risk > 100) {
      throw new IllegalArgumentException("risk is 0 to 100, got " + risk);
    }
  }
}
