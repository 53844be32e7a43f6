package io.cybershield.shield.gateway.triage.logs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical Sigma names for Windows events, whichever way they arrived: XML {@code Data Name=}, winlogbeat's
 * {@code winlog.*}, Splunk's {@code EventCode=} pairs or the rendered text ({@code Account Name: bob}).
 */
final class Windows {

  private Windows() {
  }

  /** The labels of rendered Security events; a label's meaning may depend on the section above it. */
  private static final List<String> LABELS = List.of("Subject", "New Logon", "Account For Which Logon Failed",
      "Target Account", "New Account", "Target Subject", "Creator Subject", "Account Whose Credentials Were Used",
      "Target Server", "Member", "Group", "Process Information", "Network Information", "Failure Information",
      "Detailed Authentication Information", "Logon Information", "Attributes", "Service Information",
      "Task Information", "Share Information", "Access Request Information", "Object", "Additional Information",
      "Network Account Name", "Network Account Domain", "Security ID", "Account Name", "Account Domain",
      "Logon ID", "Logon GUID", "Logon Type", "Failure Reason", "Sub Status", "Status", "Workstation Name",
      "Source Network Address", "Source Port", "Network Address", "Port", "Logon Process",
      "Authentication Package", "Transited Services", "Package Name (NTLM only)", "Key Length",
      "New Process ID", "New Process Name", "Creator Process ID", "Creator Process Name", "Process Command Line",
      "Token Elevation Type", "Mandatory Label", "Process ID", "Process Name", "Caller Process Name",
      "Service Name", "Service File Name", "Service Type", "Service Start Type", "Service Account",
      "Object Name", "Object Type", "Share Name", "Share Path", "Relative Target Name", "Accesses", "Access Mask",
      "Privileges", "Group Name", "Group Domain", "Task Name", "Task Content", "SAM Account Name", "Sam Account Name",
      "Display Name", "User Principal Name", "Account Expires", "Ticket Options", "Ticket Encryption Type",
      "Client Address", "Client Port", "Elevated Token", "Virtual Account", "Restricted Admin Mode",
      "Impersonation Level", "Linked Logon ID", "Caller Computer Name", "Old UAC Value", "New UAC Value",
      "User Account Control", "Failure Code", "Pre-Authentication Type", "Service ID", "Object Value Name",
      "Operation Type", "Old Value Type", "Old Value", "New Value Type", "New Value", "Object Server", "Handle ID");
  private static final java.util.Set<String> LABEL_SET = java.util.Set.copyOf(LABELS);
  /** The label lengths, longest first, so "Network Account Name" wins over "Account Name". */
  private static final int[] LABEL_LENGTHS = LABELS.stream().mapToInt(String::length).distinct()
      .boxed().sorted(java.util.Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
  private static final Pattern EVENT_NUMBER = Pattern.compile("^\\s*(?:EventID\\s*[:=]?\\s*)?(\\d{3,5})\\b");

  /** First sentences of rendered events, for text lines that carry no event id. */
  private static final Map<String, String> MESSAGE_IDS = Map.ofEntries(
      Map.entry("an account failed to log on", "4625"),
      Map.entry("an account was successfully logged on", "4624"),
      Map.entry("a new process has been created", "4688"),
      Map.entry("a user account was created", "4720"),
      Map.entry("a member was added to a security-enabled global group", "4728"),
      Map.entry("a member was added to a security-enabled local group", "4732"),
      Map.entry("a member was added to a security-enabled universal group", "4756"),
      Map.entry("a service was installed in the system", "7045"),
      Map.entry("a scheduled task was created", "4698"),
      Map.entry("the audit log was cleared", "1102"),
      Map.entry("special privileges assigned to new logon", "4672"),
      Map.entry("a kerberos service ticket was requested", "4769"),
      Map.entry("a kerberos authentication ticket (tgt) was requested", "4768"),
      Map.entry("a logon was attempted using explicit credentials", "4648"),
      Map.entry("a network share object was checked to see whether client can be granted desired access", "5145"),
      Map.entry("a user account was locked out", "4740"),
      Map.entry("an attempt was made to reset an account's password", "4724"),
      Map.entry("a user account was enabled", "4722"),
      Map.entry("an account was logged off", "4634"),
      Map.entry("the event logging service has shut down", "1100"),
      Map.entry("an operation was performed on an object", "4662"),
      Map.entry("a handle to an object was requested", "4656"));

  /** Adds the labelled values of a rendered event's text; true when it had at least two labels. */
  /** A Sysmon label in a rendered message: one CamelCase word and a colon ({@code TargetImage:}). */
  private static final Pattern SYSMON_LABEL = Pattern.compile("(?:^|\\s)([A-Z][A-Za-z]{2,40}): ");

  /**
   * A Sysmon event rendered as text on one line (Splunk's {@code Message=}, syslog forwarders): every field is
   * {@code Name: value} with the EventData names themselves ({@code SourceImage}, {@code GrantedAccess},
   * {@code CallTrace}, {@code TargetFilename}), so each value runs to the next such label. Added as the canonical
   * field unless the line already has it.
   */
  static void sysmonText(String text, Fields into) {
    Matcher m = SYSMON_LABEL.matcher(text);
    String label = null;
    int valueStart = 0;
    int count = 0;
    while (m.find() && count < 200) {
      if (label != null) {
        into.canonical(label, text.substring(valueStart, m.start()).trim());
      }
      label = m.group(1);
      valueStart = m.end();
      count++;
    }
    if (label != null) {
      into.canonical(label, text.substring(valueStart).trim());
    }
  }

  static boolean readText(String text, Fields into) {
    List<int[]> spans = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int previousEnd = 0;
    for (int colon = text.indexOf(':'); colon > 0 && labels.size() <= 400; colon = text.indexOf(':', colon + 1)) {
      char before = text.charAt(colon - 1);
      if (!Character.isLetter(before) && before != ')') {
        continue;
      }
      for (int length : LABEL_LENGTHS) {
        int start = colon - length;
        if (start < previousEnd) {
          continue;
        }
        if ((start == 0 || Character.isWhitespace(text.charAt(start - 1)) || text.charAt(start - 1) == '.')
            && LABEL_SET.contains(text.substring(start, colon))) {
          spans.add(new int[] {start, colon + 1});
          labels.add(text.substring(start, colon));
          previousEnd = colon + 1;
          break;
        }
      }
    }
    if (labels.size() < 2) {
      return false;
    }
    String section = "";
    for (int i = 0; i < labels.size(); i++) {
      int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
      String value = text.substring(spans.get(i)[1], Math.max(spans.get(i)[1], valueEnd)).trim();
      String label = labels.get(i);
      if (value.isEmpty() && isSection(label)) {
        section = label;
        continue;
      }
      into.add(label, value);
      String canonical = canonicalLabel(label, section);
      if (canonical != null) {
        into.canonical(canonical, value);
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (!into.has("EventID")) {
      Matcher number = EVENT_NUMBER.matcher(text);
      if (number.find()) {
        into.canonical("EventID", number.group(1));
      } else {
        for (Map.Entry<String, String> message : MESSAGE_IDS.entrySet()) {
          if (lower.contains(message.getKey())) {
            into.canonical("EventID", message.getValue());
            break;
          }
        }
      }
    }
    return true;
  }

  private static boolean isSection(String label) {
    return switch (label) {
      case "Subject", "New Logon", "Account For Which Logon Failed", "Target Account", "New Account",
          "Target Subject", "Creator Subject", "Account Whose Credentials Were Used", "Target Server", "Member",
          "Group", "Process Information", "Network Information", "Failure Information",
          "Detailed Authentication Information", "Logon Information", "Attributes", "Service Information",
          "Task Information", "Share Information", "Access Request Information", "Object",
          "Additional Information" -> true;
      default -> false;
    };
  }

  private static String canonicalLabel(String label, String section) {
    boolean subject = section.isEmpty() || section.equals("Subject") || section.equals("Creator Subject");
    boolean member = section.equals("Member");
    boolean group = section.equals("Group");
    return switch (label) {
      case "Account Name" -> member ? "MemberName" : group ? "TargetUserName"
          : subject ? "SubjectUserName" : "TargetUserName";
      case "Account Domain" -> subject ? "SubjectDomainName" : "TargetDomainName";
      case "Security ID" -> member ? "MemberSid" : subject ? "SubjectUserSid" : "TargetSid";
      case "Logon ID" -> subject ? "SubjectLogonId" : "TargetLogonId";
      case "Logon Type" -> "LogonType";
      case "Failure Reason" -> "FailureReason";
      case "Status" -> "Status";
      case "Sub Status" -> "SubStatus";
      case "Workstation Name" -> "WorkstationName";
      case "Source Network Address", "Network Address", "Client Address" -> "IpAddress";
      case "Source Port", "Port", "Client Port" -> "IpPort";
      case "Logon Process" -> "LogonProcessName";
      case "Authentication Package" -> "AuthenticationPackageName";
      case "New Process Name" -> "NewProcessName";
      case "Creator Process Name" -> "ParentProcessName";
      case "Process Command Line" -> "CommandLine";
      case "Process Name", "Caller Process Name" -> "ProcessName";
      case "Token Elevation Type" -> "TokenElevationType";
      case "Service Name" -> "ServiceName";
      case "Service File Name" -> "ImagePath";
      case "Service Type" -> "ServiceType";
      case "Service Start Type" -> "StartType";
      case "Service Account" -> "AccountName";
      case "Object Name" -> "ObjectName";
      case "Object Type" -> "ObjectType";
      case "Share Name" -> "ShareName";
      case "Relative Target Name" -> "RelativeTargetName";
      case "Access Mask" -> "AccessMask";
      case "Privileges" -> "PrivilegeList";
      case "Group Name" -> "TargetUserName";
      case "Task Name" -> "TaskName";
      case "Task Content" -> "TaskContent";
      case "SAM Account Name", "Sam Account Name" -> "SamAccountName";
      case "Ticket Encryption Type" -> "TicketEncryptionType";
      case "Ticket Options" -> "TicketOptions";
      case "Failure Code" -> "Status";
      case "Pre-Authentication Type" -> "PreAuthType";
      case "Object Value Name" -> "ObjectValueName";
      case "Operation Type" -> "OperationType";
      case "New Value" -> "NewValue";
      case "Old Value" -> "OldValue";
      default -> null;
    };
  }

  /** The canonical names from whatever the line had: winlogbeat keys, Splunk keys, 4688's own names. */
  static void canonicalise(Fields f) {
    String[][] winlogbeat = {
        {"winlog.event_id", "EventID"}, {"event.code", "EventID"}, {"EventCode", "EventID"},
        {"winlog.channel", "Channel"}, {"LogName", "Channel"}, {"log_name", "Channel"},
        {"winlog.provider_name", "Provider"}, {"SourceName", "Provider"}, {"source_name", "Provider"},
        {"winlog.computer_name", "Computer"}, {"ComputerName", "Computer"}, {"host.name", "Computer"},
        {"winlog.user.name", "User"}, {"winlog.record_id", "EventRecordID"},
        {"@timestamp", "timestamp"}, {"TimeCreated", "timestamp"}, {"SystemTime", "timestamp"},
        {"process.command_line", "CommandLine"}, {"process.executable", "Image"},
        {"process.parent.executable", "ParentImage"}, {"process.parent.command_line", "ParentCommandLine"},
        {"powershell.file.script_block_text", "ScriptBlockText"},
        // Elastic Common Schema names that winlogbeat 8 and Elastic Agent write beside (or instead of) event_data
        {"process.pe.original_file_name", "OriginalFileName"}, {"file.path", "TargetFilename"},
        {"registry.path", "TargetObject"}, {"registry.data.strings", "Details"},
        {"destination.ip", "DestinationIp"}, {"destination.port", "DestinationPort"},
        {"destination.domain", "DestinationHostname"}, {"source.ip", "IpAddress"}, {"dns.question.name", "QueryName"},
        {"process.parent.name", "ParentProcessName"}, {"powershell.command.value", "CommandLine"}};
    for (String[] pair : winlogbeat) {
      f.alias(pair[0], pair[1]);
    }
    for (Map.Entry<String, List<String>> entry : List.copyOf(f.map.entrySet())) {
      String key = entry.getKey();
      for (String prefix : new String[] {"winlog.event_data.", "winlog.user_data.", "event_data.", "EventData.",
          "Event.EventData.", "winlog.event_data.Data."}) {
        if (key.startsWith(prefix) && key.length() > prefix.length()) {
          for (String value : entry.getValue()) {
            f.canonical(key.substring(prefix.length()), value);
          }
        }
      }
    }
    f.alias("NewProcessName", "Image");
    f.alias("ProcessCommandLine", "CommandLine");
    f.alias("ParentProcessName", "ParentImage");
    String channel = f.first("Channel");
    if (channel == null) {
      String provider = f.firstOf("Provider", "SourceName");
      if (provider != null && provider.toLowerCase(Locale.ROOT).contains("sysmon")) {
        f.canonical("Channel", "Microsoft-Windows-Sysmon/Operational");
      }
    }
    powershellHost(f);
  }

  private static final Pattern HOST_APPLICATION = Pattern.compile(
      "(?s)HostApplication=(.*?)(?:\\s+[A-Z][A-Za-z]+=|$)");
  private static final Pattern CONTEXT_HOST = Pattern.compile(
      "(?s)Host Application = (.*?)(?:\\s+(?:Engine Version|Runspace ID|Pipeline ID|Command Name|Command Type|"
          + "Script Name|Command Path|Sequence Number|User|Connected User|Shell ID) = |$)");

  /** PowerShell 400/800/4103 keep the host's command line inside a text blob. */
  private static void powershellHost(Fields f) {
    if (f.has("HostApplication")) {
      return;
    }
    for (String key : new String[] {"Data", "ContextInfo", "Payload", "message", "Message"}) {
      List<String> values = f.map.get(key);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        Matcher host = HOST_APPLICATION.matcher(value);
        if (host.find() && !host.group(1).isBlank()) {
          f.add("HostApplication", host.group(1).trim());
          return;
        }
        Matcher context = CONTEXT_HOST.matcher(value);
        if (context.find() && !context.group(1).isBlank()) {
          f.add("HostApplication", context.group(1).trim());
          return;
        }
      }
    }
  }

  /** The Windows source a line's channel names, or null. */
  static LogSource source(Fields f) {
    String channel = f.firstOf("Channel");
    String provider = f.firstOf("Provider");
    String hint = ((channel == null ? "" : channel) + " " + (provider == null ? "" : provider))
        .toLowerCase(Locale.ROOT);
    if (hint.contains("sysmon")) {
      return LogSource.SYSMON;
    }
    if (hint.contains("powershell")) {
      return LogSource.POWERSHELL;
    }
    if (hint.contains("security")) {
      return LogSource.WINDOWS_SECURITY;
    }
    if (channel != null && channel.equalsIgnoreCase("System")) {
      return LogSource.WINDOWS_SYSTEM;
    }
    if (f.has("EventID")) {
      String id = f.first("EventID");
      if (id.equals("4104") || id.equals("4103") || id.equals("400") || id.equals("800")) {
        return LogSource.POWERSHELL;
      }
      if (id.equals("7045") || id.equals("7036") || id.equals("7040") || id.equals("104")) {
        return LogSource.WINDOWS_SYSTEM;
      }
      if (id.length() == 4 && (id.startsWith("4") || id.startsWith("5") || id.startsWith("1"))) {
        return LogSource.WINDOWS_SECURITY;
      }
    }
    return null;
  }
}
