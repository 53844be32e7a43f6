package io.cybershield.shield.gateway.triage.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of a line while it is parsed: keys in the order found, a key's values without repeats. */
final class Fields {

  /** A runaway line (a JSON array of 10 000 numbers) must not become 10 000 fields. */
  private static final int MAX_VALUES = 4096;

  final Map<String, List<String>> map = new LinkedHashMap<>();
  /** Key and value pairs already added: a long JSON array must not make each addition scan the key's values. */
  private final java.util.Set<String> seen = new java.util.HashSet<>();
  private int count;

  void add(String key, String value) {
    if (key == null || key.isEmpty() || value == null || count >= MAX_VALUES) {
      return;
    }
    List<String> values = map.computeIfAbsent(key, k -> new ArrayList<>(1));
    boolean fresh = seen.add(key + '\u0000' + value);
    if (values.isEmpty() || fresh) {
      values.add(value);
      count++;
    }
  }

  /** Adds the canonical name {@code key} unless the line already has it (the original wins). */
  void canonical(String key, String value) {
    if (value == null || value.isEmpty() || has(key)) {
      return;
    }
    add(key, value);
  }

  boolean has(String key) {
    List<String> values = map.get(key);
    return values != null && !values.isEmpty();
  }

  String first(String key) {
    List<String> values = map.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The first of several keys that is present. */
  String firstOf(String... keys) {
    for (String key : keys) {
      String value = first(key);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /** Copies {@code from}'s values to the canonical {@code to} when the line has no {@code to}. */
  void alias(String from, String to) {
    List<String> values = map.get(from);
    if (values == null || has(to)) {
      return;
    }
    for (String value : List.copyOf(values)) {
      add(to, value);
    }
  }
}
