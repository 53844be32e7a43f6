package io.cybershield.shield.gateway.triage.logs;

/**
 * {@code key=value} and {@code key="quoted value"} pairs, read in one left-to-right pass (no regex, no
 * backtracking: a 64 KiB line of {@code =} signs costs one scan).
 */
final class KeyValues {

  private KeyValues() {
  }

  /** Adds every pair of {@code text}; returns how many were found. */
  static int read(String text, Fields into) {
    int found = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean start = i == 0 || boundary(text.charAt(i - 1));
      if (!start || !keyChar(c) || c == '-' || c == '.') {
        i++;
        continue;
      }
      int keyEnd = i;
      while (keyEnd < n && keyChar(text.charAt(keyEnd))) {
        keyEnd++;
      }
      if (keyEnd >= n || text.charAt(keyEnd) != '=' || keyEnd - i > 128) {
        i = keyEnd + 1;
        continue;
      }
      String key = text.substring(i, keyEnd);
      int v = keyEnd + 1;
      String value;
      if (v < n && (text.charAt(v) == '"' || text.charAt(v) == '\'')) {
        char quote = text.charAt(v);
        StringBuilder out = new StringBuilder();
        int j = v + 1;
        while (j < n && text.charAt(j) != quote) {
          if (text.charAt(j) == '\\' && j + 1 < n && (text.charAt(j + 1) == quote || text.charAt(j + 1) == '\\')) {
            j++;
          }
          out.append(text.charAt(j));
          j++;
        }
        value = out.toString();
        i = j + 1;
      } else {
        int j = v;
        while (j < n && !Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        value = text.substring(v, j);
        if (value.endsWith(",") || value.endsWith(";")) {
          value = value.substring(0, value.length() - 1);
        }
        i = j;
      }
      into.add(key, value);
      found++;
    }
    return found;
  }

  private static boolean boundary(char c) {
    return Character.isWhitespace(c) || c == ',' || c == ';' || c == '|' || c == '[' || c == '(' || c == '{'
        || c == '\'' || c == '"';
  }

  static boolean keyChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@');
  }
}
