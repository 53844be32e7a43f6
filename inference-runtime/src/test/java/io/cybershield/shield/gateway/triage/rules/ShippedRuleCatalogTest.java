package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.attack.AttackCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped rule is usable by the service: it parses, its id is unique, its techniques are live in the shipped
 * ATT&CK catalog (the first is the primary one), it says what to do, and ransomware rules say how to recover.
 */
class ShippedRuleCatalogTest {

  private static final List<String> FAMILIES = List.of("windows-security.yml", "windows-system.yml", "sysmon.yml",
      "powershell.yml", "linux.yml", "auditd.yml", "aws-cloudtrail.yml", "kubernetes-audit.yml", "firewall.yml",
      "vpn.yml", "web-access.yml", "okta.yml", "generic.yml");

  private final List<Rule> rules = RuleSet.shipped().rules();

  @Test
  void theIndexListsOneFilePerSourceFamilyAndEveryFileHasRules() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RuleSet.INDEX)) {
      assertThat(in).isNotNull();
      List<String> listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty()).toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(FAMILIES);
    }
    Map<String, Long> perFile = rules.stream().collect(Collectors.groupingBy(Rule::file, TreeMap::new,
        Collectors.counting()));
    assertThat(perFile.keySet()).containsExactlyInAnyOrderElementsOf(FAMILIES);
    assertThat(perFile.values()).allMatch(count -> count >= 5);
    assertThat(rules).hasSizeBetween(150, 600);
  }

  @Test
  void idsAreUniqueAndLowerCase() {
    Set<String> seen = new HashSet<>();
    for (Rule rule : rules) {
      assertThat(seen.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
      assertThat(rule.id()).matches("shield-[a-z0-9-]+");
    }
  }

  @Test
  void everyTechniqueTagIsLiveInTheShippedAttackCatalog() {
    AttackCatalog catalog = AttackCatalog.shipped();
    for (Rule rule : rules) {
      assertThat(rule.techniques()).as("techniques of %s", rule.id()).isNotEmpty();
      for (String technique : rule.techniques()) {
        assertThat(catalog.live(technique)).as("%s in %s (%s)", technique, rule.id(), catalog.status(technique))
            .isPresent();
      }
    }
  }

  @Test
  void everyRuleHasALevelADescriptionAndAConcreteRecommendation() {
    for (Rule rule : rules) {
      assertThat(rule.level()).as(rule.id()).isNotNull();
      assertThat(rule.title()).as(rule.id()).isNotBlank();
      assertThat(rule.description()).as(rule.id()).isNotBlank();
      assertThat(rule.response()).as(rule.id()).isNotNull();
      assertThat(rule.response().recommendation()).as(rule.id()).isNotBlank().hasSizeGreaterThan(25);
      assertThat(rule.falsePositives()).as(rule.id()).isNotEmpty();
    }
  }

  @Test
  void ransomwareRulesAreHighImpactAndCarryStepByStepRemediation() {
    List<Rule> ransomware = rules.stream()
        .filter(rule -> "ransomware".equals(rule.response().category())).toList();
    assertThat(ransomware).hasSizeGreaterThanOrEqualTo(10);
    for (Rule rule : ransomware) {
      assertThat(rule.response().remediation()).as(rule.id()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(rule.level()).as(rule.id()).isIn(Level.HIGH, Level.CRITICAL);
      assertThat(rule.response().recommendation()).as(rule.id()).containsIgnoringCase("isolate");
    }
  }

  @Test
  void theBroadTechniqueFamiliesTheIssueNamesAreCovered() {
    Set<String> parents = rules.stream().flatMap(rule -> rule.techniques().stream())
        .map(CorpusScore::parent).collect(Collectors.toSet());
    assertThat(parents).contains("T1003", "T1059", "T1562", "T1070", "T1490", "T1486", "T1110", "T1021", "T1550",
        "T1047", "T1053", "T1547", "T1543", "T1548", "T1098", "T1190", "T1505", "T1552", "T1611", "T1609",
        "T1621", "T1530", "T1485", "T1571", "T1090", "T1046", "T1496", "T1105", "T1218", "T1087");
  }
}
