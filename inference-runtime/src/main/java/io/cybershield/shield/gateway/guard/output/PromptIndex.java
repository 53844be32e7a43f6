package io.cybershield.shield.gateway.guard.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The system prompts of one request, indexed so that every run of an answer that appears verbatim in one of them is
 * found in one pass over the answer, whatever the prompts' length: a suffix automaton of the folded prompts (linear
 * in their size to build and to hold), walked by the folded answer to get, for each position, the longest prompt
 * substring ending there. Hashing word n-grams would do the word rule but not the character rule (a run starting
 * mid-word, a long token without spaces), and would have to pick one n; the automaton answers both exactly.
 *
 * <p>Folding lowercases, collapses each run of white space to one space and drops format characters (zero-width
 * spaces, joiners, soft hyphens), so that re-wrapping, re-casing or interleaving invisible characters does not hide a
 * copied prompt. Immutable once built, so one index serves every thread.
 */
final class PromptIndex {

  /** Runs of at least this many words (counting partial words at either end) are leaks. */
  static final int MIN_WORDS = 10;
  /** Runs of at least this many folded characters are leaks, however few words they hold. */
  static final int MIN_CHARS = 60;
  /**
   * Only the first this many folded characters of the prompts are indexed: the automaton takes about 50 bytes per
   * character, and a prompt longer than this is mostly retrieved material rather than instructions.
   */
  static final int MAX_INDEXED_CHARS = 64 * 1024;

  static final PromptIndex EMPTY = new PromptIndex(new char[0]);

  /** Between two prompts in the automaton; the folded answer never holds it, so no run spans two prompts. */
  private static final char SEPARATOR = '\uFFFF';

  // states: the length of their longest string, their suffix link, the first of their outgoing edges
  private int[] length;
  private int[] link;
  private int[] firstEdge;
  private int states;
  // edges, as linked lists per state: cloning a state copies its list, and a state but the root has few edges
  private char[] edgeChar;
  private int[] edgeTarget;
  private int[] edgeNext;
  private int edges;
  /**
   * The root's edges as a table: every mismatch falls back to the root, and a prompt in a script of thousands of
   * characters would otherwise make each fall-back a long list walk.
   */
  private final int[] rootEdges;

  private PromptIndex(char[] folded) {
    rootEdges = new int[folded.length == 0 ? 0 : Character.MAX_VALUE + 1];
    Arrays.fill(rootEdges, -1);
    int capacity = Math.max(2, 2 * folded.length + 1);
    length = new int[capacity];
    link = new int[capacity];
    firstEdge = new int[capacity];
    edgeChar = new char[Math.max(4, 3 * folded.length)];
    edgeTarget = new int[edgeChar.length];
    edgeNext = new int[edgeChar.length];
    link[0] = -1;
    firstEdge[0] = -1;
    states = 1;
    int last = 0;
    for (char c : folded) {
      last = extend(last, c);
    }
  }

  /**
   * The index of the prompts that can leak: a prompt of fewer than {@link #MIN_CHARS} folded characters is left
   * out, as such prompts ("You are a helpful assistant.") are stock phrases an answer may well repeat by chance.
   */
  static PromptIndex of(List<String> prompts) {
    if (prompts == null || prompts.isEmpty()) {
      return EMPTY;
    }
    StringBuilder joined = new StringBuilder();
    for (String prompt : prompts) {
      if (prompt == null) {
        continue;
      }
      Folded folded = fold(prompt);
      if (folded.length() < MIN_CHARS) {
        continue;
      }
      if (!joined.isEmpty()) {
        joined.append(SEPARATOR);
      }
      joined.append(folded.chars(), 0, Math.min(folded.length(), MAX_INDEXED_CHARS - joined.length()));
      if (joined.length() >= MAX_INDEXED_CHARS) {
        break;
      }
    }
    if (joined.isEmpty()) {
      return EMPTY;
    }
    char[] chars = new char[joined.length()];
    joined.getChars(0, chars.length, chars, 0);
    return new PromptIndex(chars);
  }

  boolean isEmpty() {
    return states == 1;
  }

  /**
   * The runs of a text that copy a prompt, as {@code [start, end)} pairs in the text's own offsets, sorted, merged
   * where they overlap or touch, and trimmed of white space at either end (the text around a leak keeps its
   * spacing).
   */
  List<int[]> leaks(CharSequence text) {
    List<int[]> runs = new ArrayList<>();
    if (isEmpty() || text.length() == 0) {
      return runs;
    }
    Folded folded = fold(text);
    char[] s = folded.chars();
    int n = folded.length();
    int[] spaces = new int[n + 1];
    for (int i = 0; i < n; i++) {
      spaces[i + 1] = spaces[i] + (s[i] == ' ' ? 1 : 0);
    }
    int state = 0;
    int matched = 0;
    int runStart = -1;
    int runEnd = -1; // inclusive, in folded offsets
    for (int i = 0; i < n; i++) {
      char c = s[i];
      int next = target(state, c);
      while (next < 0 && state != 0) {
        state = link[state];
        matched = length[state];
        next = target(state, c);
      }
      if (next >= 0) {
        state = next;
        matched++;
      } else {
        matched = 0;
        continue;
      }
      int a = i - matched + 1;
      int b = i;
      while (a <= b && s[a] == ' ') {
        a++;
      }
      while (b >= a && s[b] == ' ') {
        b--;
      }
      if (a > b) {
        continue;
      }
      int words = spaces[b + 1] - spaces[a] + 1;
      if (b - a + 1 < MIN_CHARS && words < MIN_WORDS) {
        continue;
      }
      if (runStart >= 0 && a <= runEnd + 1) {
        runEnd = Math.max(runEnd, b);
      } else {
        if (runStart >= 0) {
          runs.add(original(folded, text, runStart, runEnd));
        }
        runStart = a;
        runEnd = b;
      }
    }
    if (runStart >= 0) {
      runs.add(original(folded, text, runStart, runEnd));
    }
    return runs;
  }

  private static int[] original(Folded folded, CharSequence text, int a, int b) {
    int start = folded.at()[a];
    int end = folded.at()[b] + 1;
    // a run never ends between the halves of a surrogate pair, or the placeholder would leave half a character
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))
        && Character.isLowSurrogate(text.charAt(end))) {
      end++;
    }
    if (start > 0 && Character.isLowSurrogate(text.charAt(start)) && Character.isHighSurrogate(text.charAt(start - 1))) {
      start--;
    }
    return new int[] {start, end};
  }

  /** A folded text and, for each of its characters, the offset of the character it came from. */
  record Folded(char[] chars, int[] at, int length) {
  }

  static Folded fold(CharSequence text) {
    int n = text.length();
    char[] out = new char[n];
    int[] at = new int[n];
    int k = 0;
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!space) {
          out[k] = ' ';
          at[k++] = i;
          space = true;
        }
        continue;
      }
      if (Character.getType(c) == Character.FORMAT) {
        continue;
      }
      space = false;
      out[k] = c == SEPARATOR ? '\uFFFD' : Character.toLowerCase(c);
      at[k++] = i;
    }
    return new Folded(out, at, k);
  }

  private int target(int state, char c) {
    if (state == 0) {
      return rootEdges.length == 0 ? -1 : rootEdges[c];
    }
    for (int e = firstEdge[state]; e >= 0; e = edgeNext[e]) {
      if (edgeChar[e] == c) {
        return edgeTarget[e];
      }
    }
    return -1;
  }

  private void setTarget(int state, char c, int to) {
    if (state == 0) {
      rootEdges[c] = to;
      return;
    }
    for (int e = firstEdge[state]; e >= 0; e = edgeNext[e]) {
      if (edgeChar[e] == c) {
        edgeTarget[e] = to;
        return;
      }
    }
    addEdge(state, c, to);
  }

  private void addEdge(int state, char c, int to) {
    if (state == 0) {
      rootEdges[c] = to;
      return;
    }
    if (edges == edgeChar.length) {
      int grown = edges * 2;
      edgeChar = Arrays.copyOf(edgeChar, grown);
      edgeTarget = Arrays.copyOf(edgeTarget, grown);
      edgeNext = Arrays.copyOf(edgeNext, grown);
    }
    edgeChar[edges] = c;
    edgeTarget[edges] = to;
    edgeNext[edges] = firstEdge[state];
    firstEdge[state] = edges++;
  }

  private int newState(int len, int suffixLink) {
    int s = states++;
    length[s] = len;
    link[s] = suffixLink;
    firstEdge[s] = -1;
    return s;
  }

  /** The standard online construction (Blumer et al.): one character appended to the automaton. */
  private int extend(int last, char c) {
    int current = newState(length[last] + 1, 0);
    int p = last;
    while (p >= 0 && target(p, c) < 0) {
      addEdge(p, c, current);
      p = link[p];
    }
    if (p >= 0) {
      int q = target(p, c);
      if (length[p] + 1 == length[q]) {
        link[current] = q;
      } else {
        int clone = newState(length[p] + 1, link[q]);
        for (int e = firstEdge[q]; e >= 0; e = edgeNext[e]) {
          addEdge(clone, edgeChar[e], edgeTarget[e]);
        }
        while (p >= 0 && target(p, c) == q) {
          setTarget(p, c, clone);
          p = link[p];
        }
        link[q] = clone;
        link[current] = clone;
      }
    }
    return current;
  }
}
