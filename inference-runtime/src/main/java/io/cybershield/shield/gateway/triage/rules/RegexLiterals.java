package io.cybershield.shield.gateway.triage.rules;

/**
 * The longest literal text every match of a regular expression must contain, when that is easy to see: a
 * {@code contains} check before the regex skips most lines at a fraction of the cost (a rule set runs each
 * {@code |re} on every line). Conservative: any construct it does not understand ends the literal run, and an
 * alternation, {@code \Q}, back-references or the {@code x} flag give no literal at all.
 */
final class RegexLiterals {

  private RegexLiterals() {
  }

  /** A literal of at least 2 characters that every match contains, or null. */
  static String required(String regex) {
    if (regex.indexOf('|') >= 0 || regex.contains("\\Q") || regex.matches("(?s).*\\(\\?[a-zA-Z]*x.*")) {
      return null;
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    int length = regex.length();
    for (int i = 0; i < length; ) {
      char c = regex.charAt(i);
      String literal = null;
      int next = i + 1;
      if (c == '\\') {
        if (i + 1 >= length) {
          return null;
        }
        char escaped = regex.charAt(i + 1);
        next = i + 2;
        if (escaped >= '0' && escaped <= '9') {
          return null;
        }
        if (escaped == 'x' || escaped == 'p' || escaped == 'P') {
          if (next < length && regex.charAt(next) == '{') {
            int close = regex.indexOf('}', next);
            if (close < 0) {
              return null;
            }
            next = close + 1;
          } else {
            next = Math.min(length, next + (escaped == 'x' ? 2 : 1));
          }
        } else if (!Character.isLetterOrDigit(escaped)) {
          literal = String.valueOf(escaped);
        }
      } else if (c == '[') {
        int j = i + 1;
        if (j < length && regex.charAt(j) == '^') {
          j++;
        }
        if (j < length && regex.charAt(j) == ']') {
          j++;
        }
        while (j < length && regex.charAt(j) != ']') {
          if (regex.charAt(j) == '\\') {
            j++;
          }
          j++;
        }
        next = j + 1;
      } else if (c == '{') {
        int close = regex.indexOf('}', i);
        next = close < 0 ? length : close + 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (".^$*+?{}".indexOf(c) < 0) {
        literal = String.valueOf(c);
      }
      char quantifier = next < length ? regex.charAt(next) : 0;
      boolean optional = quantifier == '?' || quantifier == '*' || regex.startsWith("{0", next);
      boolean repeated = quantifier == '+' || quantifier == '{';
      if (literal != null && depth == 0 && !optional) {
        run.append(literal);
        if (repeated) {
          best = longer(best, run);
          run.setLength(0);
        }
      } else {
        best = longer(best, run);
        run.setLength(0);
      }
      i = Math.max(next, i + 1);
    }
    best = longer(best, run);
    return best.length() >= 2 ? best : null;
  }

  private static String longer(String best, StringBuilder run) {
    return run.length() > best.length() ? run.toString() : best;
  }
}
