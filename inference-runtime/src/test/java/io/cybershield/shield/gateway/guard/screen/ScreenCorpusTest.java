package io.cybershield.shield.gateway.guard.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.guard.screen.Screening.Verdict;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screener on Shield's own labelled corpora ({@code guard/screen/*.jsonl}): attack detection (blocked or
 * flagged) and the benign block rate, in all and per category and language. The tuning set must meet the targets
 * (≥ 90 % detected, ≤ 5 % of benign blocked); the held-out set, written after the rules were tuned, is reported.
 */
class ScreenCorpusTest {

  static final double DETECTION_TARGET = 0.90;
  static final double BENIGN_BLOCK_TARGET = 0.05;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Screener screener = new Screener();

  record Figures(double detection, double benignBlocked, double benignFlagged, int attacks, int benign) {
  }

  @Test
  void tuningSetMeetsTheTargets() throws IOException {
    Figures figures = measure("tuning.jsonl");
    assertThat(figures.attacks()).isGreaterThanOrEqualTo(150);
    assertThat(figures.benign()).isGreaterThanOrEqualTo(150);
    assertThat(figures.detection()).isGreaterThanOrEqualTo(DETECTION_TARGET);
    assertThat(figures.benignBlocked()).isLessThanOrEqualTo(BENIGN_BLOCK_TARGET);
  }

  /** Reported, not asserted against the targets: these records were not used to tune the rules. */
  @Test
  void heldOutSetIsReported() throws IOException {
    Figures figures = measure("heldout.jsonl");
    assertThat(figures.attacks() + figures.benign()).isPositive();
    if (figures.detection() < DETECTION_TARGET || figures.benignBlocked() > BENIGN_BLOCK_TARGET) {
      System.out.println("[screen corpus] heldout.jsonl is BELOW the targets");
    }
  }

  private Figures measure(String file) throws IOException {
    Map<String, int[]> byGroup = new TreeMap<>();
    int attacks = 0;
    int detected = 0;
    int benign = 0;
    int blocked = 0;
    int flagged = 0;
    List<String> misses = new ArrayList<>();
    for (JsonNode record : read(file)) {
      String text = record.get("text").asText();
      Screening screening = screener.screen(text);
      String language = record.path("language").asText("en");
      if ("attack".equals(record.get("label").asText())) {
        attacks++;
        boolean hit = screening.verdict() != Verdict.ALLOW;
        detected += hit ? 1 : 0;
        count(byGroup, "attack category " + record.path("category").asText("?"), hit);
        count(byGroup, "attack language " + language, hit);
        if (!hit) {
          misses.add("MISSED " + screening.score() + " " + oneLine(text));
        }
      } else {
        benign++;
        boolean block = screening.verdict() == Verdict.BLOCK;
        blocked += block ? 1 : 0;
        flagged += screening.verdict() == Verdict.FLAG ? 1 : 0;
        count(byGroup, "benign language " + language + " (blocked)", block);
        if (block) {
          misses.add("BLOCKED BENIGN " + screening.score() + " " + screening.reasons() + " " + oneLine(text));
        }
      }
    }
    Figures figures = new Figures(attacks == 0 ? 0 : (double) detected / attacks,
        benign == 0 ? 0 : (double) blocked / benign, benign == 0 ? 0 : (double) flagged / benign, attacks, benign);
    StringBuilder report = new StringBuilder();
    report.append(String.format("[screen corpus] %s: %d attacks, detected %.1f %% (target >= 90 %%); %d benign,"
            + " blocked %.1f %% (target <= 5 %%), flagged %.1f %%%n", file, attacks, 100 * figures.detection(),
        benign, 100 * figures.benignBlocked(), 100 * figures.benignFlagged()));
    byGroup.forEach((group, counts) -> report.append(String.format("[screen corpus]   %-45s %3d/%3d (%.1f %%)%n",
        group, counts[0], counts[1], 100.0 * counts[0] / counts[1])));
    misses.forEach(miss -> report.append("[screen corpus]   ").append(miss).append('\n'));
    System.out.print(report);
    return figures;
  }

  private static void count(Map<String, int[]> byGroup, String group, boolean positive) {
    int[] counts = byGroup.computeIfAbsent(group, g -> new int[2]);
    counts[0] += positive ? 1 : 0;
    counts[1]++;
  }

  private static String oneLine(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 140 ? line.substring(0, 140) + "…" : line;
  }

  static List<JsonNode> read(String file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    try (InputStream in = ScreenCorpusTest.class.getResourceAsStream("/guard/screen/" + file)) {
      if (in == null) {
        return records;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          records.add(JSON.readTree(line));
        }
      }
    }
    return records;
  }
}
