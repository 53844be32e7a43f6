package io.cybershield.shield.gateway.triage.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogParser;
import io.cybershield.shield.gateway.triage.logs.LogSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores the shipped rules on a labelled corpus the way the issue measures them: the lines of one source are sent
 * together, in file order, as one request; each line is parsed with {@link LogParser}, the whole request is
 * evaluated with {@link RuleSet#shipped()}, and a line counts as flagged when a rule of level low or above hits it.
 * Recall and false-positive rate are per line; the technique of a flagged malicious line is the primary (first)
 * technique of its highest-level hit (ties: the rule listed first), compared by parent id with the label. The
 * looser "any technique of any hit" figure is reported next to it because a finding lists every hit's techniques.
 */
final class CorpusScore {

  /** One labelled line of a corpus file. */
  record Item(String source, String line, boolean malicious, String technique, String note) {
  }

  /** Counts for one source (or all of them). */
  static final class Figures {
    int malicious;
    int benign;
    int truePositives;
    int falsePositives;
    int techniqueLabelled;
    int techniquePrimary;
    int techniqueAny;
    final List<String> missed = new ArrayList<>();
    final List<String> falseAlarms = new ArrayList<>();
    final List<String> wrongTechnique = new ArrayList<>();

    double recall() {
      return malicious == 0 ? 1.0 : (double) truePositives / malicious;
    }

    double falsePositiveRate() {
      return benign == 0 ? 0.0 : (double) falsePositives / benign;
    }

    double techniqueAccuracy() {
      return techniqueLabelled == 0 ? 1.0 : (double) techniquePrimary / techniqueLabelled;
    }

    double techniqueAnyAccuracy() {
      return techniqueLabelled == 0 ? 1.0 : (double) techniqueAny / techniqueLabelled;
    }

    void add(Figures other) {
      malicious += other.malicious;
      benign += other.benign;
      truePositives += other.truePositives;
      falsePositives += other.falsePositives;
      techniqueLabelled += other.techniqueLabelled;
      techniquePrimary += other.techniquePrimary;
      techniqueAny += other.techniqueAny;
    }

    String summary() {
      return String.format(Locale.ROOT,
          "recall %d/%d (%.1f %%), false positives %d/%d (%.1f %%), technique %d/%d (%.1f %%, any hit %.1f %%)",
          truePositives, malicious, 100 * recall(), falsePositives, benign, 100 * falsePositiveRate(),
          techniquePrimary, techniqueLabelled, 100 * techniqueAccuracy(), 100 * techniqueAnyAccuracy());
    }
  }

  /** The figures per source id, plus {@code "overall"}. */
  final Map<String, Figures> bySource = new TreeMap<>();
  final Figures overall = new Figures();

  private CorpusScore() {
  }

  /**
   * Scores a corpus file: a path on disk if it exists, else a name under the test resources'
   * {@code triage/corpus/} directory (for example {@code tuning.jsonl}).
   */
  static CorpusScore of(String corpus) throws IOException {
    return of(read(corpus), RuleSet.shipped());
  }

  static CorpusScore of(List<Item> items, RuleSet rules) {
    Map<String, List<Item>> bySource = new LinkedHashMap<>();
    for (Item item : items) {
      bySource.computeIfAbsent(item.source(), s -> new ArrayList<>()).add(item);
    }
    CorpusScore score = new CorpusScore();
    for (Map.Entry<String, List<Item>> source : bySource.entrySet()) {
      LogSource declared = LogSource.fromName(source.getKey()).orElse(LogSource.AUTO);
      List<Item> lines = source.getValue();
      List<LogEvent> events = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        events.add(LogParser.parse(declared, i, lines.get(i).line()));
      }
      Map<Integer, List<RuleHit>> hits = new TreeMap<>();
      for (RuleHit hit : rules.evaluate(events)) {
        if (hit.rule().level().compareTo(Level.LOW) >= 0) {
          hits.computeIfAbsent(hit.index(), k -> new ArrayList<>()).add(hit);
        }
      }
      Map<String, Integer> order = new LinkedHashMap<>();
      for (Rule rule : rules.rules()) {
        order.put(rule.id(), order.size());
      }
      Figures figures = new Figures();
      for (int i = 0; i < lines.size(); i++) {
        Item item = lines.get(i);
        List<RuleHit> lineHits = hits.getOrDefault(i, List.of());
        String shown = source.getKey() + " #" + i + " " + abbreviate(item.line());
        if (item.malicious()) {
          figures.malicious++;
          if (lineHits.isEmpty()) {
            figures.missed.add(shown + "  [" + item.technique() + "] " + item.note());
            continue;
          }
          figures.truePositives++;
          if (item.technique() == null || item.technique().isBlank()) {
            continue;
          }
          figures.techniqueLabelled++;
          String expected = parent(item.technique());
          RuleHit best = lineHits.stream()
              .sorted(Comparator.comparing((RuleHit h) -> h.rule().level()).reversed()
                  .thenComparing(h -> order.getOrDefault(h.rule().id(), 0)))
              .findFirst().orElseThrow();
          Optional<String> primary = best.rule().techniques().stream().findFirst();
          if (primary.isPresent() && parent(primary.get()).equals(expected)) {
            figures.techniquePrimary++;
          } else {
            figures.wrongTechnique.add(shown + "  expected " + item.technique() + ", got " + primary.orElse("-")
                + " from " + best.rule().id());
          }
          boolean any = lineHits.stream().flatMap(h -> h.rule().techniques().stream())
              .anyMatch(t -> parent(t).equals(expected));
          if (any) {
            figures.techniqueAny++;
          }
        } else {
          figures.benign++;
          if (!lineHits.isEmpty()) {
            figures.falsePositives++;
            figures.falseAlarms.add(shown + "  <- " + lineHits.stream().map(h -> h.rule().id()).distinct()
                .toList() + "  " + item.note());
          }
        }
      }
      score.bySource.put(source.getKey(), figures);
      score.overall.add(figures);
    }
    return score;
  }

  /** A human-readable report: the figures per source and overall, then every miss and false alarm. */
  String report(String corpus) {
    StringBuilder out = new StringBuilder("Triage rules on " + corpus + " (rules only):\n");
    bySource.forEach((source, f) -> out.append(String.format(Locale.ROOT, "  %-17s %s%n", source, f.summary())));
    out.append(String.format(Locale.ROOT, "  %-17s %s%n", "overall", overall.summary()));
    bySource.values().forEach(f -> f.missed.forEach(m -> out.append("  MISSED ").append(m).append('\n')));
    bySource.values().forEach(f -> f.falseAlarms.forEach(m -> out.append("  FALSE  ").append(m).append('\n')));
    bySource.values().forEach(f -> f.wrongTechnique.forEach(m -> out.append("  TECH   ").append(m).append('\n')));
    return out.toString();
  }

  static String parent(String technique) {
    String id = technique.trim().toUpperCase(Locale.ROOT);
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  private static String abbreviate(String line) {
    String flat = line.replace('\n', ' ');
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }

  static List<Item> read(String corpus) throws IOException {
    String text;
    Path path = Path.of(corpus);
    if (Files.isRegularFile(path)) {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } else {
      try (InputStream in = CorpusScore.class.getClassLoader().getResourceAsStream("triage/corpus/" + corpus)) {
        if (in == null) {
          throw new IOException("no corpus file " + corpus + " (neither a path nor triage/corpus/" + corpus + ")");
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    ObjectMapper json = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = json.readTree(line);
      JsonNode technique = node.get("technique");
      items.add(new Item(node.path("source").asText(), node.path("line").asText(),
          node.path("malicious").asBoolean(), technique == null || technique.isNull() ? null : technique.asText(),
          node.path("note").asText("")));
    }
    return items;
  }

  /** For a quick look outside Maven: {@code java ... CorpusScore tuning.jsonl}. */
  public static void main(String[] args) throws IOException {
    String corpus = args.length > 0 ? args[0] : "tuning.jsonl";
    System.out.print(of(corpus).report(corpus));
  }
}
