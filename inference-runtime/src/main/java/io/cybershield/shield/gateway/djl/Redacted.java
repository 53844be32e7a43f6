package io.cybershield.shield.gateway.djl;

import java.util.List;

/**
 * How the wire records print themselves: the size of a text, never the text. Prompts and generated text may hold
 * secrets, and a record's {@code toString()} is what ends up in a log line or an assertion message.
 */
final class Redacted {

  private Redacted() {
  }

  static String text(String text) {
    return text == null ? "null" : "<" + text.length() + " chars>";
  }

  static String texts(List<String> texts) {
    return texts == null ? "null" : "<" + texts.size() + " texts>";
  }
}
