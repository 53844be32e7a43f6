package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label selectors (equality- and set-based, as {@code labels.Parse} accepts them) and field selectors
 * ({@code a.b=c}, {@code a.b!=c}) over stored objects.
 */
public final class Selectors {

  private Selectors() {
  }

  public static Predicate<JsonNode> labels(String selector) {
    if (selector == null || selector.isBlank()) {
      return o -> true;
    }
    List<Predicate<JsonNode>> requirements = new ArrayList<>();
    for (String req : splitTopLevel(selector)) {
      requirements.add(labelRequirement(req.trim()));
    }
    return o -> requirements.stream().allMatch(r -> r.test(o.path("metadata").path("labels")));
  }

  private static Predicate<JsonNode> labelRequirement(String req) {
    String lower = req.replaceAll("\\s+", " ");
    int in = lower.indexOf(" in ");
    int notin = lower.indexOf(" notin ");
    if (notin > 0) {
      String key = lower.substring(0, notin).trim();
      Set<String> values = values(lower.substring(notin + 7));
      return l -> !l.has(key) || !values.contains(l.get(key).asText());
    }
    if (in > 0) {
      String key = lower.substring(0, in).trim();
      Set<String> values = values(lower.substring(in + 4));
      return l -> l.has(key) && values.contains(l.get(key).asText());
    }
    if (req.contains("!=")) {
      String[] kv = req.split("!=", 2);
      return l -> !l.has(kv[0].trim()) || !l.get(kv[0].trim()).asText().equals(kv[1].trim());
    }
    if (req.contains("==") || req.contains("=")) {
      String[] kv = req.split("==?", 2);
      return l -> l.has(kv[0].trim()) && l.get(kv[0].trim()).asText().equals(kv[1].trim());
    }
    if (req.startsWith("!")) {
      String key = req.substring(1).trim();
      return l -> !l.has(key);
    }
    return l -> l.has(req);
  }

  private static Set<String> values(String parenthesised) {
    String inner = parenthesised.trim();
    inner = inner.substring(inner.indexOf('(') + 1, inner.lastIndexOf(')'));
    Set<String> out = new java.util.HashSet<>();
    for (String v : inner.split(",")) {
      out.add(v.trim());
    }
    return out;
  }

  /** Splits on commas that are not inside parentheses. */
  private static List<String> splitTopLevel(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      parts.add(current.toString());
    }
    return parts;
  }

  public static Predicate<JsonNode> fields(String selector) {
    if (selector == null || selector.isBlank()) {
      return o -> true;
    }
    List<Predicate<JsonNode>> requirements = new ArrayList<>();
    for (String req : selector.split(",")) {
      boolean negate = req.contains("!=");
      String[] kv = req.split(negate ? "!=" : "==?", 2);
      String path = kv[0].trim();
      String value = kv.length > 1 ? kv[1].trim() : "";
      requirements.add(o -> {
        JsonNode node = o;
        for (String part : path.split("\\.")) {
          node = node.path(part);
        }
        String actual = node.isMissingNode() || node.isNull() ? "" : node.asText();
        return negate != actual.equals(value);
      });
    }
    return o -> requirements.stream().allMatch(r -> r.test(o));
  }
}
