package io.cybershield.shield.gateway.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.triage.attack.AttackCatalog;
import io.cybershield.shield.gateway.triage.attack.Technique;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model's answer to a {@link TriagePrompt}, read as untrusted input: the first JSON object in the text that has a
 * {@code findings} list (a model may wrap it in prose or a code fence), read with tight limits (depth, string and
 * number sizes). What cannot be trusted is dropped, never repaired or invented: a finding for a line the model was
 * not shown, a technique id that is malformed, unknown to the ATT&CK catalog, deprecated or revoked, a risk that is
 * not a number. An answer that is empty, cut off, not JSON, or that repeats the prompt's nonce (an echo, or a line
 * that talked the model into copying its input) is not used at all. Every drop is said in a note.
 */
final class ModelAnswer {

  private static final int MAX_ANSWER_CHARS = 256 * 1024;
  private static final int MAX_CANDIDATES = 8;
  private static final int MAX_TECHNIQUES = 8;
  private static final int MAX_RECOMMENDATION = 500;
  private static final int MAX_SUMMARY = 2000;
  private static final int DEFAULT_RISK = 50;
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(50_000)
          .maxNumberLength(32).maxDocumentLength(MAX_ANSWER_CHARS).build())
      .build());

  private ModelAnswer() {
  }

  /**
   * What was usable in an answer.
   *
   * @param usable   whether the answer was read at all
   * @param findings the model's findings, one per line, in line order
   * @param summary  the model's summary, or null
   * @param notes    what was dropped, and why
   */
  record Parsed(boolean usable, List<Assessment> findings, String summary, List<String> notes) {

    static Parsed unusable(String note) {
      return new Parsed(false, List.of(), null, List.of(note));
    }
  }

  static Parsed parse(String answer, TriagePrompt prompt, AttackCatalog catalog) {
    if (answer == null || answer.isBlank()) {
      return Parsed.unusable("The model gave an empty answer; the findings are the rules' alone.");
    }
    if (answer.contains(prompt.nonce())) {
      return Parsed.unusable("The model's answer repeated the lines it was given instead of analysing them; the "
          + "findings are the rules' alone.");
    }
    String text = answer.length() > MAX_ANSWER_CHARS ? answer.substring(0, MAX_ANSWER_CHARS) : answer;
    JsonNode root = findingsObject(text, prompt.lines());
    if (root == null) {
      return Parsed.unusable("The model's answer was not the JSON asked for (malformed, cut off, or without a "
          + "list of findings); the findings are the rules' alone.");
    }
    List<String> notes = new ArrayList<>();
    Set<Integer> shown = new HashSet<>(prompt.shown());
    Map<Integer, Assessment> byLine = new LinkedHashMap<>();
    Set<String> droppedIds = new LinkedHashSet<>();
    int droppedLines = 0;
    int malformed = 0;
    for (JsonNode item : root.get("findings")) {
      Integer index = index(item == null ? null : item.get("index"));
      if (!item.isObject() || index == null) {
        malformed++;
        continue;
      }
      if (!shown.contains(index)) {
        droppedLines++;
        continue;
      }
      List<Technique> techniques = techniques(item.get("techniques"), catalog, droppedIds);
      int risk = risk(item.get("risk"));
      String recommendation = text(item.get("recommendation"), MAX_RECOMMENDATION);
      Assessment finding = new Assessment(index, techniques, tactics(techniques), risk, recommendation, List.of(),
          List.of(), techniques.stream().anyMatch(t -> RuleTriage.RANSOMWARE_TECHNIQUES.contains(t.parentId())));
      byLine.merge(index, finding, ModelAnswer::combine);
    }
    if (malformed > 0) {
      notes.add(malformed + " finding(s) of the model had no valid line index and were dropped.");
    }
    if (droppedLines > 0) {
      notes.add(droppedLines + " finding(s) of the model named lines it was not shown and were dropped.");
    }
    if (!droppedIds.isEmpty()) {
      notes.add("The model named technique ids that are not live ATT&CK " + catalog.version() + " techniques, and "
          + "they were dropped: " + String.join(", ", droppedIds) + ".");
    }
    List<Assessment> findings = byLine.values().stream()
        .sorted(java.util.Comparator.comparingInt(Assessment::index)).toList();
    return new Parsed(true, findings, text(root.get("summary"), MAX_SUMMARY), notes);
  }

  /**
   * The first JSON object in the text that has a {@code findings} array and is not copied from one of the lines the
   * model was shown (a line an attacker wrote may hold something shaped like an answer); null when there is none.
   */
  private static JsonNode findingsObject(String text, List<String> lines) {
    int from = 0;
    for (int candidate = 0; candidate < MAX_CANDIDATES; candidate++) {
      int start = text.indexOf('{', from);
      if (start < 0) {
        return null;
      }
      try (JsonParser parser = JSON.createParser(text.substring(start))) {
        JsonNode node = parser.readValueAsTree();
        if (node != null && node.isObject() && node.path("findings").isArray()) {
          long end = parser.currentLocation().getCharOffset();
          String source = end > 0 && end <= text.length() - start ? text.substring(start, start + (int) end) : null;
          if (source == null || lines.stream().noneMatch(line -> line.contains(source))) {
            return node;
          }
        }
      } catch (IOException | RuntimeException unreadable) {
        // not JSON from here: try the next brace
      }
      from = start + 1;
    }
    return null;
  }

  private static Integer index(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isTextual() && node.textValue().strip().matches("[0-9]{1,9}")) {
      return Integer.parseInt(node.textValue().strip());
    }
    return null;
  }

  private static List<Technique> techniques(JsonNode node, AttackCatalog catalog, Set<String> dropped) {
    List<Technique> techniques = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return techniques;
    }
    for (JsonNode item : node) {
      JsonNode idNode = item.isObject() ? item.get("id") : item;
      if (idNode == null || !idNode.isTextual()) {
        continue;
      }
      String id = idNode.textValue().strip().toUpperCase(Locale.ROOT);
      var live = catalog.live(id);
      if (live.isEmpty()) {
        if (dropped.size() < 10) {
          dropped.add(id.length() > 20 ? id.substring(0, 20) + "..." : id.replaceAll("[^A-Z0-9.]", "?"));
        }
        continue;
      }
      if (techniques.size() < MAX_TECHNIQUES && techniques.stream().noneMatch(t -> t.id().equals(live.get().id()))) {
        techniques.add(live.get());
      }
    }
    return techniques;
  }

  private static List<String> tactics(List<Technique> techniques) {
    return techniques.stream()
        .map(technique -> technique.tactics().isEmpty() ? null : technique.tactics().get(0).shortname())
        .toList();
  }

  private static int risk(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return DEFAULT_RISK;
    }
    double value = node.doubleValue();
    if (Double.isNaN(value)) {
      return DEFAULT_RISK;
    }
    return (int) Math.max(0, Math.min(100, Math.round(value)));
  }

  /** A text of the model's, one line, without control characters, at most {@code max} characters; null if none. */
  static String text(JsonNode node, int max) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    String clean = node.textValue().replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").replaceAll("\\s+", " ").strip();
    if (clean.isEmpty()) {
      return null;
    }
    return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
  }

  private static Assessment combine(Assessment first, Assessment second) {
    List<Technique> techniques = new ArrayList<>(first.techniques());
    second.techniques().stream().filter(t -> techniques.stream().noneMatch(k -> k.id().equals(t.id())))
        .forEach(techniques::add);
    return new Assessment(first.index(), techniques, tactics(techniques), Math.max(first.risk(), second.risk()),
        first.recommendation() != null ? first.recommendation() : second.recommendation(), List.of(), List.of(),
        first.ransomware() || second.ransomware());
  }
}
