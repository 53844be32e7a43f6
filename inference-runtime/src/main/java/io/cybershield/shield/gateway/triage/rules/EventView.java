package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One event during one evaluation, with the lower-cased values cached: every rule that looks at
 * {@code CommandLine} compares against the same lower-cased text, computed once instead of once per rule.
 */
final class EventView {

  final LogEvent event;
  private final Map<String, List<String>> values = new HashMap<>();
  private final Map<String, List<String>> lower = new HashMap<>();
  private String rawLower;

  EventView(LogEvent event) {
    this.event = event;
  }

  List<String> values(String field) {
    List<String> cached = values.get(field);
    if (cached == null) {
      cached = event.values(field);
      values.put(field, cached);
    }
    return cached;
  }

  List<String> lower(String field) {
    List<String> cached = lower.get(field);
    if (cached == null) {
      List<String> values = values(field);
      cached = new ArrayList<>(values.size());
      for (String value : values) {
        cached.add(value.toLowerCase(Locale.ROOT));
      }
      lower.put(field, cached);
    }
    return cached;
  }

  String raw() {
    return event.raw();
  }

  String rawLower() {
    if (rawLower == null) {
      rawLower = event.raw().toLowerCase(Locale.ROOT);
    }
    return rawLower;
  }
}
