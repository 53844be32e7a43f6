package io.cybershield.shield.gateway.guard.output;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.cybershield.shield.gateway.guard.redact.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What to replace in a text: the redactor's findings and the prompt leaks, merged into sorted, non-overlapping spans.
 * The whole check and every window of a stream go through this one function, which is what makes a stream's output
 * equal the whole answer's.
 */
final class Spans {

  /** The opener of a PEM private key, the same labels the redactor's rule takes. */
  static final Pattern KEY_OPENER = Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");
  static final Pattern KEY_CLOSER = Pattern.compile("-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");
  static final String PRIVATE_KEY = "private_key";

  private Spans() {
  }

  /**
   * One thing to replace: its placeholder's type, {@code [start, end)} in the text, every type found in it (a leak
   * that holds a key reports both), and whether it is a key opener with no end yet (held by a stream, redacted to the
   * end by a whole check).
   */
  record Span(String type, int start, int end, List<String> found, boolean unterminated) {
  }

  /** The redactor's findings in a text, as an interface so that tests can make it throw or misbehave. */
  @FunctionalInterface
  interface Finder {
    List<Finding> find(String text);
  }

  static String placeholder(String type) {
    return "[REDACTED:" + type + "]";
  }

  /**
   * The spans of a text. A leak that overlaps a finding swallows it, so the placeholder stands for the whole copied
   * run rather than leaving its pieces around a redacted secret. A private key opener that no finding covers and no
   * closer follows stands for a key cut short (whether or not a finding covers part of it): it is redacted from the
   * opener to the end of the text, because the
   * key's body lines look like any other base64 and no rule would catch them on their own.
   */
  static List<Span> of(Finder finder, PromptIndex prompts, String text) {
    List<Span> raw = new ArrayList<>();
    for (Finding finding : finder.find(text)) {
      if (finding.start() < 0 || finding.end() > text.length() || finding.start() >= finding.end()
          || finding.type() == null) {
        throw new IllegalStateException("the redactor returned a finding outside the text");
      }
      raw.add(new Span(finding.type(), finding.start(), finding.end(), List.of(finding.type()), false));
    }
    for (int[] leak : prompts.leaks(text)) {
      raw.add(new Span(OutputVerdict.SYSTEM_PROMPT, leak[0], leak[1], List.of(OutputVerdict.SYSTEM_PROMPT), false));
    }
    raw.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
    List<Span> merged = new ArrayList<>();
    for (Span span : raw) {
      Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span.start() < last.end()) {
        List<String> found = new ArrayList<>(last.found());
        found.addAll(span.found());
        boolean leak = last.type().equals(OutputVerdict.SYSTEM_PROMPT) || span.type().equals(OutputVerdict.SYSTEM_PROMPT);
        merged.set(merged.size() - 1, new Span(leak ? OutputVerdict.SYSTEM_PROMPT : last.type(), last.start(),
            Math.max(last.end(), span.end()), List.copyOf(found), false));
      } else {
        merged.add(span);
      }
    }
    return withUnterminatedKey(text, merged);
  }

  private static List<Span> withUnterminatedKey(String text, List<Span> spans) {
    if (text.indexOf("-----BEGIN") < 0) {
      return spans;
    }
    // where the last closer ends: an opener before it has a closer after it (one pass, however many openers)
    int lastCloserStart = -1;
    Matcher closer = KEY_CLOSER.matcher(text);
    while (closer.find()) {
      lastCloserStart = closer.start();
    }
    Matcher opener = KEY_OPENER.matcher(text);
    int from = 0;
    while (opener.find(from)) {
      int at = opener.start();
      from = opener.end();
      if (lastCloserStart >= opener.end()) {
        // a closer follows: the redactor's rules decide where the key is, not a guess made here
        continue;
      }
      // no closer: whatever the redactor took of the key (its rules may stop at the last line they recognise), the
      // key runs to the end of the text
      for (Span span : spans) {
        if (span.start() <= at && at < span.end()) {
          at = span.start();
        }
      }
      List<Span> out = new ArrayList<>();
      List<String> found = new ArrayList<>();
      for (Span span : spans) {
        if (span.end() <= at) {
          out.add(span);
        } else {
          found.addAll(span.found());
        }
      }
      if (!found.contains(PRIVATE_KEY)) {
        found.add(0, PRIVATE_KEY);
      }
      out.add(new Span(PRIVATE_KEY, at, text.length(), List.copyOf(found), true));
      return out;
    }
    return spans;
  }

  private static boolean covered(List<Span> spans, int at) {
    for (Span span : spans) {
      if (span.start() <= at && at < span.end()) {
        return true;
      }
    }
    return false;
  }
}
