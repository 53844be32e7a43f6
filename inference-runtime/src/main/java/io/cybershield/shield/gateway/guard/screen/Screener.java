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

  /** How much of the weight of an instruction to the model survives in a text that discusses such attacks. */
  static final double META_DAMPING = 0.7;

  private static final Pattern ANALYSIS = Pattern.compile(Rules.ANALYSIS);
  private static final Pattern META = Pattern.compile(Rules.META);
  /** Categories whose evidence an analysing context does not weaken: data that speaks to the model. */
  private static final Set<String> ADDRESSED_TO_MODEL = Set.of(Category.INDIRECT_INJECTION, Category.EXFILTRATION,
      Category.TOOL_HIJACKING);

  private final List<Rule> rules;
  private final Trie keywords;
  /** Null: rules only. */
  private final Classifier classifier;

  /** The rules and the shared classifier (trained on first use from the shipped corpora). */
  public Screener() {
    this(Rules.ALL, Classifier.shared());
  }

  /** The rules alone (no classifier). */
  Screener(List<Rule> rules) {
    this(rules, null);
  }

  Screener(List<Rule> rules, Classifier classifier) {
    this.classifier = classifier;
    this.rules = List.copyOf(rules);
    Trie.TrieBuilder builder = Trie.builder();
    Set<String> all = new HashSet<>();
    for (Rule rule : rules) {
      all.addAll(rule.keywords());
    }
    all.forEach(builder::addKeyword);
    this.keywords = builder.build();
  }

  private record View(String text, boolean hidden, boolean compact, boolean features) {
    View(String text, boolean hidden, boolean compact) {
      this(text, hidden, compact, false);
    }
  }

  /** Adds a (non-compact) view unless one with the same text is there already. */
  private static void addView(List<View> views, String text, boolean hidden) {
    for (View view : views) {
      if (view.text().equals(text)) {
        return;
      }
    }
    views.add(new View(text, hidden, false));
  }

  private record Hit(Rule rule, String excerpt, boolean hidden) {
  }

  /**
   * The views of a text; {@code features} marks those the classifier reads (not rot13, reversed or compact, which
   * are only built when {@code withRuleOnlyViews}).
   */
  private static List<View> views(Normalizer.Invisibles invisibles, String folded, boolean withRuleOnlyViews) {
    List<View> views = new ArrayList<>();
    views.add(new View(folded, false, false));
    String deobfuscated = Normalizer.deobfuscate(folded);
    addView(views, deobfuscated, true);
    addView(views, Normalizer.joinSpacedLetters(Normalizer.undoLeetAsL(Normalizer.mapConfusables(folded))), true);
    if (!invisibles.tagPayload().isBlank()) {
      String tagText = Normalizer.fold(invisibles.tagPayload());
      addView(views, tagText, true);
      addView(views, Normalizer.deobfuscate(tagText), true);
    }
    if (invisibles.visible().indexOf('\n') >= 0) {
      addView(views, Normalizer.deobfuscate(Normalizer.fold(Normalizer.joinLines(invisibles.visible()))), true);
    }
    String urlDecoded = Normalizer.fold(Normalizer.urlDecode(invisibles.visible()));
    addView(views, urlDecoded, !urlDecoded.replace(" ", "").equals(folded.replace(" ", "").replace("+", "")));
    addView(views, Normalizer.deobfuscate(Normalizer.joinSpacedWords(invisibles.visible())), true);
    for (String decoded : Normalizer.decodedRuns(invisibles.visible())) {
      String decodedFolded = Normalizer.fold(decoded);
      views.add(new View(decodedFolded, true, false));
      addView(views, Normalizer.deobfuscate(decodedFolded), true);
    }
    int featureViews = views.size();
    for (int i = 0; i < featureViews; i++) {
      View view = views.get(i);
      views.set(i, new View(view.text(), view.hidden(), view.compact(), true));
    }
    if (!withRuleOnlyViews) {
      return views;
    }
    views.add(new View(Normalizer.rot13(folded), true, false));
    views.add(new View(Normalizer.reverse(folded), true, false));
    views.add(new View(Normalizer.compact(folded), true, true));
    String compactDeobfuscated = Normalizer.compact(deobfuscated);
    if (!compactDeobfuscated.equals(views.get(views.size() - 1).text())) {
      views.add(new View(compactDeobfuscated, true, true));
    }
    return views;
  }

  /** The texts of the views the classifier reads: the folded text, its deobfuscated and decoded readings. */
  static List<String> featureViews(String text) {
    Normalizer.Invisibles invisibles = Normalizer.stripInvisibles(text);
    return featureTexts(views(invisibles, Normalizer.fold(invisibles.visible()), false));
  }

  private static List<String> featureTexts(List<View> views) {
    List<String> texts = new ArrayList<>();
    views.stream().filter(View::features).forEach(v -> texts.add(v.text()));
    return texts;
  }

  public Screening screen(String text) {
    Normalizer.Invisibles invisibles = Normalizer.stripInvisibles(text);
    String folded = Normalizer.fold(invisibles.visible());
    List<View> views = views(invisibles, folded, true);

    Map<String, Hit> hits = new LinkedHashMap<>();
    for (View view : views) {
      Set<String> present = new HashSet<>();
      for (Emit emit : keywords.parseText(view.text())) {
        present.add(emit.getKeyword());
      }
      for (Rule rule : rules) {
        if (rule.compact() != view.compact()) {
          continue;
        }
        if (hits.containsKey(rule.id()) && !hits.get(rule.id()).hidden()) {
          continue;
        }
        if (!rule.keywords().isEmpty() && rule.keywords().stream().noneMatch(present::contains)) {
          continue;
        }
        Matcher m = rule.pattern().matcher(view.text());
        if (m.find() && rule.matches(view.text(), m)) {
          Hit previous = hits.get(rule.id());
          if (previous == null || (previous.hidden() && !view.hidden())) {
            hits.put(rule.id(), new Hit(rule, excerpt(view.text(), m.start(), m.end()), view.hidden()));
          }
        }
      }
    }

    // a compact rule stands in for a normal one of its category that the spacing defeated, never in addition to it
    Set<String> normalCategories = new HashSet<>();
    hits.values().stream().filter(h -> !h.rule().compact()).forEach(h -> normalCategories.add(h.rule().category()));
    hits.values().removeIf(h -> h.rule().compact() && normalCategories.contains(h.rule().category()));

    List<Reason> reasons = new ArrayList<>();
    boolean analysis = !hits.isEmpty() && ANALYSIS.matcher(folded).find();
    boolean meta = analysis && META.matcher(folded).find();
    // per category, the strongest hit counts in full and each further one (overlapping rules) at half the weight
    Map<String, List<Double>> dampedWeights = new LinkedHashMap<>();
    Map<String, List<Double>> undampedWeights = new LinkedHashMap<>();
    boolean hiddenHit = false;
    for (Hit hit : hits.values()) {
      Reason reason = new Reason(hit.rule().category(), hit.excerpt());
      if (!reasons.contains(reason)) {
        reasons.add(reason);
      }
      double weight = hit.hidden() ? Math.min(1.0, hit.rule().weight() + 0.1) : hit.rule().weight();
      String category = hit.rule().category();
      if (analysis && !ADDRESSED_TO_MODEL.contains(category)) {
        dampedWeights.computeIfAbsent(category, c -> new ArrayList<>()).add(weight);
      } else {
        // a text about injection that quotes an instruction to the model: still flagged, not blocked
        undampedWeights.computeIfAbsent(category, c -> new ArrayList<>()).add(meta ? weight * META_DAMPING : weight);
      }
      hiddenHit |= hit.hidden();
    }
    double clean = clean(dampedWeights);
    double cleanUndamped = clean(undampedWeights);
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
    if (verdict == Verdict.ALLOW && classifier != null && Classifier.enoughText(folded)) {
      // the classifier can only flag: wording the rules do not know, read after deobfuscation and decoding
      List<String> featureTexts = featureTexts(views);
      double probability = classifier.probability(featureTexts);
      if (probability >= Classifier.FLAG_PROBABILITY) {
        verdict = Verdict.FLAG;
        score = Math.max(score, FLAG_AT);
        reasons.add(new Reason(Category.CLASSIFIER, excerptOf(classifier.topWords(featureTexts, 4))));
      }
    }
    return new Screening(verdict, score, List.copyOf(reasons));
  }

  /** The product of (1 - weight) over the hits, the weights of each category after its strongest halved in turn. */
  private static double clean(Map<String, List<Double>> byCategory) {
    double clean = 1.0;
    for (List<Double> weights : byCategory.values()) {
      weights.sort(java.util.Comparator.reverseOrder());
      double factor = 1.0;
      for (double weight : weights) {
        clean *= 1 - weight * factor;
        factor /= 2;
      }
    }
    return clean;
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

  private static String excerptOf(String text) {
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS - 1) + "…" : text;
  }

  static String excerpt(String text, int start, int end) {
    int from = Math.max(0, start - 10);
    int to = Math.min(text.length(), Math.max(end, from + 20));
    String excerpt = text.substring(from, to);
    return excerpt.length() > EXCERPT_CHARS ? excerpt.substring(0, EXCERPT_CHARS - 1) + "…" : excerpt;
  }
}
