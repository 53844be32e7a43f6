package io.cybershield.shield.gateway.guard.screen;

import com.google.re2j.Pattern;

import java.util.List;

/**
 * One pattern of the screener: its category, its weight as evidence (0..1), the keywords of which at least one must
 * occur for the pattern to be run (the Aho-Corasick prefilter), and the pattern itself, a linear-time RE2 expression
 * on the folded text.
 */
record Rule(String id, String category, double weight, List<String> keywords, Pattern pattern) {

  /** RE2's {@code \\b} knows only ASCII words: in a pattern with other letters it becomes a letter boundary. */
  private static final String LETTER_BOUNDARY = "(?:^|$|[^\\pL\\pN])";

  static Rule of(String id, String category, double weight, List<String> keywords, String regex) {
    boolean ascii = regex.chars().allMatch(c -> c < 0x80);
    String compiled = ascii ? regex : regex.replace("\\b", LETTER_BOUNDARY);
    return new Rule(id, category, weight, List.copyOf(keywords), Pattern.compile(compiled));
  }
}
