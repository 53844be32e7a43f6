package io.cybershield.shield.gateway.guard.output;

import io.cybershield.shield.gateway.guard.output.Spans.Span;
import io.cybershield.shield.gateway.guard.redact.Redactor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks on a model's answer before it reaches the caller: secrets and personal data redacted (by the
 * {@link Redactor}), and verbatim copies of the system prompt replaced by {@code [REDACTED:system_prompt]}, since an
 * instruction to "repeat everything above" must not hand out the operator's prompt or whatever it embeds.
 *
 * <p>A leak is a run of the answer that appears in a system prompt after folding case and white space (see
 * {@link PromptIndex}) and is at least {@value PromptIndex#MIN_WORDS} words or {@value PromptIndex#MIN_CHARS}
 * characters long; prompts shorter than {@value PromptIndex#MIN_CHARS} characters are not looked for. Ten words rather
 * than fewer because stock phrases of eight or nine ("let me know if you have any other questions") turn up in
 * prompts and answers alike, while ten verbatim words of a prompt are rarely chance; sixty characters catch shorter
 * runs of long words, paths and tokens.
 *
 * <p>Streams are checked in a sliding window: the last {@value #WINDOW} characters (give or take the white space it
 * is moved back to) are held back so that a secret or leak crossing pieces is seen whole, and the checks run again
 * each {@value #STEP} characters, so a stream's output lags the model by at most {@code WINDOW + STEP} characters
 * plus one piece (more only while a private key is held). Each check reads up to a window of the text already sent
 * as context, so a stream costs about {@code (2 * WINDOW + STEP) / STEP} times the redactor time of its whole
 * answer. A private key opener with no closer yet is held until its closer arrives, up to {@value #HOLD_CAP}
 * characters; past that the key is redacted as far as it came and everything after it is dropped until a closer
 * (or the stream's end), which fails closed: a key body looks like any base64 and no rule would catch it alone.
 *
 * <p>Every check fails closed: if the redactor or the leak search throws, the text being checked is replaced by
 * {@code [REDACTED:output_check_failed]} (a stream also drops the rest) and the verdict says so. Never throws on odd
 * input: a null answer, prompt or piece counts as empty. Thread-safe; one instance serves every request.
 */
public final class OutputGuard {

  /** How much of a stream is held back, in characters: the longest secret or leak a stream sees whole. */
  public static final int WINDOW = 512;
  /**
   * How many characters beyond the window a stream gathers before it checks and sends again: each check reads the
   * window, the step and a window of context, so a smaller step sends sooner but costs more checks of the same text.
   */
  public static final int STEP = 256;
  /** How long a private key a stream holds, in characters, before it redacts the lot without waiting for its end. */
  public static final int HOLD_CAP = 16 * 1024;
  /** How far back from the window's edge a stream looks for white space to cut at, so it sends whole words. */
  static final int WHITESPACE_LOOKBACK = 64;
  /** How much a stream keeps while dropping a key past the cap: enough to see a closer split over pieces. */
  private static final int CLOSER_TAIL = 256;
  /** How many prompt indexes are kept: most requests of a route share its system prompt. */
  private static final int CACHED_INDEXES = 4;

  private final Spans.Finder redactor;
  private final int window;
  private final int step;
  private final int holdCap;
  private final Map<List<String>, PromptIndex> indexes = Collections.synchronizedMap(
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, PromptIndex> eldest) {
          return size() > CACHED_INDEXES;
        }
      });

  public OutputGuard(Redactor redactor) {
    this(Objects.requireNonNull(redactor, "redactor")::find, WINDOW, STEP, HOLD_CAP);
  }

  /**
   * Streams held back by {@code window} characters and checked every {@code step}: a smaller window sends a stream's
   * text sooner, and catches only secrets and leaks no longer than it (private keys are held up to the cap anyway).
   */
  public OutputGuard(Redactor redactor, int window, int step) {
    this(Objects.requireNonNull(redactor, "redactor")::find, window, step, HOLD_CAP);
  }

  /**
   * Any finder and other sizes, so that tests can make the redactor fail and reach the window's and the cap's edges
   * with short texts.
   */
  OutputGuard(Spans.Finder redactor, int window, int step, int holdCap) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    if (window < 1 || step < 1 || holdCap < window) {
      throw new IllegalArgumentException("window and step must be positive and the cap at least the window");
    }
    this.window = window;
    this.step = step;
    this.holdCap = holdCap;
  }

  /** An answer after the checks, and what they found. */
  public record Checked(String text, OutputVerdict verdict) {
  }

  /** A whole answer: secrets redacted, verbatim leaks of the system prompt replaced by [REDACTED:system_prompt]. */
  public Checked check(String answer, List<String> systemPrompts) {
    String text = answer == null ? "" : answer;
    if (text.isEmpty()) {
      return new Checked("", OutputVerdict.CLEAN);
    }
    try {
      List<Span> spans = Spans.of(redactor, index(systemPrompts), text);
      StringBuilder out = new StringBuilder(text.length());
      OutputVerdict verdict = OutputVerdict.CLEAN;
      int at = 0;
      for (Span span : spans) {
        out.append(text, at, span.start()).append(Spans.placeholder(span.type()));
        verdict = verdict.plus(verdictOf(span));
        at = span.end();
      }
      return new Checked(out.append(text, at, text.length()).toString(), verdict);
    } catch (RuntimeException | StackOverflowError failure) {
      return new Checked(Spans.placeholder(OutputVerdict.CHECK_FAILED), OutputVerdict.of(OutputVerdict.CHECK_FAILED, 1));
    }
  }

  /** A stream's checker for one answer; not thread-safe (one per stream, fed in order). */
  public Stream stream(List<String> systemPrompts) {
    try {
      return new Windowed(index(systemPrompts));
    } catch (RuntimeException | StackOverflowError failure) {
      return new Windowed(null);
    }
  }

  /**
   * A stream's checker. The concatenation of what it returns equals {@link #check} of the whole answer whenever no
   * secret or leak in it is longer than the window (and no {@code service_account} text, which changes how the
   * redactor names a key, lies more than a window away from the key).
   */
  public interface Stream {
    /** Feed the next piece of model text; returns the text now safe to send (may be "" while held back). */
    String accept(String piece);

    /** The stream ended: returns the rest, checked. */
    String finish();

    /** What was found so far. */
    OutputVerdict verdict();
  }

  private PromptIndex index(List<String> systemPrompts) {
    if (systemPrompts == null || systemPrompts.isEmpty()) {
      return PromptIndex.EMPTY;
    }
    List<String> key = new ArrayList<>(systemPrompts.size());
    for (String prompt : systemPrompts) {
      if (prompt != null) {
        key.add(prompt);
      }
    }
    key = List.copyOf(key);
    PromptIndex cached = indexes.get(key);
    if (cached != null) {
      return cached;
    }
    PromptIndex built = PromptIndex.of(key);
    indexes.put(key, built);
    return built;
  }

  private static OutputVerdict verdictOf(Span span) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String type : span.found()) {
      counts.merge(type, 1, Integer::sum);
    }
    return new OutputVerdict(counts);
  }

  /**
   * The window over one stream. The checks run on the held text together with up to a window of the text already
   * sent before it, so that what they see around any character they release is what the whole answer's check would
   * see (the redactor looks back for context words, the leak search for the start of a run), and a span is only
   * released once it lies a window before the end of what has arrived.
   */
  private final class Windowed implements Stream {

    private final PromptIndex prompts;
    /** Up to a window of the text already sent, as the model wrote it, just before {@link #pending}. */
    private String context = "";
    private final StringBuilder pending = new StringBuilder();
    /** The last text sent ended inside a span whose placeholder went out then: its rest is dropped silently. */
    private boolean continuing;
    /** Inside a private key that outgrew the cap or the window: dropped up to its closer. */
    private boolean dropping;
    /** Holding an unterminated private key: from where in {@link #pending} a closer is looked for, else -1. */
    private int closerFrom = -1;
    private boolean failed;
    private boolean finished;
    private OutputVerdict verdict = OutputVerdict.CLEAN;

    Windowed(PromptIndex prompts) {
      this.prompts = prompts;
    }

    @Override
    public String accept(String piece) {
      if (finished || failed) {
        return "";
      }
      if (prompts == null) {
        return fail();
      }
      if (piece == null || piece.isEmpty()) {
        return "";
      }
      try {
        pending.append(piece);
        StringBuilder out = new StringBuilder();
        drain(out, false);
        return out.toString();
      } catch (RuntimeException | StackOverflowError failure) {
        return fail();
      }
    }

    @Override
    public String finish() {
      if (finished) {
        return "";
      }
      finished = true;
      if (failed) {
        return "";
      }
      if (prompts == null) {
        return fail();
      }
      try {
        StringBuilder out = new StringBuilder();
        drain(out, true);
        pending.setLength(0);
        return out.toString();
      } catch (RuntimeException | StackOverflowError failure) {
        return fail();
      }
    }

    @Override
    public OutputVerdict verdict() {
      return verdict;
    }

    private String fail() {
      failed = true;
      pending.setLength(0);
      context = "";
      verdict = verdict.plus(OutputVerdict.of(OutputVerdict.CHECK_FAILED, 1));
      return Spans.placeholder(OutputVerdict.CHECK_FAILED);
    }

    private void drain(StringBuilder out, boolean atEnd) {
      while (true) {
        if (dropping) {
          if (!dropToCloser()) {
            return;
          }
          continue;
        }
        if (atEnd) {
          if (!pending.isEmpty()) {
            check(out, true);
          }
          return;
        }
        if (pending.length() < window + step) {
          return;
        }
        if (closerFrom >= 0 && pending.length() <= holdCap) {
          // holding a key: rerunning every check on each piece of a long key would cost its length squared
          boolean closed = Spans.KEY_CLOSER.matcher(pending).find(Math.max(0, closerFrom - CLOSER_TAIL));
          if (!closed) {
            closerFrom = pending.length();
            return;
          }
        }
        closerFrom = -1;
        if (!check(out, false) || !dropping) {
          return;
        }
      }
    }

    /** Drops the held text up to and with a key's closer; whether it came (and the stream goes on after it). */
    private boolean dropToCloser() {
      com.google.re2j.Matcher closer = Spans.KEY_CLOSER.matcher(pending);
      if (closer.find()) {
        context = pending.substring(closer.start(), closer.end());
        pending.delete(0, closer.end());
        dropping = false;
        continuing = false;
        return true;
      }
      if (pending.length() > CLOSER_TAIL) {
        pending.delete(0, pending.length() - CLOSER_TAIL);
      }
      return false;
    }

    /**
     * Checks the held text with its context and sends what lies a window before the end (all of it at the end);
     * whether anything was sent.
     */
    private boolean check(StringBuilder out, boolean atEnd) {
      String text = context + pending;
      int base = context.length();
      int length = text.length();
      List<Span> spans = Spans.of(redactor, prompts, text);
      int cut = atEnd ? length : edge(text, base, length - window);
      if (cut <= base) {
        return false;
      }
      Span across = null;
      for (Span span : spans) {
        if (span.start() < cut && cut < span.end()) {
          across = span;
          break;
        }
      }
      boolean forced = false;
      if (across != null) {
        if (across.unterminated() && length - across.start() <= holdCap) {
          cut = Math.max(base, across.start());
          closerFrom = length - cut;
        } else if (across.start() > base && !across.unterminated()) {
          cut = across.start();
        } else {
          // a span from the start of the held text across the edge is longer than the step: its placeholder goes
          // out now and its rest is dropped as it comes, so the held text never outgrows the window and the cap
          forced = true;
        }
      }
      if (cut <= base) {
        return false;
      }
      int at = base;
      for (Span span : spans) {
        if (span.end() <= base) {
          continue;
        }
        if (span.start() >= cut) {
          break;
        }
        out.append(text, at, Math.max(span.start(), base));
        if (!(span.start() < base && continuing)) {
          out.append(Spans.placeholder(span.type()));
          verdict = verdict.plus(verdictOf(span));
        }
        at = Math.min(span.end(), cut);
      }
      out.append(text, at, cut);
      int resume = cut;
      continuing = forced;
      if (forced && openKey(text, across.start(), cut)) {
        continuing = false;
        if (across.unterminated()) {
          dropping = true;
        } else {
          // a key whose closer has come: its end is known, and its body cannot be told from the middle
          resume = across.end();
        }
      }
      context = text.substring(Math.max(0, resume - window), resume);
      pending.setLength(0);
      pending.append(text, resume, length);
      return true;
    }
  }

  /** Where to cut a stream's text near {@code edge}: just after white space if there is some shortly before. */
  private static int edge(String text, int base, int edge) {
    if (edge <= base) {
      return base;
    }
    for (int i = edge; i > base && i > edge - WHITESPACE_LOOKBACK; i--) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    if (Character.isLowSurrogate(text.charAt(edge)) && Character.isHighSurrogate(text.charAt(edge - 1))) {
      return edge - 1;
    }
    return edge;
  }

  /** Whether a private key is open at {@code cut}: an opener in {@code [from, cut)} and no closer after it. */
  private static boolean openKey(String text, int from, int cut) {
    String part = text.substring(Math.max(0, from), cut);
    int opener = -1;
    com.google.re2j.Matcher openers = Spans.KEY_OPENER.matcher(part);
    while (openers.find()) {
      opener = openers.end();
    }
    return opener >= 0 && !Spans.KEY_CLOSER.matcher(part).find(opener);
  }
}
