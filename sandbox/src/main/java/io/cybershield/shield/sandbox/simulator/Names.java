package io.cybershield.shield.sandbox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Generated names as kube-controller-manager makes them. */
final class Names {

  /** The alphabet of Kubernetes' random suffixes and safe-encoded hashes (no vowels, no confusable digits). */
  static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Names() {
  }

  /** {@code base-xxxxx} with five random characters, like generateName. */
  static String withRandomSuffix(String base) {
    StringBuilder sb = new StringBuilder(base.length() + 6).append(base).append('-');
    for (int i = 0; i < 5; i++) {
      sb.append(ALPHANUMS.charAt(RANDOM.nextInt(ALPHANUMS.length())));
    }
    return sb.toString();
  }

  /**
   * A stable pod-template hash: FNV-1a (32 bit) over the canonical JSON of the template (keys sorted), mixed with the
   * collision count, written in decimal and safe-encoded character by character.
   */
  static String templateHash(Object template, Integer collisionCount) {
    JsonNode node = SimContext.SERIALIZATION.convertValue(template, JsonNode.class);
    String canonical = canonical(node);
    int hash = 0x811c9dc5;
    byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    if (collisionCount != null) {
      int c = collisionCount;
      for (int i = 0; i < 4; i++) {
        hash ^= (c >>> (8 * i)) & 0xff;
        hash *= 0x01000193;
      }
    }
    String decimal = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder sb = new StringBuilder();
    for (char ch : decimal.toCharArray()) {
      sb.append(ALPHANUMS.charAt(ch % ALPHANUMS.length()));
    }
    return sb.toString();
  }

  static String canonical(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (!v.isNull() && !((v.isObject() || v.isArray()) && v.isEmpty())) {
          sorted.put(e.getKey(), e.getValue());
        }
      }
      StringBuilder sb = new StringBuilder("{");
      sorted.forEach((k, v) -> sb.append('"').append(k).append("\":").append(canonical(v)).append(','));
      if (sb.length() > 1) {
        sb.setLength(sb.length() - 1);
      }
      return sb.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      node.forEach(n -> sb.append(canonical(n)).append(','));
      if (sb.length() > 1) {
        sb.setLength(sb.length() - 1);
      }
      return sb.append(']').toString();
    }
    return node.toString();
  }
}
