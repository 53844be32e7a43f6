package io.cybershield.shield.gateway.triage.logs;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One line of a triage request, read into fields. The fields keep their original keys (so an analyst recognises
 * them) and, beside them, the canonical Sigma names the rules use ({@code EventID}, {@code CommandLine},
 * {@code src_ip}); a key may hold several values (a flattened JSON array, a repeated XML element).
 *
 * @param index the line's position in the request (0-based)
 * @param raw the line as given, without its trailing newline
 * @param source the source the line was read as: the declared one, or the detected one under {@code AUTO}
 * @param format how the line was read
 * @param fields the fields, in the order they were found; unmodifiable
 */
public record LogEvent(int index, String raw, LogSource source, LogFormat format, Map<String, List<String>> fields) {

  public LogEvent {
    raw = raw == null ? "" : raw;
    source = source == null ? LogSource.AUTO : source;
    format = format == null ? LogFormat.TEXT : format;
    fields = fields instanceof Fields f ? f : new Fields(fields == null ? Map.of() : fields);
  }

  /** The values of {@code field}: its exact key, else a key equal ignoring case; empty when absent. */
  public List<String> values(String field) {
    if (field == null) {
      return List.of();
    }
    return ((Fields) fields).lookup(field);
  }

  /** The first value of {@code field} ({@link #values}), if any. */
  public Optional<String> first(String field) {
    List<String> values = values(field);
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }

  /**
   * The fields, unmodifiable, with a case-insensitive index built once: rules look up a few hundred field names per
   * line, and a scan of every key for each would cost more than the matching.
   */
  private static final class Fields extends AbstractMap<String, List<String>> {
    private final Map<String, List<String>> byKey;
    private final Map<String, List<String>> byLowerKey;

    Fields(Map<String, List<String>> fields) {
      Map<String, List<String>> byKey = new LinkedHashMap<>();
      Map<String, List<String>> byLowerKey = new HashMap<>();
      for (Map.Entry<String, List<String>> entry : fields.entrySet()) {
        if (entry.getKey() == null) {
          continue;
        }
        List<String> values = entry.getValue() == null ? List.of()
            : List.copyOf(entry.getValue().stream().map(v -> v == null ? "" : v).toList());
        byKey.put(entry.getKey(), values);
        byLowerKey.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), values);
      }
      this.byKey = Collections.unmodifiableMap(byKey);
      this.byLowerKey = byLowerKey;
    }

    List<String> lookup(String field) {
      List<String> values = byKey.get(field);
      if (values == null) {
        values = byLowerKey.get(field.toLowerCase(Locale.ROOT));
      }
      return values == null ? List.of() : values;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
      return byKey.entrySet();
    }

    @Override
    public List<String> get(Object key) {
      return byKey.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return byKey.containsKey(key);
    }
  }
}
