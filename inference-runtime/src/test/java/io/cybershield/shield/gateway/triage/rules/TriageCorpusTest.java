package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's targets, rules only, on a labelled corpus: malicious-line recall at least 80 %, false positives at
 * most 10 %, the right technique (parent id) on at least 60 % of true positives. The default corpus is
 * {@code tuning.jsonl}; {@code -Dtriage.corpus=<file name or path>} (or the environment variable
 * {@code TRIAGE_CORPUS}) scores another one, the held-out set for example, with the same code. The per-source report
 * (recall, false positives, technique accuracy, then every miss and false alarm) is printed to the test output.
 */
class TriageCorpusTest {

  @Test
  void theShippedRulesMeetTheIssueTargetsOnTheCorpus() throws IOException {
    String fromEnvironment = System.getenv("TRIAGE_CORPUS");
    String corpus = System.getProperty("triage.corpus",
        fromEnvironment == null || fromEnvironment.isBlank() ? "tuning.jsonl" : fromEnvironment);
    CorpusScore score = CorpusScore.of(corpus);
    System.out.println(score.report(corpus));
    CorpusScore.Figures overall = score.overall;
    assertThat(overall.malicious).as("malicious lines in " + corpus).isPositive();
    assertThat(overall.benign).as("benign lines in " + corpus).isPositive();
    assertThat(overall.recall()).as("recall on " + corpus).isGreaterThanOrEqualTo(0.80);
    assertThat(overall.falsePositiveRate()).as("false-positive rate on " + corpus).isLessThanOrEqualTo(0.10);
    assertThat(overall.techniqueAccuracy()).as("technique accuracy on " + corpus).isGreaterThanOrEqualTo(0.60);
  }
}
