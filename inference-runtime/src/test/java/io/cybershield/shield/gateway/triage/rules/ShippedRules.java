package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogParser;
import io.cybershield.shield.gateway.triage.logs.LogSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs the shipped rules on lines the way the service does (one request per call) for the per-source tests. */
final class ShippedRules {

  private ShippedRules() {
  }

  /** The ids of the shipped rules (level low or above) that fire on each line, sent together as one request. */
  static List<Set<String>> fired(LogSource source, String... lines) {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      events.add(LogParser.parse(source, i, lines[i]));
    }
    List<Set<String>> fired = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      fired.add(new LinkedHashSet<>());
    }
    for (RuleHit hit : RuleSet.shipped().evaluate(events)) {
      if (hit.rule().level().compareTo(Level.LOW) >= 0) {
        fired.get(hit.index()).add(hit.rule().id());
      }
    }
    return fired;
  }

  /** The rule ids that fire on one line sent alone. */
  static Set<String> firedAlone(LogSource source, String line) {
    return fired(source, line).get(0);
  }

  /** The primary (first) technique of every rule that fires on one line sent alone. */
  static Set<String> primaryTechniques(LogSource source, String line) {
    Set<String> ids = firedAlone(source, line);
    Set<String> techniques = new LinkedHashSet<>();
    for (Rule rule : RuleSet.shipped().rules()) {
      if (ids.contains(rule.id())) {
        rule.techniques().stream().findFirst().ifPresent(techniques::add);
      }
    }
    return techniques;
  }

  /** The same line repeated {@code times} times (for aggregation thresholds). */
  static String[] times(int times, String line) {
    String[] lines = new String[times];
    java.util.Arrays.fill(lines, line);
    return lines;
  }
}
