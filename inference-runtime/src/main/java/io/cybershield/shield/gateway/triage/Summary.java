package io.cybershield.shield.gateway.triage;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary of a batch for people, written from the merged findings themselves (so it never says less than the
 * findings do); the model's own summary, when it gave a usable one, follows as what the model adds.
 */
final class Summary {

  private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

  private Summary() {
  }

  static String of(List<TriageApi.Finding> findings, int lines, String modelSummary) {
    StringBuilder text = new StringBuilder();
    if (findings.isEmpty()) {
      text.append("None of the ").append(lines).append(lines == 1 ? " line" : " lines")
          .append(" shows known malicious activity.");
    } else {
      Map<String, Long> bySeverity = findings.stream()
          .collect(Collectors.groupingBy(TriageApi.Finding::severity, Collectors.counting()));
      text.append(findings.size()).append(" of ").append(lines).append(lines == 1 ? " line needs" : " lines need")
          .append(" a look (")
          .append(SEVERITIES.stream().filter(bySeverity::containsKey)
              .map(severity -> bySeverity.get(severity) + " " + severity).collect(Collectors.joining(", ")))
          .append(").");
      TriageApi.Finding worst = findings.stream()
          .max(Comparator.comparingInt(TriageApi.Finding::risk).thenComparing(f -> -f.index())).orElseThrow();
      text.append(" Most serious: line ").append(worst.index());
      if (!worst.techniques().isEmpty()) {
        TriageApi.Technique technique = worst.techniques().get(0);
        text.append(", ").append(technique.id()).append(' ').append(technique.name());
      }
      text.append(" (risk ").append(worst.risk()).append("): ").append(worst.recommendation());
      Map<String, Long> techniques = new LinkedHashMap<>();
      findings.stream().sorted(Comparator.comparingInt(TriageApi.Finding::risk).reversed())
          .flatMap(finding -> finding.techniques().stream().limit(1))
          .forEach(technique -> techniques.merge(technique.id() + " " + technique.name(), 1L, Long::sum));
      if (techniques.size() > 1) {
        text.append(" Techniques seen: ").append(techniques.entrySet().stream().limit(5)
            .map(entry -> entry.getKey() + " (" + entry.getValue() + (entry.getValue() == 1 ? " line)" : " lines)"))
            .collect(Collectors.joining(", "))).append('.');
      }
    }
    if (modelSummary != null && !modelSummary.isBlank()) {
      text.append(" The model adds: ").append(modelSummary);
    }
    return text.toString();
  }
}
