package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Kubernetes JSONPath that printer columns use: {@code .a.b}, escaped dots ({@code \.}),
 * {@code [n]}, {@code [*]} and filters {@code [?(@.type=="Ready")]} (with {@code ==} or {@code !=}).
 */
final class JsonPaths {

  private JsonPaths() {
  }

  static List<JsonNode> find(JsonNode root, String path) {
    String p = path.trim();
    if (p.startsWith("{") && p.endsWith("}")) {
      p = p.substring(1, p.length() - 1);
    }
    List<JsonNode> current = new ArrayList<>(List.of(root));
    int i = 0;
    while (i < p.length() && !current.isEmpty()) {
      char c = p.charAt(i);
      if (c == '.') {
        StringBuilder field = new StringBuilder();
        i++;
        while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
          if (p.charAt(i) == '\\' && i + 1 < p.length()) {
            i++;
          }
          field.append(p.charAt(i));
          i++;
        }
        if (field.isEmpty()) {
          continue;
        }
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode n : current) {
          JsonNode v = n.get(field.toString());
          if (v != null && !v.isNull()) {
            next.add(v);
          }
        }
        current = next;
      } else if (c == '[') {
        int end = closingBracket(p, i);
        String inner = p.substring(i + 1, end);
        i = end + 1;
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode n : current) {
          if (!n.isArray()) {
            continue;
          }
          if (inner.equals("*")) {
            n.forEach(next::add);
          } else if (inner.startsWith("?(")) {
            String cond = inner.substring(2, inner.length() - 1).trim();
            boolean negate = cond.contains("!=");
            String[] sides = cond.split(negate ? "!=" : "==", 2);
            String left = sides[0].trim().replaceFirst("^@", "");
            String right = sides[1].trim().replaceAll("^[\"']|[\"']$", "");
            for (JsonNode item : n) {
              List<JsonNode> values = find(item, left);
              boolean equal = !values.isEmpty() && values.get(0).asText().equals(right);
              if (equal != negate) {
                next.add(item);
              }
            }
          } else {
            int index = Integer.parseInt(inner.trim());
            JsonNode v = n.get(index < 0 ? n.size() + index : index);
            if (v != null) {
              next.add(v);
            }
          }
        }
        current = next;
      } else {
        i++;
      }
    }
    return current;
  }

  private static int closingBracket(String p, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed [ in JSONPath " + p);
  }
}
