package io.cybershield.shield.gateway.triage;

import io.cybershield.shield.gateway.triage.attack.Tactic;
import io.cybershield.shield.gateway.triage.attack.Technique;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules' and the model's assessments of a batch, merged line by line. The rules are the authority the model can
 * add to but not take from: a line a rule flagged stays flagged whatever the model says, keeps the rule's
 * recommendation and remediation, and gains the model's extra techniques; the model may raise its risk by at most
 * {@value #MODEL_RAISE}. A line only the model flagged is kept (origin {@code model}) with its risk capped at
 * {@value #MODEL_ONLY_CAP}: nothing shipped corroborates it, so it is never called critical.
 */
final class Merge {

  static final int MODEL_RAISE = 15;
  static final int MODEL_ONLY_CAP = 75;

  private Merge() {
  }

  static List<TriageApi.Finding> findings(List<String> lines, List<Assessment> rules, List<Assessment> model) {
    Map<Integer, Assessment> byRules = new LinkedHashMap<>();
    rules.forEach(finding -> byRules.put(finding.index(), finding));
    Map<Integer, Assessment> byModel = new LinkedHashMap<>();
    model.forEach(finding -> byModel.put(finding.index(), finding));
    Map<Integer, TriageApi.Finding> merged = new TreeMap<>();
    for (Assessment rule : rules) {
      Assessment other = byModel.get(rule.index());
      merged.put(rule.index(), other == null ? finding(lines, rule, "rules") : both(lines, rule, other));
    }
    for (Assessment only : model) {
      if (!byRules.containsKey(only.index())) {
        merged.put(only.index(), modelOnly(lines, only));
      }
    }
    return List.copyOf(merged.values());
  }

  private static TriageApi.Finding both(List<String> lines, Assessment rule, Assessment model) {
    List<Technique> techniques = new ArrayList<>(rule.techniques());
    List<String> tactics = new ArrayList<>(rule.tactics());
    for (int i = 0; i < model.techniques().size(); i++) {
      Technique technique = model.techniques().get(i);
      if (techniques.stream().noneMatch(known -> known.id().equals(technique.id()))) {
        techniques.add(technique);
        tactics.add(model.tactics().get(i));
      }
    }
    int risk = Math.max(rule.risk(), Math.min(model.risk(), rule.risk() + MODEL_RAISE));
    Assessment merged = new Assessment(rule.index(), techniques, tactics, risk, rule.recommendation(),
        rule.remediation(), rule.evidence(), rule.ransomware() || model.ransomware());
    return finding(lines, merged, "both");
  }

  private static TriageApi.Finding modelOnly(List<String> lines, Assessment model) {
    String recommendation = model.recommendation() != null ? model.recommendation() : RuleTriage.INVESTIGATE;
    if (model.ransomware() && !RuleTriage.isolatesFirst(recommendation)) {
      recommendation = RuleTriage.isolation(null) + " " + recommendation;
    }
    Assessment capped = new Assessment(model.index(), model.techniques(), model.tactics(),
        Math.min(model.risk(), MODEL_ONLY_CAP), recommendation,
        model.ransomware() ? RuleTriage.RANSOMWARE_REMEDIATION : List.of(), List.of(), model.ransomware());
    return finding(lines, capped, "model");
  }

  private static TriageApi.Finding finding(List<String> lines, Assessment assessment, String origin) {
    List<TriageApi.Technique> techniques = new ArrayList<>();
    for (int i = 0; i < assessment.techniques().size(); i++) {
      Technique technique = assessment.techniques().get(i);
      techniques.add(new TriageApi.Technique(technique.id(), technique.name(), assessment.tactics().get(i),
          technique.tactics().stream().map(Tactic::shortname).toList()));
    }
    return new TriageApi.Finding(assessment.index(), lines.get(assessment.index()), techniques, assessment.risk(),
        RuleTriage.severity(assessment.risk()), assessment.recommendation(), assessment.remediation(),
        assessment.evidence(), origin);
  }
}
