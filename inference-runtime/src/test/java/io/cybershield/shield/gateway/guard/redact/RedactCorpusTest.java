package io.cybershield.shield.gateway.guard.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redactor on the labelled corpus in {@code guard/redact/} (invented SOC material, written by
 * {@code generate.py}): the share of items redacted with their type must be at least 99 %, the share of clean
 * records touched at most 5 %. The figures are printed; the misses are listed by type, never by value.
 */
class RedactCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Redactor redactor = new Redactor();

  @Test
  void redactsTheItemsAndLeavesTheCleanRecords() throws IOException {
    List<JsonNode> secrets = read("guard/redact/secrets.jsonl");
    List<JsonNode> clean = read("guard/redact/clean.jsonl");
    int items = 0;
    int redacted = 0;
    List<String> misses = new ArrayList<>();
    for (int record = 0; record < secrets.size(); record++) {
      JsonNode item = secrets.get(record);
      String text = item.get("text").asText();
      List<Finding> findings = redactor.find(text);
      for (JsonNode expected : item.get("findings")) {
        items++;
        String type = expected.get("type").asText();
        String value = expected.get("value").asText();
        int at = text.indexOf(value);
        assertThat(at).as("record %d names a value its text holds", record).isGreaterThanOrEqualTo(0);
        boolean covered = findings.stream().anyMatch(f -> f.type().equals(type) && f.start() <= at
            && f.end() >= at + value.length());
        if (covered) {
          redacted++;
        } else {
          misses.add("secrets.jsonl line " + (record + 1) + ": " + type + " not redacted (found: "
              + findings.stream().map(Finding::type).toList() + ")");
        }
      }
    }
    int touched = 0;
    List<String> touches = new ArrayList<>();
    for (int record = 0; record < clean.size(); record++) {
      List<Finding> findings = redactor.find(clean.get(record).get("text").asText());
      if (!findings.isEmpty()) {
        touched++;
        touches.add("clean.jsonl line " + (record + 1) + ": " + findings.stream().map(Finding::type).toList());
      }
    }
    double redactedShare = 100.0 * redacted / items;
    double touchedShare = 100.0 * touched / clean.size();
    System.out.printf("Redaction corpus: %d of %d items redacted (%.2f %%) in %d records; %d of %d clean records "
        + "touched (%.2f %%)%n", redacted, items, redactedShare, secrets.size(), touched, clean.size(), touchedShare);
    misses.forEach(System.out::println);
    touches.forEach(System.out::println);

    assertThat(items).isGreaterThanOrEqualTo(300);
    assertThat(clean).hasSizeGreaterThanOrEqualTo(200);
    assertThat(redactedShare).as("share of items redacted; misses: %s", misses).isGreaterThanOrEqualTo(99.0);
    assertThat(touchedShare).as("share of clean records touched: %s", touches).isLessThanOrEqualTo(5.0);
  }

  private static List<JsonNode> read(String resource) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    try (InputStream in = RedactCorpusTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          records.add(JSON.readTree(line));
        }
      }
    }
    return records;
  }
}
