package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The names a caller may give as {@code source}. */
class LogSourceTest {

  @ParameterizedTest
  @CsvSource({
      "windows-security, WINDOWS_SECURITY", "WinEventLog:Security, WINDOWS_SECURITY", "windows, WINDOWS_SECURITY",
      "security, WINDOWS_SECURITY", "XmlWinEventLog, WINDOWS_SECURITY", "windows-system, WINDOWS_SYSTEM",
      "system, WINDOWS_SYSTEM", "sysmon, SYSMON", "Microsoft-Windows-Sysmon/Operational, SYSMON",
      "powershell, POWERSHELL", "syslog, LINUX_SYSLOG", "linux, LINUX_SYSLOG", "linux-syslog, LINUX_SYSLOG",
      "auth, LINUX_AUTH", "auth.log, LINUX_AUTH", "secure, LINUX_AUTH", "linux-auth, LINUX_AUTH",
      "auditd, AUDITD", "audit, AUDITD", "cloudtrail, CLOUDTRAIL", "aws, CLOUDTRAIL", "aws-cloudtrail, CLOUDTRAIL",
      "k8s-audit, KUBERNETES_AUDIT", "kubernetes, KUBERNETES_AUDIT", "kubernetes-audit, KUBERNETES_AUDIT",
      "firewall, FIREWALL", "iptables, FIREWALL", "pan, FIREWALL", "fortigate, FIREWALL", "vpn, VPN",
      "nginx, WEB_ACCESS", "apache, WEB_ACCESS", "access-log, WEB_ACCESS", "web, WEB_ACCESS",
      "web-access, WEB_ACCESS", "okta, OKTA", "auto, AUTO", "'  AUTH.LOG ', LINUX_AUTH"})
  void namesAndAliases(String name, LogSource source) {
    assertThat(LogSource.fromName(name)).contains(source);
  }

  @Test
  void unknownNamesAreEmpty() {
    assertThat(LogSource.fromName("mainframe")).isEmpty();
    assertThat(LogSource.fromName(null)).isEmpty();
  }

  @Test
  void idsAndNames() {
    assertThat(LogSource.CLOUDTRAIL.id()).isEqualTo("aws-cloudtrail");
    assertThat(LogSource.WEB_ACCESS.id()).isEqualTo("web-access");
    assertThat(LogSource.names()).startsWith("windows-security", "windows-system", "sysmon", "powershell",
        "linux-syslog", "linux-auth", "auditd", "aws-cloudtrail", "kubernetes-audit", "firewall", "vpn",
        "web-access", "okta", "auto").contains("WinEventLog:Security".toLowerCase(), "auth.log", "k8s-audit")
        .doesNotContain("");
    for (LogSource source : LogSource.values()) {
      assertThat(LogSource.fromName(source.id())).contains(source);
    }
  }
}
