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
 * flagged) and the benign block rate, in all and per category and language, printed for each set. Each set has a
 * floor a few points below its measured figures; where the targets (≥ 90 % detected, ≤ 5 % of benign blocked) were
 * met, the floor is at least the targets. What each set has seen of the tuning is in docs/guard-screening.md
 * (method and figures): {@code tuning.jsonl} (the first held-out set included) was tuned on; {@code heldout2.jsonl}
 * was measured before the rework (39.2 %) and its failures tuned on since; {@code heldout3.jsonl} to
 * {@code heldout7.jsonl} were each written fresh after a round of changes and measured once clean (86.5 %, 84.1 %,
 * 85.5 %, 69.2 %, 78.3 %); their records were never tuned on, but later rounds were written by the same author and
 * their totals were read again, so only the first figure of each is a held-out one. The screener measured here
 * includes the classifier, which is trained on tuning and heldout2..7: on those sets its figures are seen ones (the
 * cross-validated ones are in {@code ScreenClassifierTest}). {@code heldout8.jsonl} was written before the
 * classifier, measured once on the rules (72.6 %) and is trained or tuned on by nothing: 97.3 % with the classifier.
 */
class ScreenCorpusTest {

  static final double DETECTION_TARGET = 0.90;
  static final double BENIGN_BLOCK_TARGET = 0.05;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Screener screener = new Screener();

  record Figures(double detection, double benignBlocked, double benignFlagged, int attacks, int benign) {
  }

  /** {file, minimum attacks, minimum benign} and {detection floor, benign block ceiling} per set. */
  record Floor(String file, int attacks, int benign, double detection, double blocked) {
  }

  static final List<Floor> FLOORS = List.of(
      new Floor("tuning.jsonl", 250, 250, 0.97, 0.02),
      new Floor("heldout2.jsonl", 160, 160, 0.97, 0.02),
      new Floor("heldout3.jsonl", 60, 60, 0.91, 0.03),
      new Floor("heldout4.jsonl", 60, 60, 0.88, 0.03),
      new Floor("heldout5.jsonl", 60, 60, 0.89, 0.04),
      new Floor("heldout6.jsonl", 60, 60, 0.83, 0.03),
      new Floor("heldout7.jsonl", 60, 60, 0.75, 0.04),
      new Floor("heldout8.jsonl", 100, 100, 0.94, 0.04));

  @Test
  void tuningSetMeetsItsFloors() throws IOException {
    assertFloors(FLOORS.get(0));
  }

  @Test
  void secondHeldOutSetMeetsItsFloors() throws IOException {
    assertFloors(FLOORS.get(1));
  }

  @Test
  void laterHeldOutSetsMeetTheirFloors() throws IOException {
    for (Floor floor : FLOORS.subList(2, FLOORS.size())) {
      assertFloors(floor);
    }
  }

  private void assertFloors(Floor floor) throws IOException {
    assertFloors(floor.file(), floor.attacks(), floor.benign(), floor.detection(), floor.blocked(),
        floor.detection() >= DETECTION_TARGET);
  }

  private void assertFloors(String file, int minAttacks, int minBenign, double detection, double blocked,
      boolean targetsMet) throws IOException {
    Figures figures = measure(file);
    assertThat(figures.attacks()).isGreaterThanOrEqualTo(minAttacks);
    assertThat(figures.benign()).isGreaterThanOrEqualTo(minBenign);
    if (targetsMet) {
      assertThat(detection).isGreaterThanOrEqualTo(DETECTION_TARGET);
      assertThat(blocked).isLessThanOrEqualTo(BENIGN_BLOCK_TARGET);
    }
    assertThat(figures.detection()).as(file + " detection").isGreaterThanOrEqualTo(detection);
    assertThat(figures.benignBlocked()).as(file + " benign blocked").isLessThanOrEqualTo(blocked);
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
