package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogSource;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A rule's {@code logsource}: which lines it is meant for. It is used to skip rules that cannot apply (a Windows
 * rule on a CloudTrail line), which is both faster and avoids accidental matches of generic field names such as
 * {@code user}. The mapping is by product family and deliberately broad within a family (a Sysmon rule also runs on
 * Security lines): the service's source detection is not perfect, and the field conditions decide anyway.
 *
 * @param product {@code windows}, {@code linux}, {@code aws}, ... or empty
 * @param category {@code process_creation}, {@code firewall}, {@code webserver}, ... or empty
 * @param service {@code security}, {@code sysmon}, {@code auditd}, ... or empty
 */
public record LogsourceSpec(String product, String category, String service) {

  private static final Set<LogSource> WINDOWS =
      EnumSet.of(LogSource.WINDOWS_SECURITY, LogSource.WINDOWS_SYSTEM, LogSource.SYSMON, LogSource.POWERSHELL);
  private static final Set<LogSource> LINUX = EnumSet.of(LogSource.LINUX_SYSLOG, LogSource.LINUX_AUTH,
      LogSource.AUDITD);
  private static final Set<LogSource> NETWORK = EnumSet.of(LogSource.FIREWALL, LogSource.VPN);

  public LogsourceSpec {
    product = normal(product);
    category = normal(category);
    service = normal(service);
  }

  private static String normal(String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The sources whose lines this rule can apply to. Lines whose source is {@link LogSource#AUTO} (not recognised)
   * are given every rule; a logsource naming nothing known applies everywhere too, so that a new product name does
   * not silently disable a rule.
   */
  public Set<LogSource> sources() {
    Set<LogSource> sources = EnumSet.noneOf(LogSource.class);
    addFamily(product, sources);
    addFamily(service, sources);
    addFamily(category, sources);
    if (sources.isEmpty()) {
      sources.addAll(EnumSet.allOf(LogSource.class));
    }
    sources.add(LogSource.AUTO);
    return sources;
  }

  /**
   * The Windows event ids a line of this rule's category has, as Sigma's Windows pipelines map them (Sysmon's and the
   * Security log's); empty when the category does not name a Windows event type. A Windows line whose
   * {@code EventID} is known and not one of these is not the kind of event the rule is about — a network-connection
   * rule must not read a process-creation event that has no destination — while a line whose id could not be read
   * (a text rendering) is still given the rule.
   */
  public Set<String> windowsEventIds() {
    return switch (category) {
      case "process_creation" -> Set.of("1", "4688");
      case "network_connection" -> Set.of("3", "5156");
      case "process_access" -> Set.of("10", "4656", "4663");
      case "image_load" -> Set.of("7");
      case "driver_load" -> Set.of("6");
      case "create_remote_thread" -> Set.of("8");
      case "raw_access_thread" -> Set.of("9");
      case "file_event", "file_change" -> Set.of("11", "2");
      case "file_delete" -> Set.of("23", "26");
      case "create_stream_hash" -> Set.of("15");
      case "registry_event", "registry_add", "registry_delete", "registry_set" -> Set.of("12", "13", "14", "4657");
      case "pipe_created" -> Set.of("17", "18");
      case "wmi_event" -> Set.of("19", "20", "21");
      case "dns_query" -> Set.of("22");
      case "ps_script" -> Set.of("4104");
      case "ps_module" -> Set.of("4103");
      case "ps_classic_start" -> Set.of("400");
      case "ps_classic_provider_start" -> Set.of("600");
      default -> Set.of();
    };
  }

  private static void addFamily(String name, Set<LogSource> into) {
    switch (name) {
      case "windows", "security", "system", "sysmon", "powershell", "powershell-classic", "ps_script",
          "ps_module", "ps_classic_start", "ps_classic_provider_start", "registry_event", "registry_set",
          "registry_add", "registry_delete", "process_access", "image_load", "driver_load", "pipe_created",
          "create_remote_thread", "wmi_event", "create_stream_hash", "raw_access_thread", "dns_query" ->
          into.addAll(WINDOWS);
      case "linux", "auth", "syslog", "sshd", "sudo", "cron", "auditd", "unix", "macos" -> into.addAll(LINUX);
      case "aws", "cloudtrail" -> into.add(LogSource.CLOUDTRAIL);
      case "kubernetes", "k8s", "audit" -> into.add(LogSource.KUBERNETES_AUDIT);
      case "okta" -> into.add(LogSource.OKTA);
      case "firewall", "network", "iptables", "fortigate", "fortinet", "paloalto", "pan-os", "cisco", "asa",
          "pf", "pfsense", "vpn", "openvpn", "globalprotect", "anyconnect", "wireguard", "network_connection",
          "netflow", "zeek" -> into.addAll(NETWORK);
      case "webserver", "web", "apache", "nginx", "iis", "proxy", "access-log" -> into.add(LogSource.WEB_ACCESS);
      case "process_creation", "file_event", "file_change", "file_delete", "file_access", "file_rename" -> {
        into.addAll(WINDOWS);
        into.addAll(LINUX);
      }
      default -> {
      }
    }
  }
}
