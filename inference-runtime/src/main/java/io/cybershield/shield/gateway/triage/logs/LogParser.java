package io.cybershield.shield.gateway.triage.logs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/**
 * Reads one log line into a {@link LogEvent}: detects its format (JSON, Windows XML, CEF/LEEF, auditd, syslog,
 * access log, {@code key=value}, Windows text), keeps the original keys and adds the canonical Sigma names the
 * rules use. It never throws: a line it cannot read is a {@code TEXT} event whose message is the line, because one
 * odd line must not fail a triage request of thousands.
 */
public final class LogParser {

  /**
   * Only this much of a line is parsed (the raw line is kept whole): every reader is linear, and 64 KiB holds any
   * real event including a large PowerShell script block.
   */
  static final int MAX_PARSED = 64 * 1024;

  private LogParser() {
  }

  public static LogEvent parse(LogSource declared, int index, String line) {
    String raw = strip(line);
    LogSource source = declared == null ? LogSource.AUTO : declared;
    try {
      return read(source, index, raw);
    } catch (RuntimeException | StackOverflowError unreadable) {
      return new LogEvent(index, raw, source, LogFormat.TEXT, java.util.Map.of("message", List.of(raw)));
    }
  }

  /** {@link #parse} without the safety net, so that tests see a reader's exception instead of a TEXT event. */
  static LogEvent parseStrict(LogSource declared, int index, String line) {
    return read(declared == null ? LogSource.AUTO : declared, index, strip(line));
  }

  private static String strip(String line) {
    if (line == null) {
      return "";
    }
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static LogEvent read(LogSource declared, int index, String raw) {
    String text = (raw.length() > MAX_PARSED ? raw.substring(0, MAX_PARSED) : raw).strip();
    Fields f = new Fields();
    Reading reading = new Reading();
    if (text.startsWith("{") && json(text, f, reading)) {
      reading.format = LogFormat.JSON;
    } else if ((text.startsWith("<Event") || text.startsWith("<?xml")) && WindowsXml.looksLike(text)) {
      WindowsXml.read(text, f);
      reading.format = LogFormat.XML;
      reading.windows = true;
      reading.message = f.firstOf("RenderedMessage");
    } else {
      String body = Linux.header(text, f);
      if (body != null) {
        reading.format = LogFormat.SYSLOG;
        reading.message = body;
        body(body, f, reading, true);
      } else {
        body(text, f, reading, false);
      }
    }
    if (reading.windows) {
      Windows.canonicalise(f);
      LogSource channel = Windows.source(f);
      if (reading.detected == null || reading.detected.windows()) {
        reading.detected = channel;
      }
    }
    LogSource source = resolve(declared, reading);
    canonicalise(source, text, f, reading);
    if (!f.has("message")) {
      f.map.remove("message");
      f.add("message", reading.message != null ? reading.message : raw);
    }
    return new LogEvent(index, raw, source, reading.format, f.map);
  }

  /** What was learnt while reading: the format, the source the content shows, the free-text part. */
  private static final class Reading {
    LogFormat format = LogFormat.TEXT;
    LogSource detected;
    boolean windows;
    String message;
  }

  /**
   * The event inside a shipper's envelope, read at the top level too: an EventBridge event ({@code detail-type} and
   * {@code detail}: CloudTrail and Okta delivered through AWS), a Splunk HTTP Event Collector event ({@code event} as
   * an object) or an Elasticsearch hit ({@code _source}); null for a bare event.
   */
  private static JsonNode envelope(JsonNode node) {
    JsonNode detail = node.get("detail");
    if (detail != null && detail.isObject() && node.has("detail-type")) {
      return detail;
    }
    JsonNode event = node.get("event");
    if (event != null && event.isObject() && (node.has("sourcetype") || node.has("time") || node.has("host"))
        && !event.has("code") && !event.has("kind")) {
      return event;
    }
    JsonNode source = node.get("_source");
    return source != null && source.isObject() ? source : null;
  }

  private static boolean json(String text, Fields f, Reading reading) {
    JsonNode node = JsonLines.object(text);
    if (node == null) {
      return false;
    }
    JsonNode records = node.get("Records");
    if (records != null && records.isArray() && records.size() > 0 && records.get(0).isObject()) {
      node = records.get(0);
    }
    JsonLines.flatten(node, "", f, 0);
    JsonNode wrapped = envelope(node);
    if (wrapped != null) {
      JsonLines.flatten(wrapped, "", f, 0);
    }
    if (Cloud.isCloudTrail(f)) {
      reading.detected = LogSource.CLOUDTRAIL;
    } else if (Cloud.isKubernetes(f)) {
      reading.detected = LogSource.KUBERNETES_AUDIT;
    } else if (Cloud.isOkta(f)) {
      reading.detected = LogSource.OKTA;
    } else if (f.has("winlog.event_id") || f.has("winlog.channel") || f.has("EventID") && f.has("Channel")) {
      reading.windows = true;
      Windows.canonicalise(f);
      LogSource windows = Windows.source(f);
      reading.detected = windows == null ? LogSource.WINDOWS_SECURITY : windows;
    } else if (f.has("request") || f.has("request_uri") || f.has("url.original")) {
      if (Web.json(f)) {
        reading.detected = LogSource.WEB_ACCESS;
      }
    }
    if (reading.detected == null && !reading.windows && f.has("MESSAGE")
        && (f.has("SYSLOG_IDENTIFIER") || f.has("_COMM") || f.has("_SYSTEMD_UNIT"))) {
      journald(f, reading);
      return true;
    }
    if (reading.detected == null && !reading.windows && shipped(f, reading)) {
      return true;
    }
    String message = f.firstOf("message", "msg", "Message", "displayMessage");
    reading.message = message;
    if (message != null && reading.detected == null && message.startsWith("<")
        && WindowsXml.looksLike(message)) {
      WindowsXml.read(message, f);
      reading.windows = true;
    }
    return true;
  }

  /**
   * A log line carried as a string by a shipper: Docker's json-file and Fluent Bit/Fluentd ({@code log}),
   * CloudWatch Logs exports ({@code @message}), Logstash and Vector ({@code message}, {@code event.original}). When
   * that string is itself a JSON event or a line one of the readers recognises (an access log, syslog, auditd, CEF,
   * a firewall record), it is read and its fields are added beside the envelope's; otherwise nothing changes.
   */
  private static boolean shipped(Fields f, Reading reading) {
    String inner = f.firstOf("log", "@message", "event.original", "message", "msg", "Message");
    if (inner == null || inner.length() < 8 || inner.length() > MAX_PARSED) {
      return false;
    }
    inner = inner.strip();
    Fields found = new Fields();
    Reading nested = new Reading();
    if (inner.startsWith("{")) {
      if (!json(inner, found, nested) || nested.detected == null && !nested.windows) {
        return false;
      }
    } else {
      String body = Linux.header(inner, found);
      if (body != null) {
        nested.format = LogFormat.SYSLOG;
        nested.message = body;
        body(body, found, nested, true);
        if (nested.detected == LogSource.LINUX_SYSLOG && !found.has("outcome") && !found.has("command")) {
          return false;
        }
      } else {
        body(inner, found, nested, false);
        boolean freeText = nested.format == LogFormat.TEXT || nested.format == LogFormat.KEY_VALUE;
        if (nested.detected == null || freeText && (nested.detected == LogSource.LINUX_AUTH
            || nested.detected == LogSource.LINUX_SYSLOG)) {
          return false;
        }
      }
    }
    found.map.forEach((k, values) -> {
      if (!k.equals("message")) {
        values.forEach(v -> f.add(k, v));
      }
    });
    reading.detected = nested.detected;
    reading.windows = nested.windows;
    reading.message = nested.message != null ? nested.message : inner;
    return true;
  }

  /**
   * A journald entry exported as JSON ({@code journalctl -o json}): the identifier, host and pid become the syslog
   * fields and the MESSAGE is read like the text after a syslog header, so sshd, sudo or auditd messages kept in
   * the journal are the same events as in /var/log.
   */
  private static void journald(Fields f, Reading reading) {
    String program = f.firstOf("SYSLOG_IDENTIFIER", "_COMM");
    if (program == null) {
      String unit = f.first("_SYSTEMD_UNIT");
      program = unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
    }
    f.canonical("program", program);
    f.canonical("host", f.first("_HOSTNAME"));
    f.canonical("pid", f.firstOf("SYSLOG_PID", "_PID"));
    String realtime = f.first("__REALTIME_TIMESTAMP");
    if (realtime != null && realtime.length() > 6 && realtime.chars().allMatch(Character::isDigit)) {
      f.canonical("timestamp", realtime.substring(0, realtime.length() - 6));
    }
    String message = f.first("MESSAGE");
    reading.message = message;
    body(message, f, reading, true);
    reading.format = LogFormat.JSON;
    if (reading.detected == null) {
      reading.detected = LogSource.LINUX_SYSLOG;
    }
    if (!f.has("message")) {
      f.add("message", message);
    }
  }

  /**
   * Snare's tab-separated Windows rendering ({@code MSWinEventLog<TAB>criticality<TAB>channel<TAB>counter<TAB>date
   * <TAB>event id<TAB>source<TAB>user<TAB>SID type<TAB>event type<TAB>computer<TAB>category<TAB>data<TAB>message}),
   * also with the tabs escaped as {@code #011} by a syslog relay; null when the line is not one.
   */
  private static String snare(String text, Fields f) {
    int at = text.indexOf("MSWinEventLog");
    if (at < 0) {
      return null;
    }
    String rest = text.substring(at).replace("#011", "\t");
    String[] c = rest.split("\t", -1);
    if (c.length < 12 || !c[5].trim().chars().allMatch(Character::isDigit) || c[5].isBlank()) {
      return null;
    }
    f.canonical("Channel", c[2].trim());
    f.canonical("EventID", c[5].trim());
    f.canonical("Provider", c[6].trim());
    if (!c[7].isBlank() && !c[7].trim().equalsIgnoreCase("N/A")) {
      f.canonical("User", c[7].trim());
    }
    f.canonical("EventType", c[9].trim());
    f.canonical("Computer", c[10].trim());
    String message = c.length > 13 ? c[13].trim() : c.length > 12 ? c[12].trim() : "";
    if (!message.isEmpty()) {
      f.add("Message", message);
      Windows.readText(message, f);
    }
    return message.isEmpty() ? rest : message;
  }

  /** The part after a syslog header, or the whole line without one. */
  private static void body(String body, Fields f, Reading reading, boolean syslog) {
    String program = f.first("program");
    String lowerProgram = program == null ? "" : program.toLowerCase(Locale.ROOT);
    String trimmed = body.strip();
    if (Network.cef(trimmed, f)) {
      reading.format = LogFormat.CEF;
      reading.detected = LogSource.FIREWALL;
      reading.message = f.firstOf("msg", "cef.name");
      return;
    }
    if (Network.leef(trimmed, f)) {
      reading.format = LogFormat.LEEF;
      reading.detected = LogSource.FIREWALL;
      reading.message = f.firstOf("msg");
      return;
    }
    if (trimmed.startsWith("{")) {
      Fields inner = new Fields();
      Reading json = new Reading();
      if (json(trimmed, inner, json)) {
        inner.map.forEach((k, values) -> values.forEach(v -> f.add(k, v)));
        reading.format = LogFormat.JSON;
        reading.detected = json.detected;
        reading.windows = json.windows;
        reading.message = json.message != null ? json.message : reading.message;
        return;
      }
    }
    String audit = trimmed;
    int type = trimmed.indexOf("type=");
    if (type > 0 && type < 80 && trimmed.contains("msg=audit(")) {
      audit = trimmed.substring(trimmed.lastIndexOf(' ', type) < 0 ? type : type);
      int node = trimmed.indexOf("node=");
      if (node >= 0 && node < type) {
        audit = trimmed.substring(node);
      }
    }
    if (Linux.audit(audit, f)) {
      reading.format = LogFormat.AUDITD;
      reading.detected = LogSource.AUDITD;
      reading.message = audit;
      return;
    }
    if ((!syslog || trimmed.startsWith("<Event")) && WindowsXml.looksLike(trimmed)) {
      WindowsXml.read(trimmed, f);
      reading.format = LogFormat.XML;
      reading.windows = true;
      return;
    }
    if (Network.asa(trimmed, f)) {
      reading.detected = vpnWords(trimmed) ? LogSource.VPN : LogSource.FIREWALL;
      reading.message = f.first("message");
      if (!syslog) {
        reading.format = LogFormat.SYSLOG;
      }
      return;
    }
    if (!syslog && Web.access(trimmed, f)) {
      reading.format = LogFormat.ACCESS_LOG;
      reading.detected = LogSource.WEB_ACCESS;
      reading.message = f.first("request");
      return;
    }
    if (Network.paloAlto(trimmed, f)) {
      reading.format = LogFormat.CSV;
      reading.detected = trimmed.contains(",GLOBALPROTECT,") ? LogSource.VPN : LogSource.FIREWALL;
      if (reading.detected == LogSource.VPN) {
        Network.vpnMessage(trimmed, f);
      }
      return;
    }
    if (Network.vpcFlow(trimmed, f)) {
      reading.format = syslog ? LogFormat.SYSLOG : LogFormat.TEXT;
      reading.detected = LogSource.FIREWALL;
      return;
    }
    if (Network.filterlog(program, trimmed, f)) {
      reading.format = syslog ? LogFormat.SYSLOG : LogFormat.CSV;
      reading.detected = LogSource.FIREWALL;
      return;
    }
    if (Network.pf(trimmed, f)) {
      reading.detected = LogSource.FIREWALL;
      return;
    }
    String snare = snare(trimmed, f);
    if (snare != null) {
      reading.windows = true;
      reading.format = syslog ? LogFormat.SYSLOG : LogFormat.TEXT;
      reading.message = snare;
      return;
    }
    boolean windowsProgram = lowerProgram.contains("microsoft-windows") || lowerProgram.contains("mswineventlog")
        || lowerProgram.contains("eventlog") || lowerProgram.contains("winlog");
    String windowsText = !syslog || windowsProgram || trimmed.contains("EventCode=")
        ? windowsText(trimmed, f) : null;
    if (windowsText != null) {
      reading.windows = true;
      reading.format = syslog ? LogFormat.SYSLOG : f.has("EventCode") || f.has("LogName") ? LogFormat.KEY_VALUE
          : LogFormat.TEXT;
      reading.message = windowsText;
      return;
    }
    int pairs = KeyValues.read(trimmed, f);
    if (!syslog && pairs >= 2) {
      reading.format = LogFormat.KEY_VALUE;
    }
    if (Network.fortigate(f)) {
      reading.detected = "vpn".equalsIgnoreCase(f.first("subtype")) ? LogSource.VPN : LogSource.FIREWALL;
      reading.message = f.firstOf("msg", "message");
      return;
    }
    if (Network.netfilter(trimmed, f)) {
      reading.detected = LogSource.FIREWALL;
      return;
    }
    if (lowerProgram.contains("openvpn") || lowerProgram.startsWith("ovpn") || lowerProgram.contains("vpn")
        || lowerProgram.equals("charon") || lowerProgram.equals("authproxy") || trimmed.contains("wireguard:")
        || trimmed.contains("GlobalProtect") || PULSE_EVENT.matcher(trimmed).find()) {
      Network.vpnMessage(trimmed, f);
      reading.detected = LogSource.VPN;
      return;
    }
    if (syslog) {
      Linux.message(program, trimmed, f);
      reading.detected = Linux.authProgram(program) || f.has("outcome") ? LogSource.LINUX_AUTH
          : LogSource.LINUX_SYSLOG;
      return;
    }
    Linux.message(null, trimmed, f);
    if (f.has("outcome") && f.has("user")) {
      reading.detected = LogSource.LINUX_AUTH;
    }
  }

  /** Ivanti (Pulse) Connect Secure: {@code [address] user(realm)[roles] - AUT24414: ...}, message ids AUT/WEB/NWC/ERR. */
  private static final com.google.re2j.Pattern PULSE_EVENT = com.google.re2j.Pattern.compile(
      "\\] [^\\s()\\[\\]]{0,128}\\([^)]{0,128}\\)\\[[^\\]]{0,256}\\] - (AUT|WEB|NWC|ERR|ADM|SYS)\\d{5}:");

  private static boolean vpnWords(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("anyconnect") || lower.contains("webvpn") || lower.contains("svc ")
        || lower.contains("vpn") || lower.contains("aaa user") || lower.contains("group <")
        || lower.contains("group = ");
  }

  /** A Windows event rendered as text or as Splunk pairs; the message part, or null when it is not one. */
  private static String windowsText(String text, Fields f) {
    int messageAt = text.indexOf("Message=");
    boolean splunk = text.contains("EventCode=") || text.contains("LogName=");
    if (splunk) {
      String pairs = messageAt < 0 ? text : text.substring(0, messageAt);
      KeyValues.read(pairs, f);
      String message = messageAt < 0 ? "" : text.substring(messageAt + "Message=".length()).strip();
      if (message.startsWith("\"") && message.endsWith("\"") && message.length() > 1) {
        message = message.substring(1, message.length() - 1);
      }
      if (!message.isEmpty()) {
        f.add("Message", message);
        Windows.readText(message, f);
        if (text.contains("Sysmon")) {
          Windows.sysmonText(message, f);
        }
      }
      return message.isEmpty() ? text : message;
    }
    if (text.indexOf(": ") < 0) {
      return null;
    }
    Fields labelled = new Fields();
    if (Windows.readText(text, labelled) && labelled.has("EventID")) {
      labelled.map.forEach((k, values) -> values.forEach(v -> f.add(k, v)));
      return text;
    }
    return null;
  }

  private static LogSource resolve(LogSource declared, Reading reading) {
    LogSource detected = reading.detected;
    if (reading.windows && detected == null) {
      detected = declared.windows() ? declared : LogSource.WINDOWS_SECURITY;
    }
    if (declared == LogSource.AUTO) {
      return detected == null ? LogSource.AUTO : detected;
    }
    if (detected == null) {
      return declared;
    }
    // within a family the content is more precise than the name (auditd lines in a syslog feed), except for
    // plain syslog, which is only what an unrecognised program gets
    if (family(detected) == family(declared) && detected == LogSource.LINUX_SYSLOG) {
      return declared;
    }
    // plain syslog is only "a syslog header with a program we do not know": an appliance (an SSL-VPN, an auth
    // proxy) that the caller declared is read as what it was declared
    if (detected == LogSource.LINUX_SYSLOG && !declared.windows()) {
      return declared;
    }
    return detected;
  }

  private static int family(LogSource source) {
    return switch (source) {
      case WINDOWS_SECURITY, WINDOWS_SYSTEM, SYSMON, POWERSHELL -> 1;
      case LINUX_SYSLOG, LINUX_AUTH, AUDITD -> 2;
      case FIREWALL, VPN -> 3;
      default -> 10 + source.ordinal();
    };
  }

  private static void canonicalise(LogSource source, String text, Fields f, Reading reading) {
    if (reading.windows || source.windows()) {
      Windows.canonicalise(f);
      return;
    }
    switch (source) {
      case CLOUDTRAIL -> Cloud.cloudTrail(f);
      case KUBERNETES_AUDIT -> Cloud.kubernetes(f);
      case OKTA -> Cloud.okta(f);
      case WEB_ACCESS -> {
        if (reading.format == LogFormat.JSON) {
          Web.json(f);
        }
      }
      case VPN -> {
        if (!f.has("outcome") || !f.has("user")) {
          Network.vpnMessage(reading.message != null ? reading.message : text, f);
        }
      }
      case LINUX_AUTH, LINUX_SYSLOG -> {
        if (!f.has("outcome")) {
          Linux.message(f.first("program"), reading.message != null ? reading.message : text, f);
        }
      }
      default -> {
      }
    }
    if (reading.format == LogFormat.JSON) {
      Cloud.generic(f);
    }
  }
}
