package io.cybershield.shield.operator.retrain;

/**
 * Text that came from a Job or an object, quoted for a message a person reads in a status or an Event: at most
 * {@value #MAX_CHARACTERS} characters of it, with line breaks, terminal escape sequences and other invisible
 * characters written as escapes, so that a hostile value can neither flood a status nor forge lines in a log.
 */
final class Quoted {

  /** The most characters of the text a message shows; the rest is cut off with an ellipsis. */
  static final int MAX_CHARACTERS = 60;

  private Quoted() {
  }

  /** {@code text} in double quotes, shortened to {@value #MAX_CHARACTERS} characters and escaped; "null" for null. */
  static String of(String text) {
    return of(text, MAX_CHARACTERS);
  }

  /** {@code text} in double quotes, shortened to {@code maxCharacters} and escaped; "null" for null. */
  static String of(String text, int maxCharacters) {
    return text == null ? "null" : "\"" + escaped(text, maxCharacters) + "\"";
  }

  /**
   * {@code text} cut after {@code maxCharacters} code points (marked with an ellipsis), with quotes, backslashes and
   * every character that is not visible (controls, line and paragraph separators, formatting characters such as
   * bidirectional overrides, unpaired surrogates) escaped in the {@code \n}, {@code \t}, {@code \}{@code u001b}
   * style.
   */
  static String escaped(String text, int maxCharacters) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int at = 0; at < text.length(); at += Character.charCount(text.codePointAt(at))) {
      if (shown == maxCharacters) {
        return out.append('\u2026').toString();
      }
      appendEscaped(out, text.codePointAt(at));
      shown++;
    }
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, int codePoint) {
    switch (codePoint) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (visible(codePoint)) {
          out.appendCodePoint(codePoint);
        } else if (codePoint <= 0xFFFF) {
          out.append(String.format("\\u%04x", codePoint));
        } else {
          out.append(String.format("\\U%08x", codePoint));
        }
      }
    }
  }

  private static boolean visible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
           Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}
