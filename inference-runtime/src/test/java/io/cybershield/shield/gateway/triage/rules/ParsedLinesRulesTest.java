package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogParser;
import io.cybershield.shield.gateway.triage.logs.LogSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser and the evaluator together, as the service uses them: canonical names in, hits with evidence out. */
class ParsedLinesRulesTest {

  private static final RuleSet RULES = RuleSet.parse(Map.of("together.yml", """
      title: SSH password guessing
      id: test-ssh-bruteforce
      level: medium
      logsource: {product: linux, service: auth}
      detection:
        selection:
          program: sshd
          outcome: failure
        timeframe: 2m
        condition: selection | count() by src_ip >= 4
      tags: [attack.credential_access, attack.t1110.001]
      ---
      title: Shadow copies deleted
      id: test-vss
      level: critical
      logsource: {product: windows, category: process_creation}
      detection:
        selection:
          Image|endswith: '\\vssadmin.exe'
          CommandLine|contains|all: [delete, shadows]
        condition: selection
      tags: [attack.impact, attack.t1490]
      """));

  private static List<LogEvent> parse(LogSource source, String... lines) {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      events.add(LogParser.parse(source, i, lines[i]));
    }
    return events;
  }

  @Test
  void aBurstOfFailedSshLoginsWithinTheTimeframe() {
    List<LogEvent> events = parse(LogSource.fromName("auth.log").orElseThrow(),
        "Mar  3 10:15:01 bastion-1 sshd[100]: Failed password for root from 203.0.113.45 port 40001 ssh2",
        "Mar  3 10:15:04 bastion-1 sshd[101]: Failed password for admin from 203.0.113.45 port 40002 ssh2",
        "Mar  3 10:15:20 bastion-1 sshd[102]: Accepted publickey for deploy from 10.20.1.8 port 50022 ssh2",
        "Mar  3 10:15:40 bastion-1 sshd[103]: Failed password for invalid user test from 203.0.113.45 port 40003",
        "Mar  3 10:16:10 bastion-1 sshd[104]: Failed password for root from 203.0.113.45 port 40004 ssh2",
        "Mar  3 11:30:00 bastion-1 sshd[105]: Failed password for alice from 198.51.100.9 port 40005 ssh2");
    List<RuleHit> hits = RULES.evaluate(events);
    assertThat(hits).extracting(RuleHit::index).containsExactly(0, 1, 3, 4);
    assertThat(hits.get(0).rule().techniques()).containsExactly("T1110.001");
    assertThat(hits.get(0).evidence()).contains(new Evidence("program", "sshd"), new Evidence("outcome", "failure"),
        new Evidence("count() by src_ip", "4 lines with src_ip=203.0.113.45 within 2m"));
  }

  @Test
  void theSameFailuresSpreadOverAnHourDoNotFire() {
    List<LogEvent> events = parse(LogSource.LINUX_AUTH,
        "Mar  3 10:00:01 bastion-1 sshd[100]: Failed password for root from 203.0.113.45 port 40001 ssh2",
        "Mar  3 10:20:01 bastion-1 sshd[101]: Failed password for root from 203.0.113.45 port 40002 ssh2",
        "Mar  3 10:40:01 bastion-1 sshd[102]: Failed password for root from 203.0.113.45 port 40003 ssh2",
        "Mar  3 11:00:01 bastion-1 sshd[103]: Failed password for root from 203.0.113.45 port 40004 ssh2");
    assertThat(RULES.evaluate(events)).isEmpty();
  }

  @Test
  void aWindowsRuleOnEachRendering() {
    String xml = "<Event><System><EventID>4688</EventID><Channel>Security</Channel></System><EventData>"
        + "<Data Name='NewProcessName'>C:\\Windows\\System32\\vssadmin.exe</Data>"
        + "<Data Name='CommandLine'>vssadmin delete shadows /all /quiet</Data></EventData></Event>";
    String splunk = "LogName=Security EventCode=4688 Message=A new process has been created. Process Information: "
        + "New Process Name: C:\\Windows\\System32\\vssadmin.exe Process Command Line: vssadmin Delete Shadows /all";
    String sysmon = "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":1,\"event_data\":"
        + "{\"Image\":\"C:\\\\Windows\\\\System32\\\\vssadmin.exe\",\"CommandLine\":\"vssadmin.exe delete shadows\"}}}";
    String benign = "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":1,\"event_data\":"
        + "{\"Image\":\"C:\\\\Windows\\\\System32\\\\vssadmin.exe\",\"CommandLine\":\"vssadmin list shadows\"}}}";
    List<RuleHit> hits = RULES.evaluate(parse(LogSource.AUTO, xml, splunk, sysmon, benign));
    assertThat(hits).extracting(hit -> hit.index() + ":" + hit.rule().id())
        .containsExactly("0:test-vss", "1:test-vss", "2:test-vss");
    assertThat(hits.get(1).evidence()).containsExactly(new Evidence("Image", "C:\\Windows\\System32\\vssadmin.exe"),
        new Evidence("CommandLine", "vssadmin Delete Shadows /all"));
  }

  @Test
  void aLinuxRuleIsNotAskedAboutCloudTrail() {
    List<LogEvent> events = parse(LogSource.AUTO, "{\"eventSource\":\"sts.amazonaws.com\",\"eventName\":"
        + "\"GetCallerIdentity\",\"awsRegion\":\"us-east-1\",\"program\":\"sshd\",\"outcome\":\"failure\"}");
    assertThat(events.get(0).source()).isEqualTo(LogSource.CLOUDTRAIL);
    assertThat(RULES.evaluate(List.of(events.get(0), events.get(0), events.get(0), events.get(0)))).isEmpty();
  }
}
