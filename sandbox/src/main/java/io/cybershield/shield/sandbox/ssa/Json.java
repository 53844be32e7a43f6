package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON helpers with the value semantics of Kubernetes unstructured objects (3 and 3.0 are the same number). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + json, e);
    }
  }

  /**
   * A copy in which every whole number is a long (or BigInteger) and object keys are sorted, so that
   * {@link JsonNode#equals} and {@link JsonNode#hashCode} follow the value semantics of the apiserver.
   */
  static JsonNode canonical(JsonNode node) {
    if (node == null) {
      return NODES.nullNode();
    }
    if (node.isNumber()) {
      BigDecimal d = node.decimalValue();
      if (node.isIntegralNumber() || isWhole(d)) {
        try {
          return NODES.numberNode(d.longValueExact());
        } catch (ArithmeticException tooBig) {
          return NODES.numberNode(d.toBigIntegerExact());
        }
      }
      return NODES.numberNode(node.doubleValue());
    }
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = object();
      for (String n : names) {
        out.set(n, canonical(node.get(n)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(e -> out.add(canonical(e)));
      return out;
    }
    return node.deepCopy();
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  static boolean semanticEquals(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!semanticEquals(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!semanticEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Total order over values: numbers, strings, booleans, arrays, objects, null. */
  static int compareValues(JsonNode a, JsonNode b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 0:
        return a.decimalValue().compareTo(b.decimalValue());
      case 1:
        return a.textValue().compareTo(b.textValue());
      case 2:
        return Boolean.compare(a.booleanValue(), b.booleanValue());
      case 3: {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = compareValues(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      }
      case 4: {
        List<String> an = sortedNames(a);
        List<String> bn = sortedNames(b);
        for (int i = 0; i < Math.min(an.size(), bn.size()); i++) {
          int c = an.get(i).compareTo(bn.get(i));
          if (c != 0) {
            return c;
          }
          c = compareValues(a.get(an.get(i)), b.get(bn.get(i)));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(an.size(), bn.size());
      }
      default:
        return 0;
    }
  }

  private static List<String> sortedNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    return names;
  }

  private static int rank(JsonNode n) {
    if (n.isNumber()) {
      return 0;
    }
    if (n.isTextual()) {
      return 1;
    }
    if (n.isBoolean()) {
      return 2;
    }
    if (n.isArray()) {
      return 3;
    }
    if (n.isObject()) {
      return 4;
    }
    return 5;
  }

  /** The value as the apiserver prints it inside a conflict path: strings quoted, everything else as JSON. */
  static String display(JsonNode v) {
    if (v.isTextual()) {
      return compact(v);
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(display(e)));
      return "[" + String.join(",", parts) + "]";
    }
    if (v.isObject()) {
      List<String> parts = new ArrayList<>();
      for (String n : sortedNames(v)) {
        parts.add(n + "=" + display(v.get(n)));
      }
      return "{" + String.join(",", parts) + "}";
    }
    return compact(v);
  }
}
