package io.cybershield.shield.gateway.triage;

import io.cybershield.shield.gateway.triage.attack.AttackCatalog;
import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogParser;
import io.cybershield.shield.gateway.triage.logs.LogSource;
import io.cybershield.shield.gateway.triage.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' hits become assessments: live techniques only, a risk from level, purpose and context, and advice. */
class RuleTriageTest {

  private static final AttackCatalog CATALOG = AttackCatalog.shipped();
  private static final RuleSet RULES = RuleSet.parse(Map.of("test.yml", """
      title: Shadow copies deleted
      id: test-ransom-001
      level: critical
      logsource: {product: windows}
      detection:
        keywords: ['*vssadmin*delete*shadows*']
        condition: keywords
      tags: [attack.impact, attack.t1490]
      shield:
        recommendation: Stop the process that deletes the shadow copies.
      ---
      title: Credentials read from LSASS
      id: test-cred-001
      level: high
      logsource: {product: windows}
      detection:
        keywords: [sekurlsa]
        condition: keywords
      tags: [attack.credential_access, attack.t1003.001, attack.t9999]
      shield:
        recommendation: Reset the credentials of every account logged on to the host.
      ---
      title: Mimikatz named
      id: test-cred-002
      level: medium
      logsource: {product: windows}
      detection:
        keywords: [mimikatz]
        condition: keywords
      tags: [attack.t1003.001]
      ---
      title: Identity discovery
      id: test-info-001
      level: informational
      logsource: {product: windows}
      detection:
        keywords: [whoami]
        condition: keywords
      tags: [attack.t1033]
      """));

  private static List<Assessment> assess(String... lines) {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      events.add(LogParser.parse(LogSource.WINDOWS_SECURITY, i, lines[i]));
    }
    return RuleTriage.assess(events, RULES.evaluate(events), CATALOG);
  }

  @Test
  void ransomwareIsCriticalAndToldToIsolateTheHostWithSteps() {
    List<Assessment> assessments = assess("EventCode=4688 Computer=FS-01 CommandLine=\"vssadmin.exe delete shadows "
        + "/all /quiet\"");

    assertThat(assessments).singleElement().satisfies(assessment -> {
      assertThat(assessment.techniques()).extracting(t -> t.id()).containsExactly("T1490");
      assertThat(assessment.tactics()).containsExactly("impact");
      assertThat(assessment.risk()).isEqualTo(96);
      assertThat(assessment.ransomware()).isTrue();
      assertThat(assessment.recommendation()).startsWith("Isolate ")
          .endsWith("Also: Stop the process that deletes the shadow copies.");
      assertThat(assessment.remediation()).isEqualTo(RuleTriage.RANSOMWARE_REMEDIATION);
      assertThat(assessment.evidence()).extracting(TriageApi.Evidence::rule).containsExactly("test-ransom-001");
    });
  }

  @Test
  void agreeingRulesRaiseTheRiskAndAnUnknownTechniqueTagIsDropped() {
    List<Assessment> assessments = assess("mimikatz # sekurlsa::logonpasswords");

    assertThat(assessments).singleElement().satisfies(assessment -> {
      assertThat(assessment.techniques()).extracting(t -> t.id()).containsExactly("T1003.001");
      assertThat(assessment.tactics()).containsExactly("credential-access");
      assertThat(assessment.risk()).isEqualTo(70 + 6 + 4);
      assertThat(assessment.recommendation()).isEqualTo("Reset the credentials of every account logged on to the "
          + "host.");
      assertThat(assessment.remediation()).isEmpty();
      assertThat(assessment.evidence()).extracting(TriageApi.Evidence::rule)
          .containsExactly("test-cred-001", "test-cred-002");
    });
  }

  @Test
  void informationalHitsAndQuietLinesAreNoFindings() {
    assertThat(assess("whoami", "The Windows Update service entered the running state.")).isEmpty();
  }

  @Test
  void findingsComeInLineOrder() {
    assertThat(assess("ok", "mimikatz", "fine", "vssadmin delete shadows")).extracting(Assessment::index)
        .containsExactly(1, 3);
  }

  @Test
  void theRiskNamesItsSeverity() {
    assertThat(List.of(0, 39, 40, 64, 65, 84, 85, 100)).extracting(RuleTriage::severity)
        .containsExactly("low", "low", "medium", "medium", "high", "high", "critical", "critical");
  }
}
