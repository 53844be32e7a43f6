package io.cybershield.shield.gateway.guard.screen;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * One pattern of the screener: its category, its weight as evidence (0..1), the keywords of which at least one must
 * occur for the pattern to be run (the Aho-Corasick prefilter), and the pattern itself, a linear-time RE2 expression
 * on the folded text. A combination rule also names further patterns that must all occur somewhere in the same
 * view (an override verb here, a target such as the model's instructions there); a compact rule runs only on the
 * compact view, the letters and digits of the text without spaces or punctuation.
 */
record Rule(String id, String category, double weight, List<String> keywords, Pattern pattern, List<Pattern> also,
    boolean compact) {

  /** RE2's {@code \\b} knows only ASCII words: in a pattern with other letters it becomes a letter boundary. */
  private static final String LETTER_BOUNDARY = "(?:^|$|[^\\pL\\pN])";

  static Rule of(String id, String category, double weight, List<String> keywords, String regex) {
    return new Rule(id, category, weight, List.copyOf(keywords), compile(regex), List.of(), false);
  }

  /** A rule that matches when its pattern and every one of the further patterns occur in the view. */
  static Rule all(String id, String category, double weight, List<String> keywords, String regex,
      String... further) {
    List<Pattern> also = new ArrayList<>();
    for (String f : further) {
      also.add(compile(f));
    }
    return new Rule(id, category, weight, List.copyOf(keywords), compile(regex), List.copyOf(also), false);
  }

  /** A rule for the compact view only, where no boundaries are left to match. */
  static Rule compact(String id, String category, double weight, List<String> keywords, String regex) {
    return new Rule(id, category, weight, List.copyOf(keywords), Pattern.compile(regex), List.of(), true);
  }

  private static Pattern compile(String regex) {
    boolean ascii = regex.chars().allMatch(c -> c < 0x80);
    return Pattern.compile(ascii ? regex : regex.replace("\\b", LETTER_BOUNDARY));
  }

  boolean matchesAlso(String text) {
    for (Pattern p : also) {
      if (!p.matcher(text).find()) {
        return false;
      }
    }
    return true;
  }
}
