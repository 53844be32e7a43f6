package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogFormat;
import io.cybershield.shield.gateway.triage.logs.LogSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cybershield.shield.gateway.triage.rules.RuleTesting.event;
import static io.cybershield.shield.gateway.triage.rules.RuleTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading rule files (metadata, multi-document YAML, the shipped index) and which lines a rule applies to. */
class RuleSetTest {

  private static final String FULL_RULE = """
      title: Volume shadow copies deleted
      id: shield-win-impact-001
      status: stable
      description: Deleting shadow copies stops recovery.
      references: []
      logsource: {product: windows, category: process_creation}
      detection:
        selection:
          CommandLine|contains|all: [delete, shadows]
        condition: selection
      falsepositives: [Backup software pruning its own snapshots]
      level: critical
      tags: [attack.impact, attack.t1490, attack.defense_evasion, attack.T1070.004, attack.g0102, cve.2021-1]
      shield:
        recommendation: Isolate the host from the network now.
        remediation:
          - Disconnect the host.
          - Restore from offline backups.
        category: ransomware
      """;

  /** The example of the contract, as a rule author copies it. */
  private static final String CONTRACT_EXAMPLE = """
      title: Volume shadow copies deleted
      id: shield-win-impact-001          # unique, lower-case, [a-z0-9-]
      status: stable                      # stable | test | experimental
      description: Deleting shadow copies stops recovery; ransomware does it right before encrypting.
      references: []
      logsource: {product: windows, category: process_creation}
      detection:
        selection_img:
          Image|endswith: ['\\vssadmin.exe', '\\wmic.exe']
        selection_cmd:
          CommandLine|contains|all: [delete, shadow]
        keywords:
          - 'vssadmin delete shadows'
        filter_backup:
          ParentImage|endswith: '\\veeam.backup.service.exe'
        condition: ((selection_img and selection_cmd) or keywords) and not filter_backup
      falsepositives: [Backup software pruning its own snapshots]
      level: critical
      tags: [attack.impact, attack.t1490]
      shield:
        recommendation: Isolate the host from the network now, before encryption spreads.
        remediation: [Disconnect the host, Identify the process tree, Restore from offline backups]
        category: ransomware
      """;

  @Test
  void theContractsExampleRule() {
    RuleSet rules = RuleSet.parse(Map.of("impact.yml", CONTRACT_EXAMPLE));
    assertThat(matches(rules, event(LogSource.SYSMON, "", "Image", "C:\\Windows\\System32\\wbem\\WMIC.exe",
        "CommandLine", "wmic shadowcopy delete", "ParentImage", "C:\\Windows\\explorer.exe"))).isTrue();
    assertThat(matches(rules, event(LogSource.WINDOWS_SECURITY, "cmd.exe /c vssadmin delete shadows /all"))).isTrue();
    assertThat(matches(rules, event(LogSource.SYSMON, "", "Image", "C:\\Windows\\System32\\vssadmin.exe",
        "CommandLine", "vssadmin delete shadows /for=c: /oldest",
        "ParentImage", "C:\\Program Files\\Veeam\\Veeam.Backup.Service.exe"))).isFalse();
    assertThat(matches(rules, event(LogSource.SYSMON, "", "Image", "C:\\Windows\\System32\\vssadmin.exe",
        "CommandLine", "vssadmin list shadows"))).isFalse();
  }

  @Test
  void aRuleCarriesItsMetadata() {
    Rule rule = RuleSet.parse(Map.of("impact.yml", FULL_RULE)).rules().get(0);
    assertThat(rule.id()).isEqualTo("shield-win-impact-001");
    assertThat(rule.title()).isEqualTo("Volume shadow copies deleted");
    assertThat(rule.description()).isEqualTo("Deleting shadow copies stops recovery.");
    assertThat(rule.level()).isEqualTo(Level.CRITICAL);
    assertThat(rule.status()).isEqualTo("stable");
    assertThat(rule.techniques()).containsExactly("T1490", "T1070.004");
    assertThat(rule.tactics()).containsExactly("impact", "defense-evasion");
    assertThat(rule.logsource()).isEqualTo(new LogsourceSpec("windows", "process_creation", ""));
    assertThat(rule.falsePositives()).containsExactly("Backup software pruning its own snapshots");
    assertThat(rule.response()).isEqualTo(new Response("Isolate the host from the network now.",
        List.of("Disconnect the host.", "Restore from offline backups."), "ransomware"));
    assertThat(rule.file()).isEqualTo("impact.yml");
  }

  @Test
  void aRuleWithoutShieldBlockHasAnEmptyResponse() {
    Rule rule = RuleSet.parse(Map.of("r.yml", RuleTesting.ruleYaml("plain", "sel:\n  A: b\ncondition: sel")))
        .rules().get(0);
    assertThat(rule.response()).isEqualTo(new Response("", List.of(), ""));
    assertThat(rule.status()).isEqualTo("experimental");
  }

  @Test
  void aFileHoldsSeveralRulesSeparatedByDashes() {
    String yaml = "---\n" + RuleTesting.ruleYaml("one", "sel:\n  A: b\ncondition: sel") + "---\n"
        + RuleTesting.ruleYaml("two", "sel:\n  A: c\ncondition: sel") + "---\n";
    assertThat(RuleSet.parse(Map.of("many.yml", yaml)).rules()).extracting(Rule::id).containsExactly("one", "two");
  }

  @Test
  void rulesKeepTheOrderOfTheFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("b.yml", RuleTesting.ruleYaml("from-b", "sel:\n  A: b\ncondition: sel"));
    files.put("a.yml", RuleTesting.ruleYaml("from-a", "sel:\n  A: b\ncondition: sel"));
    assertThat(RuleSet.parse(files).rules()).extracting(Rule::id).containsExactly("from-b", "from-a");
  }

  @Test
  void aRuleAppliesOnlyToItsLogsourcesAndToUnrecognisedLines() {
    RuleSet rules = RuleSet.parse(Map.of("aws.yml", """
        title: Console login without MFA
        id: aws-login
        level: medium
        logsource: {product: aws, service: cloudtrail}
        detection:
          sel:
            eventName: ConsoleLogin
          condition: sel
        """));
    assertThat(matches(rules, event(LogSource.CLOUDTRAIL, "", "eventName", "ConsoleLogin"))).isTrue();
    assertThat(matches(rules, event(LogSource.AUTO, "", "eventName", "ConsoleLogin"))).isTrue();
    assertThat(matches(rules, event(LogSource.WINDOWS_SECURITY, "", "eventName", "ConsoleLogin"))).isFalse();
  }

  @Test
  void logsourceFamilies() {
    assertThat(new LogsourceSpec("windows", "process_creation", null).sources())
        .contains(LogSource.SYSMON, LogSource.WINDOWS_SECURITY, LogSource.AUTO).doesNotContain(LogSource.OKTA);
    assertThat(new LogsourceSpec("linux", null, "auditd").sources())
        .contains(LogSource.AUDITD, LogSource.LINUX_AUTH).doesNotContain(LogSource.SYSMON);
    assertThat(new LogsourceSpec(null, "firewall", null).sources()).contains(LogSource.FIREWALL, LogSource.VPN)
        .doesNotContain(LogSource.WEB_ACCESS);
    assertThat(new LogsourceSpec(null, "webserver", null).sources()).containsOnly(LogSource.WEB_ACCESS,
        LogSource.AUTO);
    assertThat(new LogsourceSpec("kubernetes", null, "audit").sources())
        .containsOnly(LogSource.KUBERNETES_AUDIT, LogSource.AUTO);
    assertThat(new LogsourceSpec("okta", null, null).sources()).containsOnly(LogSource.OKTA, LogSource.AUTO);
    assertThat(new LogsourceSpec("a-new-product", null, null).sources()).containsAll(List.of(LogSource.values()));
  }

  @Test
  void anEmptyIndexGivesNoRules() {
    RuleSet rules = RuleSet.fromIndex("# nothing yet\n\n   # still nothing\n", name -> {
      throw new AssertionError("no file should be read");
    });
    assertThat(rules.rules()).isEmpty();
    assertThat(rules.evaluate(List.of(event("A", "b")))).isEmpty();
  }

  @Test
  void anIndexListsFilesWithComments() {
    Map<String, String> files = Map.of("one.yml", RuleTesting.ruleYaml("one", "sel:\n  A: b\ncondition: sel"),
        "two.yml", RuleTesting.ruleYaml("two", "sel:\n  A: b\ncondition: sel"));
    RuleSet rules = RuleSet.fromIndex("# header\none.yml   # the first\n\ntwo.yml\n", files::get);
    assertThat(rules.rules()).extracting(Rule::id).containsExactly("one", "two");
  }

  @Test
  void anIndexNamingAMissingFileFails() {
    assertThatThrownBy(() -> RuleSet.fromIndex("gone.yml\n", name -> null)).isInstanceOf(RuleException.class)
        .hasMessage("gone.yml: rule -: listed in triage/rules/index.txt but not on the classpath");
  }

  @Test
  void theShippedRulesAreTheFilesOfTheIndex() throws IOException {
    List<String> listed = new ArrayList<>();
    try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(RuleSet.INDEX)) {
      assertThat(in).as("the shipped index").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        String name = line.replaceAll("#.*", "").trim();
        if (!name.isEmpty()) {
          listed.add(name);
        }
      }
    }
    RuleSet shipped = RuleSet.shipped();
    assertThat(shipped).isSameAs(RuleSet.shipped());
    assertThat(shipped.rules()).extracting(Rule::file).allMatch(listed::contains);
    if (listed.isEmpty()) {
      assertThat(shipped.rules()).isEmpty();
    }
  }

  /**
   * The cost that matters: a SOC pastes thousands of lines and the rules run on each. 200 rules of the usual
   * shapes over 5000 lines run in a few hundred milliseconds once the JIT has warmed up (the bound is loose for a
   * shared machine; a quadratic or a per-line regex compilation would exceed it by far).
   */
  @Test
  void twoHundredRulesOverFiveThousandLinesAreFast() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      yaml.append(RuleTesting.ruleYaml("perf-" + i, """
          sel_img:
            Image|endswith: ['\\\\tool%1$d.exe', '\\\\other%1$d.exe']
          sel_cmd:
            CommandLine|contains|all: ['-flag%1$d', 'value*%1$d']
          sel_re:
            CommandLine|re: 'x%1$d[a-z]+y'
          keywords:
            - 'marker-%1$d-*-end'
          filter:
            ParentImage|startswith: 'C:\\\\Program Files\\\\'
          condition: ((sel_img and sel_cmd) or sel_re or keywords) and not filter""".formatted(i)))
          .append("---\n");
    }
    RuleSet rules = RuleSet.parse(Map.of("perf.yml", yaml.toString()));
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      Map<String, List<String>> fields = new LinkedHashMap<>();
      fields.put("Image", List.of("C:\\Windows\\System32\\tool" + (i % 400) + ".exe"));
      fields.put("CommandLine", List.of("tool.exe -flag" + (i % 400) + " --value " + "z".repeat(i % 300)
          + (i % 400)));
      fields.put("ParentImage", List.of("C:\\Windows\\explorer.exe"));
      events.add(new LogEvent(i, "EventID=1 Image=" + fields.get("Image").get(0) + " marker-" + (i % 400)
          + "-abc-end", LogSource.SYSMON, LogFormat.KEY_VALUE, fields));
    }
    long best = Long.MAX_VALUE;
    List<RuleHit> hits = List.of();
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      hits = rules.evaluate(events);
      best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
    }
    System.out.println("200 rules x 5000 lines, best of 3: " + best + " ms, " + hits.size() + " hits");
    // line k matches rule k % 400 when that is below 200: 12 full cycles of 400 lines and a last 200
    assertThat(hits.size()).isEqualTo(12 * 200 + 200);
    assertThat(best).isLessThan(5000);
  }
}
