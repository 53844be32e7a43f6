package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogFormat;
import io.cybershield.shield.gateway.triage.logs.LogSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the rule tests: a one-rule set from a detection block, events from key/value pairs. */
final class RuleTesting {

  private RuleTesting() {
  }

  /** A rule set of one rule (id {@code t-1}) whose {@code detection:} block is {@code detection}. */
  static RuleSet oneRule(String detection) {
    return RuleSet.parse(Map.of("test.yml", ruleYaml("t-1", detection)));
  }

  static String ruleYaml(String id, String detection) {
    StringBuilder yaml = new StringBuilder("""
        title: Test rule
        id: %s
        level: high
        logsource: {product: windows}
        detection:
        """.formatted(id));
    for (String line : detection.split("\n")) {
      yaml.append("  ").append(line).append('\n');
    }
    return yaml.toString();
  }

  /** An event of unknown source (every rule applies) with fields from alternating keys and values. */
  static LogEvent event(String... keysAndValues) {
    return event(LogSource.AUTO, "", keysAndValues);
  }

  static LogEvent event(LogSource source, String raw, String... keysAndValues) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.computeIfAbsent(keysAndValues[i], k -> new java.util.ArrayList<>()).add(keysAndValues[i + 1]);
    }
    return new LogEvent(0, raw, source, LogFormat.KEY_VALUE, fields);
  }

  static LogEvent line(String raw) {
    return event(LogSource.AUTO, raw);
  }

  static boolean matches(RuleSet rules, LogEvent event) {
    return !rules.evaluate(List.of(event)).isEmpty();
  }
}
