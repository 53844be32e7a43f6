package io.cybershield.shield.gateway.triage.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a batch of lines comes from, as the caller of {@code /v1/triage} names it. SIEMs and people spell sources
 * many ways ({@code WinEventLog:Security}, {@code auth.log}, {@code aws}), so each source has its id and a set of
 * aliases, all matched case-insensitively; an unknown name is not an error for the service, which then detects each
 * line's format ({@link #AUTO}).
 */
public enum LogSource {
  WINDOWS_SECURITY("windows-security", "windows", "security", "wineventlog:security", "xmlwineventlog",
      "xmlwineventlog:security", "windows-security-log", "winlog", "winlogbeat", "eventlog", "wineventlog",
      "microsoft-windows-security-auditing"),
  WINDOWS_SYSTEM("windows-system", "system", "wineventlog:system", "xmlwineventlog:system"),
  SYSMON("sysmon", "microsoft-windows-sysmon/operational", "wineventlog:microsoft-windows-sysmon/operational",
      "xmlwineventlog:microsoft-windows-sysmon/operational", "windows-sysmon"),
  POWERSHELL("powershell", "microsoft-windows-powershell/operational",
      "wineventlog:microsoft-windows-powershell/operational", "windows powershell", "windows-powershell", "pwsh"),
  LINUX_SYSLOG("linux-syslog", "syslog", "linux", "messages", "journald", "journal", "kern", "kernel"),
  LINUX_AUTH("linux-auth", "auth", "auth.log", "authlog", "secure", "linux_secure", "linux-secure", "sshd",
      "sudo"),
  AUDITD("auditd", "audit", "linux-audit", "linux_audit", "audit.log"),
  CLOUDTRAIL("aws-cloudtrail", "cloudtrail", "aws", "aws:cloudtrail", "aws_cloudtrail"),
  KUBERNETES_AUDIT("kubernetes-audit", "k8s-audit", "kubernetes", "k8s", "kube-audit", "k8s_audit",
      "kubernetes_audit"),
  FIREWALL("firewall", "iptables", "netfilter", "ufw", "pan", "paloalto", "palo-alto", "pan:traffic", "pan:threat",
      "fortigate", "fortinet", "fgt", "asa", "cisco-asa", "cisco:asa", "pf", "pfsense", "cef", "network"),
  VPN("vpn", "openvpn", "anyconnect", "globalprotect", "wireguard", "ssl-vpn", "sslvpn"),
  WEB_ACCESS("web-access", "nginx", "apache", "access-log", "access_log", "access.log", "web", "httpd",
      "apache-access", "nginx-access", "iis", "webserver"),
  OKTA("okta", "okta-system-log", "okta:im2", "okta_system_log"),
  AUTO("auto", "unknown", "any", "mixed", "");

  private static final Map<String, LogSource> BY_NAME;

  static {
    Map<String, LogSource> byName = new HashMap<>();
    for (LogSource source : values()) {
      byName.put(source.id, source);
      for (String alias : source.aliases) {
        byName.put(alias, source);
      }
    }
    BY_NAME = Collections.unmodifiableMap(byName);
  }

  private final String id;
  private final List<String> aliases;

  LogSource(String id, String... aliases) {
    this.id = id;
    this.aliases = List.of(aliases);
  }

  /** What {@code /v1/triage} answers as {@code source}, and the corpus files use. */
  public String id() {
    return id;
  }

  /** The other names accepted for this source, lower-case. */
  public List<String> aliases() {
    return aliases;
  }

  /** The source a caller meant by {@code name} (trimmed, any case); empty for a name no source answers to. */
  public static Optional<LogSource> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  /** Every id, then every alias: what the documentation and an error message can list. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (LogSource source : values()) {
      names.add(source.id);
    }
    for (LogSource source : values()) {
      for (String alias : source.aliases) {
        if (!alias.isEmpty()) {
          names.add(alias);
        }
      }
    }
    return List.copyOf(names);
  }

  /** True for the four Windows event log sources, whose events share field names. */
  public boolean windows() {
    return this == WINDOWS_SECURITY || this == WINDOWS_SYSTEM || this == SYSMON || this == POWERSHELL;
  }
}
