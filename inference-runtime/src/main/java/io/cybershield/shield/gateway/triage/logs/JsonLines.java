package io.cybershield.shield.gateway.triage.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Map;

/** A JSON object line, flattened to dotted keys; arrays give one key several values. */
final class JsonLines {

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());
  private static final int MAX_DEPTH = 32;

  private JsonLines() {
  }

  /** The object of {@code text}, or null when it is not a complete JSON object. */
  static JsonNode object(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (Exception notJson) {
      return null;
    }
  }

  static void flatten(JsonNode node, String prefix, Fields into, int depth) {
    if (depth > MAX_DEPTH || node == null) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        flatten(entry.getValue(), prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), into,
            depth + 1);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        flatten(element, prefix, into, depth + 1);
      }
    } else if (!node.isNull() && !prefix.isEmpty()) {
      into.add(prefix, node.asText());
    }
  }
}
