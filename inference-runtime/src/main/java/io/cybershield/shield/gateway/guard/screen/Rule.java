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
    boolean compact, boolean sentence) {

  /** How far around a match a sentence rule looks for the rest, and how many matches it tries. */
  static final int SENTENCE_REACH = 200;
  static final int SENTENCE_TRIES = 16;

  /** RE2's {@code \\b} knows only ASCII words: in a pattern with other letters it becomes a letter boundary. */
  private static final String LETTER_BOUNDARY = "(?:^|$|[^\\pL\\pN])";

  static Rule of(String id, String category, double weight, List<String> keywords, String regex) {
    return new Rule(id, category, weight, List.copyOf(keywords), compile(regex), List.of(), false, false);
  }

  /** A rule that matches when its pattern and every one of the further patterns occur in the view. */
  static Rule all(String id, String category, double weight, List<String> keywords, String regex,
      String... further) {
    List<Pattern> also = new ArrayList<>();
    for (String f : further) {
      also.add(compile(f));
    }
    return new Rule(id, category, weight, List.copyOf(keywords), compile(regex), List.copyOf(also), false, false);
  }

  /** A rule that matches when the further patterns all occur in the same sentence as a match of its pattern. */
  static Rule sentence(String id, String category, double weight, List<String> keywords, String regex,
      String... further) {
    Rule all = all(id, category, weight, keywords, regex, further);
    return new Rule(id, category, weight, all.keywords(), all.pattern(), all.also(), false, true);
  }

  /** A rule for the compact view only, where no boundaries are left to match. */
  static Rule compact(String id, String category, double weight, List<String> keywords, String regex) {
    return new Rule(id, category, weight, List.copyOf(keywords), Pattern.compile(regex), List.of(), true, false);
  }

  private static Pattern compile(String regex) {
    boolean ascii = regex.chars().allMatch(c -> c < 0x80);
    return Pattern.compile(ascii ? regex : regex.replace("\\b", LETTER_BOUNDARY));
  }

  /** Whether the rule matches the text, given that its pattern matched at {@code m}. */
  boolean matches(String text, com.google.re2j.Matcher m) {
    if (!sentence) {
      return matchesAlso(text);
    }
    int tries = 0;
    do {
      int from = m.start();
      int floor = Math.max(0, from - SENTENCE_REACH);
      while (from > floor && ".!?;".indexOf(text.charAt(from - 1)) < 0) {
        from--;
      }
      int to = m.end();
      int ceiling = Math.min(text.length(), to + SENTENCE_REACH);
      while (to < ceiling && ".!?;".indexOf(text.charAt(to)) < 0) {
        to++;
      }
      if (matchesAlso(text.substring(from, to))) {
        return true;
      }
    } while (++tries < SENTENCE_TRIES && m.find());
    return false;
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
