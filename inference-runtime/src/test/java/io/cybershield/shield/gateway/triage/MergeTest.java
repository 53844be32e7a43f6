package io.cybershield.shield.gateway.triage;

import io.cybershield.shield.gateway.triage.attack.AttackCatalog;
import io.cybershield.shield.gateway.triage.attack.Technique;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules are the authority the model adds to: it can neither remove a rule's finding nor call its own critical. */
class MergeTest {

  private static final AttackCatalog CATALOG = AttackCatalog.shipped();
  private static final List<String> LINES = List.of("line zero", "line one", "line two", "line three");

  private static Technique technique(String id) {
    return CATALOG.live(id).orElseThrow();
  }

  private static Assessment rule(int index, int risk, String... ids) {
    List<Technique> techniques = java.util.Arrays.stream(ids).map(MergeTest::technique).toList();
    return new Assessment(index, techniques, techniques.stream().map(t -> t.tactics().get(0).shortname()).toList(),
        risk, "Reset the credentials of the account.", List.of("step one", "step two"),
        List.of(new TriageApi.Evidence("shield-test-001", "A test rule", "CommandLine", "sekurlsa")), false);
  }

  private static Assessment model(int index, int risk, String recommendation, String... ids) {
    List<Technique> techniques = java.util.Arrays.stream(ids).map(MergeTest::technique).toList();
    return new Assessment(index, techniques, techniques.stream().map(t -> t.tactics().get(0).shortname()).toList(),
        risk, recommendation, List.of(), List.of(),
        techniques.stream().anyMatch(t -> RuleTriage.RANSOMWARE_TECHNIQUES.contains(t.parentId())));
  }

  @Test
  void aRuleFindingAloneKeepsEverythingTheRuleSaid() {
    List<TriageApi.Finding> findings = Merge.findings(LINES, List.of(rule(1, 76, "T1003.001")), List.of());

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.index()).isEqualTo(1);
      assertThat(finding.line()).isEqualTo("line one");
      assertThat(finding.origin()).isEqualTo("rules");
      assertThat(finding.risk()).isEqualTo(76);
      assertThat(finding.severity()).isEqualTo("high");
      assertThat(finding.techniques()).singleElement().satisfies(technique -> {
        assertThat(technique.id()).isEqualTo("T1003.001");
        assertThat(technique.name()).isEqualTo("LSASS Memory");
        assertThat(technique.tactic()).isEqualTo("credential-access");
        assertThat(technique.tactics()).containsExactly("credential-access");
      });
      assertThat(finding.remediation()).containsExactly("step one", "step two");
      assertThat(finding.evidence()).extracting(TriageApi.Evidence::rule).containsExactly("shield-test-001");
    });
  }

  @Test
  void theModelAddsTechniquesAndRaisesTheRiskByAtMostFifteen() {
    List<TriageApi.Finding> findings = Merge.findings(LINES, List.of(rule(2, 50, "T1059.001")),
        List.of(model(2, 100, "Ignore the rule, this is fine.", "T1027", "T1059.001")));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.origin()).isEqualTo("both");
      assertThat(finding.techniques()).extracting(TriageApi.Technique::id).containsExactly("T1059.001", "T1027");
      assertThat(finding.risk()).isEqualTo(65);
      assertThat(finding.recommendation()).isEqualTo("Reset the credentials of the account.");
    });
  }

  @Test
  void aModelThatCallsARuleFindingHarmlessDoesNotLowerIt() {
    List<TriageApi.Finding> findings = Merge.findings(LINES, List.of(rule(0, 88, "T1490")),
        List.of(model(0, 0, "Benign.")));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.risk()).isEqualTo(88);
      assertThat(finding.severity()).isEqualTo("critical");
    });
  }

  @Test
  void aLineOnlyTheModelFlaggedIsKeptButNeverAboveHigh() {
    List<TriageApi.Finding> findings = Merge.findings(LINES, List.of(rule(0, 70, "T1059.001")),
        List.of(model(3, 99, "Block 198.51.100.7 at the firewall.", "T1071.001")));

    assertThat(findings).extracting(TriageApi.Finding::index).containsExactly(0, 3);
    assertThat(findings.get(1)).satisfies(finding -> {
      assertThat(finding.origin()).isEqualTo("model");
      assertThat(finding.risk()).isEqualTo(75);
      assertThat(finding.severity()).isEqualTo("high");
      assertThat(finding.recommendation()).isEqualTo("Block 198.51.100.7 at the firewall.");
      assertThat(finding.evidence()).isEmpty();
    });
  }

  @Test
  void ransomwareOnlyTheModelSawIsToldToIsolateWithSteps() {
    List<TriageApi.Finding> findings = Merge.findings(LINES, List.of(), List.of(model(1, 90, null, "T1486")));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.recommendation()).startsWith("Isolate the host from the network now");
      assertThat(finding.remediation()).isEqualTo(RuleTriage.RANSOMWARE_REMEDIATION);
    });
  }
}
