package io.cybershield.shield.gateway.awareness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An email's headers by name, case-insensitive, each with every value it had (a message carries several
 * {@code Received} and {@code Authentication-Results} headers; the top one is the one the receiving server added).
 */
public final class MailHeaders {

  private static final MailHeaders NONE = new MailHeaders(Map.of());
  private final Map<String, List<String>> values;

  private MailHeaders(Map<String, List<String>> values) {
    this.values = values;
  }

  public static MailHeaders none() {
    return NONE;
  }

  /** Headers given as a map, each a list of values in order. */
  public static MailHeaders of(Map<String, List<String>> given) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    given.forEach((name, list) -> values.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT),
        ignored -> new ArrayList<>()).addAll(list));
    return new MailHeaders(values);
  }

  /**
   * Headers as a raw block ({@code Name: value} lines; a line starting with a space or tab continues the one
   * before). Lines that are not headers are skipped; the block ends at the first empty line.
   */
  public static MailHeaders parse(String block) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : block.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        if (name != null || !values.isEmpty()) {
          break;
        }
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value.toString().strip());
        name = null;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).chars().allMatch(c -> c > 32 && c < 127)) {
        name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(line.substring(colon + 1));
      }
    }
    if (name != null) {
      values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value.toString().strip());
    }
    return new MailHeaders(values);
  }

  /** Every value of a header, top first; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first (top) value of a header, or null. */
  public String first(String name) {
    List<String> all = all(name);
    return all.isEmpty() ? null : all.get(0);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** How many characters the names and values hold, for the size limit. */
  public long chars() {
    long total = 0;
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      total += entry.getKey().length();
      for (String v : entry.getValue()) {
        total += v.length();
      }
    }
    return total;
  }
}
