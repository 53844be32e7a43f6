package io.cybershield.shield.djl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON as each part of DJL Serving writes it: its Java front end with Gson's pretty printing (two-space indent,
 * {@code "key": value}, a newline at the end), the Python handler and vLLM compactly.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static JsonNode read(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What DJL's {@code NettyUtils.sendJsonResponse} sends: {@code JsonUtils.GSON_PRETTY} and a newline. */
  static String gsonPretty(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out, 0);
    return out.append('\n').toString();
  }

  private static void write(JsonNode node, StringBuilder out, int depth) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        newline(out, depth + 1);
        out.append(compact(MAPPER.getNodeFactory().textNode(field.getKey()))).append(": ");
        write(field.getValue(), out, depth + 1);
        if (fields.hasNext()) {
          out.append(',');
        }
      }
      newline(out, depth);
      out.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        newline(out, depth + 1);
        write(node.get(i), out, depth + 1);
        if (i < node.size() - 1) {
          out.append(',');
        }
      }
      newline(out, depth);
      out.append(']');
    } else {
      out.append(compact(node));
    }
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    out.append("  ".repeat(depth));
  }
}
