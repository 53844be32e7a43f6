package io.cybershield.shield.deploy.monitoring;

import io.cybershield.shield.sandbox.testing.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics docs/metrics.md lists: one per table row, the name in backticks in the first column and the type in
 * the second, grouped by the {@code ## } section they are in (Operator, Gateway, Prometheus). The operator's and the
 * gateway's MetricsInventoryIT hold those sections to what the applications export; here alerts and panels are held
 * to the document.
 */
final class MetricsDoc {

  static final Path ROOT = Helm.projectRoot();
  static final Path FILE = ROOT.resolve("docs/metrics.md");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\\s*\\|\\s*(\\w+)\\s*\\|");
  /** What Micrometer appends to a histogram's name ({@code _bucket} only for histograms) and a summary's. */
  private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

  /** Section to (name to type). */
  private final Map<String, Map<String, String>> sections;

  private MetricsDoc(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  static MetricsDoc read() {
    try {
      return parse(Files.readString(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MetricsDoc parse(String markdown) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    String section = null;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        section = line.substring(3).trim();
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (section != null && row.find()) {
        sections.computeIfAbsent(section, s -> new TreeMap<>()).put(row.group(1), row.group(2));
      }
    }
    return new MetricsDoc(sections);
  }

  Map<String, String> section(String name) {
    return sections.getOrDefault(name, Map.of());
  }

  /** Every documented metric, whichever component exports it, to its type. */
  Map<String, String> all() {
    Map<String, String> all = new TreeMap<>();
    sections.values().forEach(all::putAll);
    return all;
  }

  /**
   * Whether a series name a query uses is a documented metric: the name itself, or a documented histogram's
   * {@code _bucket}, {@code _count}, {@code _sum} or {@code _max}, or a summary's {@code _count}, {@code _sum} or
   * {@code _max}.
   */
  boolean documents(String series) {
    Map<String, String> all = all();
    if (all.containsKey(series)) {
      return true;
    }
    for (String suffix : SUFFIXES) {
      if (series.endsWith(suffix)) {
        String type = all.get(series.substring(0, series.length() - suffix.length()));
        if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
          return true;
        }
      }
    }
    return false;
  }
}
