package io.cybershield.shield.gateway.guard.screen;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.cybershield.shield.gateway.guard.screen.Screening.Reason;
import io.cybershield.shield.gateway.guard.screen.Screening.Verdict;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screens a text for prompt injection. The text is normalised into views (see {@link Normalizer}); an Aho-Corasick
 * trie of the rules' keywords picks the rules worth running on each view, and each rule's RE2 pattern (linear time,
 * whatever the input) looks for what an attack asks of the model. The evidence is combined as a noisy-or of the
 * strongest hit per rule, raised when a hit appears only after deobfuscation or decoding (hiding it is evidence
 * too), and lowered when the text analyses or discusses material (a SOC analyst quoting an attack), so that such
 * texts are at most flagged. Pure and thread-safe: one instance serves every request.
 */
public final class Screener {

  /** At and above this score a text is blocked. */
  public static final double BLOCK_AT = 0.75;
  /** At and above this score (and below {@link #BLOCK_AT}) a text is flagged. */
  public static final double FLAG_AT = 0.4;
  /** How much of a score survives in a text that analyses or discusses what it quotes. */
  static final double ANALYSIS_DAMPING = 0.55;
  static final int EXCERPT_CHARS = 80;

  private static final Pattern ANALYSIS = Pattern.compile(Rules.ANALYSIS);
  /** Categories whose evidence an analysing context does not weaken: data that speaks to the model. */
  private static final Set<String> ADDRESSED_TO_MODEL = Set.of(Category.INDIRECT_INJECTION, Category.EXFILTRATION);

  private final List<Rule> rules;
  private final Trie keywords;

  public Screener() {
    this(Rules.ALL);
  }

  Screener(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Trie.TrieBuilder builder = Trie.builder();
    Set<String> all = new HashSet<>();
    for (Rule rule : rules) {
      all.addAll(rule.keywords());
    }
    all.forEach(builder::addKeyword);
    this.keywords = builder.build();
  }

  private record View(String text, boolean hidden) {
  }

  private record Hit(Rule rule, String excerpt, boolean hidden) {
  }

  public Screening screen(String text) {
    Normalizer.Invisibles invisibles = Normalizer.stripInvisibles(text);
    String folded = Normalizer.fold(invisibles.visible());
    List<View> views = new ArrayList<>();
    views.add(new View(folded, false));
    String deobfuscated = Normalizer.deobfuscate(folded);
    if (!deobfuscated.equals(folded)) {
      views.add(new View(deobfuscated, true));
    }
    if (!invisibles.tagPayload().isBlank()) {
      views.add(new View(Normalizer.fold(invisibles.tagPayload()), true));
    }
    views.add(new View(Normalizer.rot13(folded), true));
    if (invisibles.visible().indexOf('\n') >= 0) {
      views.add(new View(Normalizer.deobfuscate(Normalizer.fold(Normalizer.joinLines(invisibles.visible()))), true));
    }
    for (String decoded : Normalizer.decodedRuns(invisibles.visible())) {
      String decodedFolded = Normalizer.fold(decoded);
      views.add(new View(decodedFolded, true));
      String decodedDeobfuscated = Normalizer.deobfuscate(decodedFolded);
      if (!decodedDeobfuscated.equals(decodedFolded)) {
        views.add(new View(decodedDeobfuscated, true));
      }
    }

    Map<String, Hit> hits = new LinkedHashMap<>();
    for (View view : views) {
      Set<String> present = new HashSet<>();
      for (Emit emit : keywords.parseText(view.text())) {
        present.add(emit.getKeyword());
      }
      for (Rule rule : rules) {
        if (hits.containsKey(rule.id()) && !hits.get(rule.id()).hidden()) {
          continue;
        }
        if (rule.keywords().stream().noneMatch(present::contains)) {
          continue;
        }
        Matcher m = rule.pattern().matcher(view.text());
        if (m.find()) {
          Hit previous = hits.get(rule.id());
          if (previous == null || (previous.hidden() && !view.hidden())) {
            hits.put(rule.id(), new Hit(rule, excerpt(view.text(), m.start(), m.end()), view.hidden()));
          }
        }
      }
    }

    List<Reason> reasons = new ArrayList<>();
    boolean analysis = !hits.isEmpty() && ANALYSIS.matcher(folded).find();
    double clean = 1.0;
    double cleanUndamped = 1.0;
    boolean hiddenHit = false;
    for (Hit hit : hits.values()) {
      reasons.add(new Reason(hit.rule().category(), hit.excerpt()));
      double weight = hit.hidden() ? Math.min(1.0, hit.rule().weight() + 0.1) : hit.rule().weight();
      if (analysis && !ADDRESSED_TO_MODEL.contains(hit.rule().category())) {
        clean *= 1 - weight;
      } else {
        cleanUndamped *= 1 - weight;
      }
      hiddenHit |= hit.hidden();
    }
    double obfuscation = obfuscationWeight(invisibles, folded, hiddenHit, !hits.isEmpty());
    if (obfuscation > 0) {
      reasons.add(new Reason(Category.OBFUSCATION, obfuscationExcerpt(invisibles, folded, hiddenHit)));
      clean *= 1 - obfuscation;
    }
    // analysed material weighs less, except what addresses the model from inside it: that is the attack itself
    double damped = (1 - clean) * (analysis ? ANALYSIS_DAMPING : 1.0);
    double score = 1 - (1 - damped) * cleanUndamped;
    score = Math.round(score * 1000) / 1000.0;
    Verdict verdict = score >= BLOCK_AT ? Verdict.BLOCK : score >= FLAG_AT ? Verdict.FLAG : Verdict.ALLOW;
    return new Screening(verdict, score, List.copyOf(reasons));
  }

  /**
   * Invisible characters and mixed-script words are weak evidence alone (pasted text carries some), tag characters
   * outside flag emoji strong; an instruction found only once decoded or deobfuscated raises the score further.
   */
  private static double obfuscationWeight(Normalizer.Invisibles invisibles, String folded, boolean hiddenHit,
      boolean anyHit) {
    double weight = 0;
    if (invisibles.tags() > 0) {
      weight = Math.max(weight, 0.6);
    }
    if (invisibles.zeroWidth() >= 3) {
      weight = Math.max(weight, anyHit ? 0.5 : 0.3);
    } else if (invisibles.zeroWidth() > 0 && anyHit) {
      weight = Math.max(weight, 0.3);
    }
    int mixed = Normalizer.mixedScriptWords(folded);
    if (mixed >= 2) {
      weight = Math.max(weight, anyHit ? 0.5 : 0.3);
    } else if (mixed == 1 && anyHit) {
      weight = Math.max(weight, 0.3);
    }
    if (hiddenHit) {
      weight = Math.max(weight, 0.5);
    }
    return weight;
  }

  private static String obfuscationExcerpt(Normalizer.Invisibles invisibles, String folded, boolean hiddenHit) {
    List<String> signs = new ArrayList<>();
    if (invisibles.tags() > 0) {
      signs.add(invisibles.tags() + " Unicode tag characters");
    }
    if (invisibles.zeroWidth() > 0) {
      signs.add(invisibles.zeroWidth() + " zero-width characters");
    }
    int mixed = Normalizer.mixedScriptWords(folded);
    if (mixed > 0) {
      signs.add(mixed + " words with look-alike letters");
    }
    if (hiddenHit) {
      signs.add("instructions found only after decoding or deobfuscation");
    }
    return String.join("; ", signs);
  }

  static String excerpt(String text, int start, int end) {
    int from = Math.max(0, start - 10);
    int to = Math.min(text.length(), Math.max(end, from + 20));
    String excerpt = text.substring(from, to);
    return excerpt.length() > EXCERPT_CHARS ? excerpt.substring(0, EXCERPT_CHARS - 1) + "…" : excerpt;
  }
}
