package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/** Formatting helpers that mimic Go's fmt verbs as used by apimachinery field errors. */
final class GoFmt {
  static final ObjectMapper JSON = new ObjectMapper();

  private GoFmt() {}

  /** Go {@code %q} for a string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 0x07 -> b.append("\\a");
        case 0x08 -> b.append("\\b");
        case 0x0c -> b.append("\\f");
        case 0x0b -> b.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            b.append(String.format("\\x%02x", cp));
          } else if (!isPrintable(cp)) {
            b.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
          } else {
            b.appendCodePoint(cp);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static boolean isPrintable(int cp) {
    int t = Character.getType(cp);
    return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
        && t != Character.SURROGATE && t != Character.PRIVATE_USE
        && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR
        && (t != Character.SPACE_SEPARATOR || cp == ' ');
  }

  /** Go {@code %v} for a float64 (shortest repr, %e when exponent < -4 or >= 6, like strconv "g" shortest). */
  static String goFloat(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "+Inf" : "-Inf";
    if (d == 0) return (1 / d < 0) ? "-0" : "0";
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of first digit
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.format("%02d", Math.abs(exp));
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + e;
    }
    return sign + bd.abs().toPlainString();
  }

  /** The {@code <v>} of an ErrorBody: strings %q, numbers and bools bare, nil as "null". */
  static String value(Object v) {
    if (v == null) return "\"null\"";
    if (v instanceof String s) return quote(s);
    if (v instanceof Double d) return goFloat(d);
    if (v instanceof Float f) return goFloat(f);
    if (v instanceof Number || v instanceof Boolean) return v.toString();
    if (v instanceof JsonNode n) return value(n);
    return String.valueOf(v);
  }

  static String value(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return "\"null\"";
    if (n.isTextual()) return quote(n.textValue());
    if (n.isIntegralNumber()) return n.bigIntegerValue().toString();
    if (n.isNumber()) return goFloat(n.doubleValue());
    if (n.isBoolean()) return Boolean.toString(n.booleanValue());
    return json(n);
  }

  /**
   * Go's {@code %#v} of an unstructured map, as field errors print a duplicate map-list key in 1.30–1.33:
   * {@code map[string]interface {}{"name":"full"}}, keys sorted, entries joined by {@code ", "}.
   */
  static String goSyntaxMap(JsonNode map) {
    java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
    map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
    StringBuilder out = new StringBuilder("map[string]interface {}{");
    boolean first = true;
    for (java.util.Map.Entry<String, JsonNode> e : sorted.entrySet()) {
      if (!first) out.append(", ");
      first = false;
      out.append(quote(e.getKey())).append(':').append(value(e.getValue()));
    }
    return out.append('}').toString();
  }

  static String json(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (Exception e) {
      return String.valueOf(n);
    }
  }

  /** Go %v of a number taken from the schema (threshold), printed as int64 when the data is an integer. */
  static String threshold(JsonNode threshold, boolean dataIsInteger) {
    if (dataIsInteger) return Long.toString((long) threshold.doubleValue());
    return goFloat(threshold.doubleValue());
  }
}
