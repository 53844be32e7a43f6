package io.cybershield.shield.gateway.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.api.StandIns;
import io.cybershield.shield.gateway.triage.attack.AttackCatalog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled corpora scored the way the project is checked: through {@code POST /v1/triage} on a running gateway
 * (whose model pods are the echoing stand-ins, as on {@code bin/shield-sandbox}), the lines of each source sent
 * together, a line counted as flagged when it is among the findings, its technique right when the parent of the
 * finding's first technique is the label's parent, and every technique id in every answer a live id of the shipped
 * catalog. The held-out sets were written apart from the rules, each scored once blind and tuned on since (their
 * first-sight figures are in the corpus README); the figures are printed to the test output.
 */
@QuarkusTest
@WithTestResource(StandIns.class)
class TriageCorpusIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AttackCatalog CATALOG = AttackCatalog.shipped();

  record Item(String source, String line, boolean malicious, String technique) {
  }

  /** Counts over one corpus. */
  static final class Score {
    int malicious;
    int benign;
    int truePositives;
    int falsePositives;
    int labelled;
    int rightTechnique;

    double recall() {
      return malicious == 0 ? 0 : (double) truePositives / malicious;
    }

    double falsePositiveRate() {
      return benign == 0 ? 0 : (double) falsePositives / benign;
    }

    double techniqueAccuracy() {
      return labelled == 0 ? 0 : (double) rightTechnique / labelled;
    }

    String summary() {
      return String.format(Locale.ROOT, "recall %d/%d (%.1f %%), false positives %d/%d (%.1f %%), technique %d/%d "
          + "(%.1f %%)", truePositives, malicious, 100 * recall(), falsePositives, benign, 100 * falsePositiveRate(),
          rightTechnique, labelled, 100 * techniqueAccuracy());
    }
  }

  @Test
  void theTuningSetMeetsTheTargetsThroughTheApi() throws IOException {
    assertTargets(score("tuning.jsonl"));
  }

  @Test
  void theFirstHeldOutSetNowTunedOnMeetsTheTargetsThroughTheApi() throws IOException {
    assertTargets(score("seen-heldout-1.jsonl"));
  }

  /**
   * The second held-out set: first sight, scored blind once, recall 65.8 %, false positives 4.9 %, technique 77.4 %;
   * tuned on since (round 3, rules only: 81.1 % / 4.0 % / 80.8 %), so it is now held to the targets through
   * the API too.
   */
  @Test
  void theSecondHeldOutSetKeepsAtLeastItsFirstSightFiguresThroughTheApi() throws IOException {
    Score score = score("seen-heldout-2.jsonl");
    assertThat(score.recall()).as(score.summary()).isGreaterThanOrEqualTo(0.80);
    assertThat(score.falsePositiveRate()).as(score.summary()).isLessThanOrEqualTo(0.10);
    assertThat(score.techniqueAccuracy()).as(score.summary()).isGreaterThanOrEqualTo(0.60);
  }

  private static void assertTargets(Score score) {
    assertThat(score.malicious).isPositive();
    assertThat(score.benign).isPositive();
    assertThat(score.recall()).as(score.summary()).isGreaterThanOrEqualTo(0.80);
    assertThat(score.falsePositiveRate()).as(score.summary()).isLessThanOrEqualTo(0.10);
    assertThat(score.techniqueAccuracy()).as(score.summary()).isGreaterThanOrEqualTo(0.60);
  }

  private static Score score(String corpus) throws IOException {
    Map<String, List<Item>> bySource = new LinkedHashMap<>();
    for (Item item : read(corpus)) {
      bySource.computeIfAbsent(item.source(), source -> new ArrayList<>()).add(item);
    }
    Score overall = new Score();
    StringBuilder report = new StringBuilder("Triage through POST /v1/triage on " + corpus + ":\n");
    for (Map.Entry<String, List<Item>> source : bySource.entrySet()) {
      List<Item> items = source.getValue();
      Map<String, Object> request = Map.of("source", source.getKey(),
          "lines", items.stream().map(Item::line).toList());
      JsonNode answer = JSON.readTree(given().contentType("application/json").body(JSON.writeValueAsString(request))
          .when().post("/v1/triage").then().statusCode(200).extract().asString());
      Map<Integer, JsonNode> findings = new LinkedHashMap<>();
      for (JsonNode finding : answer.path("findings")) {
        findings.put(finding.path("index").asInt(), finding);
        for (JsonNode technique : finding.path("techniques")) {
          assertThat(CATALOG.live(technique.path("id").asText())).as("technique " + technique + " of " + corpus)
              .isPresent();
        }
      }
      Score score = new Score();
      for (int index = 0; index < items.size(); index++) {
        Item item = items.get(index);
        JsonNode finding = findings.get(index);
        if (!item.malicious()) {
          score.benign++;
          score.falsePositives += finding == null ? 0 : 1;
          continue;
        }
        score.malicious++;
        if (finding == null) {
          continue;
        }
        score.truePositives++;
        if (item.technique() != null) {
          score.labelled++;
          JsonNode first = finding.path("techniques").path(0).path("id");
          if (!first.isMissingNode() && parent(first.asText()).equals(parent(item.technique()))) {
            score.rightTechnique++;
          }
        }
      }
      report.append(String.format(Locale.ROOT, "  %-17s %s%n", source.getKey(), score.summary()));
      overall.malicious += score.malicious;
      overall.benign += score.benign;
      overall.truePositives += score.truePositives;
      overall.falsePositives += score.falsePositives;
      overall.labelled += score.labelled;
      overall.rightTechnique += score.rightTechnique;
    }
    report.append(String.format(Locale.ROOT, "  %-17s %s%n", "overall", overall.summary()));
    System.out.print(report);
    return overall;
  }

  private static String parent(String technique) {
    String id = technique.strip().toUpperCase(Locale.ROOT);
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  private static List<Item> read(String corpus) throws IOException {
    try (InputStream in = TriageCorpusIT.class.getClassLoader().getResourceAsStream("triage/corpus/" + corpus)) {
      assertThat(in).as("triage/corpus/" + corpus).isNotNull();
      List<Item> items = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          JsonNode node = JSON.readTree(line);
          JsonNode technique = node.get("technique");
          items.add(new Item(node.path("source").asText(), node.path("line").asText(),
              node.path("malicious").asBoolean(), technique == null || technique.isNull() ? null
              : technique.asText()));
        }
      }
      return items;
    }
  }
}
