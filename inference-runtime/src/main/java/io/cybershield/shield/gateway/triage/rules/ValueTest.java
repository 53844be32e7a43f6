package io.cybershield.shield.gateway.triage.rules;

import com.google.re2j.Pattern;

/**
 * One compiled value of a field condition. Each takes the value as logged and lower-cased (cached per event by
 * {@link EventView}), so case-insensitive comparison costs no conversion per rule.
 */
interface ValueTest {

  boolean test(String value, String lower);

  /** Literal comparison: the common case, kept off the regex engine. */
  enum Mode { EXACT, CONTAINS, PREFIX, SUFFIX }

  record Literal(Mode mode, String needle, boolean cased) implements ValueTest {
    @Override
    public boolean test(String value, String lower) {
      String text = cased ? value : lower;
      return switch (mode) {
        case EXACT -> text.equals(needle);
        case CONTAINS -> text.contains(needle);
        case PREFIX -> text.startsWith(needle);
        case SUFFIX -> text.endsWith(needle);
      };
    }
  }

  /** The spellings of one written value ({@code |windash}, {@code |base64offset}): any of them matches. */
  record AnyOf(java.util.List<ValueTest> variants) implements ValueTest {
    @Override
    public boolean test(String value, String lower) {
      for (ValueTest variant : variants) {
        if (variant.test(value, lower)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A value with {@code *} wildcards only (the usual {@code *\\temp\\*.exe}): literal segments found left to right
   * with {@code indexOf}, which is correct for stars (the leftmost place of each middle segment leaves the most room
   * for the rest) and several times faster than a regex.
   */
  record StarGlob(String head, java.util.List<String> middle, String tail, boolean cased) implements ValueTest {
    @Override
    public boolean test(String value, String lower) {
      String text = cased ? value : lower;
      if (!text.startsWith(head)) {
        return false;
      }
      int at = head.length();
      for (String segment : middle) {
        int found = text.indexOf(segment, at);
        if (found < 0) {
          return false;
        }
        at = found + segment.length();
      }
      return text.length() - tail.length() >= at && text.endsWith(tail);
    }
  }

  /** A value with {@code *}/{@code ?} inside: a whole-value match by re2j (linear time). */
  record Glob(Pattern pattern, boolean cased) implements ValueTest {
    @Override
    public boolean test(String value, String lower) {
      return pattern.matcher(cased ? value : lower).matches();
    }
  }

  /** {@code |re}: a search (not a whole-value match), as Sigma defines it, on the value as logged. */
  record Regex(Pattern pattern, String required, boolean ignoreCase) implements ValueTest {
    @Override
    public boolean test(String value, String lower) {
      if (required != null && !(ignoreCase ? lower : value).contains(required)) {
        return false;
      }
      return pattern.matcher(value).find();
    }
  }

  record InNetwork(Cidr network) implements ValueTest {
    @Override
    public boolean test(String value, String lower) {
      return network.contains(value);
    }
  }

  enum Comparison { GT, GTE, LT, LTE }

  record Numeric(Comparison comparison, double bound) implements ValueTest {
    @Override
    public boolean test(String value, String lower) {
      Double number = number(value);
      if (number == null) {
        return false;
      }
      return switch (comparison) {
        case GT -> number > bound;
        case GTE -> number >= bound;
        case LT -> number < bound;
        case LTE -> number <= bound;
      };
    }
  }

  /**
   * A decimal ({@code -12}, {@code 3.5}) or hex ({@code 0x1F}) number, strictly: {@code Double.parseDouble} would
   * take {@code "NaN"} or {@code "1d"}.
   */
  static Double number(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim();
    if (value.isEmpty() || value.length() > 40) {
      return null;
    }
    if (value.length() > 2 && value.charAt(0) == '0' && (value.charAt(1) == 'x' || value.charAt(1) == 'X')) {
      long number = 0;
      if (value.length() > 18) {
        return null;
      }
      for (int i = 2; i < value.length(); i++) {
        char c = value.charAt(i);
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) {
          return null;
        }
        number = number * 16 + digit;
      }
      return (double) number;
    }
    int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    boolean dot = false;
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return null;
      }
    }
    return digits == 0 ? null : Double.parseDouble(value);
  }
}
