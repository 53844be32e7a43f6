package io.cybershield.shield.gateway.triage.logs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Firewalls (netfilter, FortiGate, CEF, LEEF, Palo Alto CSV, pf, Cisco ASA) and VPN concentrators. */
final class Network {

  private Network() {
  }

  // ---------------------------------------------------------------- CEF and LEEF

  /** {@code CEF:0|Vendor|Product|Version|SignatureID|Name|Severity|ext}; true when the text holds one. */
  static boolean cef(String text, Fields f) {
    int at = text.indexOf("CEF:");
    if (at < 0 || at > 512) {
      return false;
    }
    List<String> header = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int i = at + 4;
    int n = text.length();
    for (; i < n && header.size() < 7; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < n) {
        part.append(text.charAt(++i));
      } else if (c == '|') {
        header.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    if (header.size() < 7) {
      return false;
    }
    String[] names = {"cef.version", "cef.vendor", "cef.product", "cef.device_version", "cef.signature_id",
        "cef.name", "cef.severity"};
    for (int h = 0; h < 7; h++) {
      f.add(names[h], header.get(h));
    }
    extension(text.substring(Math.min(i, n)), f);
    for (int c = 1; c <= 6; c++) {
      String label = f.first("cs" + c + "Label");
      String value = f.first("cs" + c);
      if (label != null && value != null) {
        f.add(label, value);
      }
    }
    String[][] canonical = {{"src", "src_ip"}, {"dst", "dst_ip"}, {"spt", "src_port"}, {"dpt", "dst_port"},
        {"proto", "proto"}, {"out", "bytes_out"}, {"app", "app"}, {"suser", "user"}, {"duser", "target_user"},
        {"threatName", "threat"}, {"cs1", "rule"}, {"shost", "src_host"}, {"dhost", "dst_host"},
        {"request", "uri"}, {"msg", "message"}};
    for (String[] pair : canonical) {
      f.alias(pair[0], pair[1]);
    }
    action(f.firstOf("act", "deviceAction"), f);
    if (!f.has("threat")) {
      String category = f.firstOf("cat", "deviceEventCategory");
      if (category != null && category.toLowerCase(Locale.ROOT).matches(".*(threat|virus|malware|intrusion|ips).*")) {
        f.canonical("threat", f.first("cef.name"));
      }
    }
    return true;
  }

  /** CEF's extension: {@code key=value} where a value runs to the next {@code key=}; {@code \=} is literal. */
  private static void extension(String text, Fields f) {
    List<int[]> keys = new ArrayList<>();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) != '=' || (i > 0 && text.charAt(i - 1) == '\\')) {
        continue;
      }
      int start = i;
      while (start > 0 && i - start < 64 && cefKeyChar(text.charAt(start - 1))) {
        start--;
      }
      if (start < i && (start == 0 || text.charAt(start - 1) == ' ')) {
        keys.add(new int[] {start, i});
      }
    }
    for (int k = 0; k < keys.size(); k++) {
      int valueStart = keys.get(k)[1] + 1;
      int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : n;
      String value = valueEnd > valueStart ? text.substring(valueStart, valueEnd) : "";
      f.add(text.substring(keys.get(k)[0], keys.get(k)[1]), value.replace("\\=", "=").replace("\\\\", "\\")
          .trim());
    }
  }

  private static boolean cefKeyChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']');
  }

  /** {@code LEEF:1.0|Vendor|Product|Version|EventID|} then tab-separated (or 2.0's own delimiter) pairs. */
  static boolean leef(String text, Fields f) {
    int at = text.indexOf("LEEF:");
    if (at < 0 || at > 512) {
      return false;
    }
    String[] parts = text.substring(at + 5).split("\\|", 7);
    if (parts.length < 6) {
      return false;
    }
    f.add("leef.version", parts[0]);
    f.add("leef.vendor", parts[1]);
    f.add("leef.product", parts[2]);
    f.add("leef.device_version", parts[3]);
    f.add("leef.event_id", parts[4]);
    String attributes = parts.length == 7 ? parts[5] + "|" + parts[6] : parts[5];
    String delimiter = "\t";
    if (parts[0].startsWith("2") && parts.length == 7) {
      delimiter = parts[5].startsWith("x") || parts[5].startsWith("0x")
          ? String.valueOf((char) Integer.parseInt(parts[5].replaceFirst("^0?x", ""), 16)) : parts[5];
      attributes = parts[6];
    }
    for (String pair : attributes.split(java.util.regex.Pattern.quote(delimiter.isEmpty() ? "\t" : delimiter))) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        f.add(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    String[][] canonical = {{"src", "src_ip"}, {"dst", "dst_ip"}, {"srcPort", "src_port"}, {"dstPort", "dst_port"},
        {"proto", "proto"}, {"srcBytes", "bytes_out"}, {"usrName", "user"}, {"application", "app"}};
    for (String[] pair : canonical) {
      f.alias(pair[0], pair[1]);
    }
    action(f.firstOf("action", "act"), f);
    return true;
  }

  // ---------------------------------------------------------------- firewalls

  /** Netfilter's {@code SRC= DST= PROTO= SPT= DPT=}, and the verdict its log prefix names. */
  static boolean netfilter(String text, Fields f) {
    if (!f.has("SRC") || !f.has("DST")) {
      return false;
    }
    f.alias("SRC", "src_ip");
    f.alias("DST", "dst_ip");
    f.alias("SPT", "src_port");
    f.alias("DPT", "dst_port");
    String proto = f.first("PROTO");
    if (proto != null) {
      f.canonical("proto", proto.toLowerCase(Locale.ROOT));
    }
    String upper = text.toUpperCase(Locale.ROOT);
    int src = upper.indexOf("SRC=");
    String prefix = src < 0 ? upper : upper.substring(0, src);
    action(prefix.contains("DROP") ? "drop" : prefix.contains("REJECT") ? "reset"
        : prefix.contains("BLOCK") || prefix.contains("DENY") || prefix.contains("DENIED") ? "deny"
        : prefix.contains("ACCEPT") || prefix.contains("ALLOW") || prefix.contains("PASS") ? "allow" : null, f);
    return true;
  }

  /** FortiGate's pairs ({@code srcip}, {@code dstport}, {@code action}, {@code sentbyte}, {@code attack}). */
  static boolean fortigate(Fields f) {
    if (!(f.has("devname") || f.has("devid")) || !(f.has("srcip") || f.has("remip") || f.has("logid"))) {
      return false;
    }
    f.alias("srcip", "src_ip");
    f.alias("remip", "src_ip");
    f.alias("dstip", "dst_ip");
    f.alias("srcport", "src_port");
    f.alias("dstport", "dst_port");
    f.alias("sentbyte", "bytes_out");
    f.alias("attack", "threat");
    f.alias("virus", "threat");
    f.alias("policyid", "rule");
    f.alias("srccountry", "country");
    String proto = f.first("proto");
    String named = proto == null ? null : switch (proto) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      default -> null;
    };
    if (named != null) {
      f.map.remove("proto");
      f.add("proto", named);
      f.add("proto_number", proto);
    }
    String action = f.first("action");
    if (action != null) {
      String lower = action.toLowerCase(Locale.ROOT);
      action(lower.equals("accept") || lower.equals("close") || lower.equals("timeout") || lower.equals("pass")
          ? "allow" : lower.equals("server-rst") || lower.equals("client-rst") ? "reset" : lower, f);
    }
    boolean vpn = "vpn".equalsIgnoreCase(f.first("subtype")) || (action != null && action.contains("ssl-")
        || action != null && action.startsWith("tunnel"));
    if (vpn) {
      String status = f.first("status");
      String reason = f.first("reason");
      String lowerAction = action == null ? "" : action.toLowerCase(Locale.ROOT);
      if (lowerAction.contains("fail") || "failure".equalsIgnoreCase(status) || "failed".equalsIgnoreCase(status)
          || (reason != null && reason.toLowerCase(Locale.ROOT).contains("denied"))) {
        f.canonical("outcome", "failure");
      } else if ("success".equalsIgnoreCase(status) || lowerAction.equals("tunnel-up")
          || lowerAction.equals("ssl-login")) {
        f.canonical("outcome", "success");
      }
      f.alias("msg", "message");
    }
    return true;
  }

  private static final Pattern ASA = Pattern.compile("%(?:ASA|FTD|PIX)-(\\d)-(\\d{6}): ?(.*)");
  private static final Pattern ASA_DENY_ACL = Pattern.compile(
      "(?i)^(Deny|Permit) (\\w+) src \\S*?:(\\S+?)/(\\d+) dst \\S*?:(\\S+?)/(\\d+)(?: by access-group \"([^\"]+)\")?");
  private static final Pattern ASA_ACCESS_LIST = Pattern.compile(
      "(?i)access-list (\\S+) (permitted|denied|est-allowed) (\\w+) \\S*?/(\\S+?)\\((\\d+)\\) -> \\S*?/(\\S+?)\\((\\d+)\\)");
  private static final Pattern ASA_BUILT = Pattern.compile(
      "(?i)^(Built|Teardown) (?:inbound |outbound )?(\\w+) connection \\d+ for \\S*?:(\\S+?)/(\\d+) .*?to \\S*?:(\\S+?)/(\\d+)");
  private static final Pattern ASA_DENIED = Pattern.compile(
      "(?i)(?:Inbound|Outbound)? ?(\\w+) (?:connection|packet) denied from (\\S+?)/(\\d+) to (\\S+?)/(\\d+)");
  private static final Pattern ASA_USER = Pattern.compile(
      "(?i)(?:User <([^>]+)>|[Uu]sername = ([^,\\s]+)|\\buser = ([^,:\\s]+)|user '([^']+)')");
  private static final Pattern ASA_IP = Pattern.compile(
      "(?i)(?:IP <([^>]+)>|user IP = ([^,:\\s]+)|\\bIP = ([^,:\\s]+)|from (\\d{1,3}(?:\\.\\d{1,3}){3}))");

  /** Cisco ASA/FTD {@code %ASA-n-NNNNNN:} messages: connections, ACL verdicts, AAA and AnyConnect sessions. */
  static boolean asa(String text, Fields f) {
    if (!(text.contains("%ASA-") || text.contains("%FTD-") || text.contains("%PIX-"))) {
      return false;
    }
    Matcher m = ASA.matcher(text);
    if (!m.find()) {
      return false;
    }
    f.add("asa.severity", m.group(1));
    f.add("asa.message_id", m.group(2));
    String message = m.group(3);
    f.canonical("message", message);
    Matcher d;
    String head = message.length() > 8 ? message.substring(0, 8).toLowerCase(Locale.ROOT) : message;
    if ((head.startsWith("deny") || head.startsWith("permit")) && (d = ASA_DENY_ACL.matcher(message)).find()) {
      action(d.group(1), f);
      f.canonical("proto", d.group(2).toLowerCase(Locale.ROOT));
      f.canonical("src_ip", d.group(3));
      f.canonical("src_port", d.group(4));
      f.canonical("dst_ip", d.group(5));
      f.canonical("dst_port", d.group(6));
      f.canonical("rule", d.group(7));
    } else if (message.contains("access-list") && (d = ASA_ACCESS_LIST.matcher(message)).find()) {
      f.canonical("rule", d.group(1));
      action(d.group(2).startsWith("denied") ? "deny" : "allow", f);
      f.canonical("proto", d.group(3).toLowerCase(Locale.ROOT));
      f.canonical("src_ip", d.group(4));
      f.canonical("src_port", d.group(5));
      f.canonical("dst_ip", d.group(6));
      f.canonical("dst_port", d.group(7));
    } else if ((head.startsWith("built") || head.startsWith("teardown")) && (d = ASA_BUILT.matcher(message)).find()) {
      action("allow", f);
      f.canonical("proto", d.group(2).toLowerCase(Locale.ROOT));
      f.canonical("src_ip", d.group(3));
      f.canonical("src_port", d.group(4));
      f.canonical("dst_ip", d.group(5));
      f.canonical("dst_port", d.group(6));
    } else if (message.contains("denied from") && (d = ASA_DENIED.matcher(message)).find()) {
      action("deny", f);
      f.canonical("proto", d.group(1).toLowerCase(Locale.ROOT));
      f.canonical("src_ip", d.group(2));
      f.canonical("src_port", d.group(3));
      f.canonical("dst_ip", d.group(4));
      f.canonical("dst_port", d.group(5));
    }
    vpnMessage(message, f);
    return true;
  }

  /** The VPN facts of a free-text message: user, address, country, success or failure. */
  static void vpnMessage(String message, Fields f) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("user")) {
      first(ASA_USER, message, "user", f);
    }
    if (lower.contains("ip") || lower.contains("from ")) {
      first(ASA_IP, message, "src_ip", f);
    }
    if (message.contains("Login from:")) {
      first(GLOBALPROTECT, message, "src_ip", f);
    }
    if (lower.contains("region") || lower.contains("country")) {
      first(REGION, message, "country", f);
    }
    if (message.contains("User name:")) {
      Matcher name = USER_NAME.matcher(message);
      if (name.find()) {
        f.canonical("user", name.group(1).trim());
      }
    }
    if (message.contains("Peer Connection Initiated")) {
      Matcher peer = OPENVPN_PEER.matcher(message);
      if (peer.find()) {
        f.canonical("user", peer.group(3) != null ? peer.group(3) : peer.group(1));
        f.canonical("src_ip", peer.group(2));
      }
    }
    if (!message.isEmpty() && Character.isLetterOrDigit(message.charAt(0)) && message.indexOf(':') > 0) {
      Matcher leading = OPENVPN_CLIENT.matcher(message);
      if (leading.find()) {
        f.canonical("user", leading.group(1));
        f.canonical("src_ip", leading.group(2));
        f.canonical("src_port", leading.group(3));
      }
    }
    if (lower.contains("peer ")) {
      first(WIREGUARD, message, "src_ip", f);
    }
    if (message.indexOf("] ") > 0 && message.contains(")[")) {
      Matcher ivanti = PULSE.matcher(message);
      if (ivanti.find() && !"System".equals(ivanti.group(2))) {
        f.canonical("src_ip", ivanti.group(1));
        f.canonical("user", ivanti.group(2));
      }
    }
    if (message.contains("for user '")) {
      first(QUOTED_USER, message, "user", f);
      first(SRC_ADDRESS, message, "src_ip", f);
    }
    if (containsAny(lower, FAILURE_WORDS)) {
      f.canonical("outcome", "failure");
    } else if (containsAny(lower, SUCCESS_WORDS)) {
      f.canonical("outcome", "success");
    }
  }

  /** Sets {@code field} from the first non-null group of the first match. */
  private static void first(Pattern pattern, String message, String field, Fields f) {
    Matcher m = pattern.matcher(message);
    if (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          f.canonical(field, m.group(g));
          return;
        }
      }
    }
  }

  private static boolean containsAny(String text, List<String> words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Ivanti (Pulse) Connect Secure: {@code [203.0.113.5] alice(Users)[] - AUT24414: Login failed ...}. */
  private static final Pattern PULSE = Pattern.compile(
      "\\[(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F:]{3,39})\\] ([^\\s()\\[\\]]{1,128})\\([^)]{0,128}\\)\\[[^\\]]{0,256}\\] - ");
  /** Duo authentication proxy and other RADIUS front ends: {@code for user 'alice'}, {@code src 203.0.113.5}. */
  private static final Pattern QUOTED_USER = Pattern.compile("for user '([^']{1,128})'");
  private static final Pattern SRC_ADDRESS = Pattern.compile(
      "\\bsrc:? (\\d{1,3}(?:\\.\\d{1,3}){3})\\b");
  private static final Pattern GLOBALPROTECT = Pattern.compile("(?i)Login from: ([^,\\s]+)");
  private static final Pattern REGION = Pattern.compile("(?i)(?:Source region|country(?:_code)?)[:=] ?\"?([A-Za-z]{2,32})");
  private static final Pattern USER_NAME = Pattern.compile("(?i)User name: ([^,]+)");
  private static final Pattern OPENVPN_PEER = Pattern.compile(
      "(?:^|\\s)(?:([\\w.@-]+)/)?(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d+ (?:\\[([\\w.@-]+)\\] )?Peer Connection Initiated");
  /** OpenVPN prefixes its messages with the client: {@code 203.0.113.19:40022} or {@code alice/203.0.113.19:40022}. */
  private static final Pattern OPENVPN_CLIENT = Pattern.compile(
      "^(?:([\\w.@-]+)/)?(\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{1,5}) ");
  private static final Pattern WIREGUARD = Pattern.compile("peer \\d+ \\((\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+\\]):\\d+\\)");
  /** Words of a failed login, lower-case; checked before the success words ("authentication failed" wins). */
  private static final List<String> FAILURE_WORDS = List.of("fail", "rejected", "denied", "invalid user",
      "invalid password", "invalid credentials", "did not complete", "bad password", "incorrect");
  private static final List<String> SUCCESS_WORDS = List.of("successful", "succeeded", "success",
      "peer connection initiated", "session started", "assigned to session", "logged in", "tunnel-up",
      " connected", "handshake completed", "authenticated");

  /** Palo Alto's CSV TRAFFIC and THREAT logs (PAN-OS field order); true when the line is one. */
  /**
   * PAN-OS GLOBALPROTECT (10.x and later): after the type come the content type, a reserved cell, the generated
   * time, vsys, event id ({@code gateway-auth}, {@code portal-auth}), stage, auth method, tunnel type, source user,
   * source region, machine name, public IPv4 ... and, further on, the status ({@code success}/{@code failure}).
   */
  private static void globalProtect(List<String> cells, int shift, Fields f) {
    f.add("pan.type", "GLOBALPROTECT");
    f.canonical("timestamp", cell(cells, 6 + shift));
    f.canonical("event", cell(cells, 8 + shift));
    f.canonical("stage", cell(cells, 9 + shift));
    f.canonical("auth_method", cell(cells, 10 + shift));
    f.canonical("user", cell(cells, 12 + shift));
    String region = cell(cells, 13 + shift);
    if (region != null && region.length() == 2 && Character.isLetter(region.charAt(0))) {
      f.canonical("country", region);
    }
    f.canonical("machine", cell(cells, 14 + shift));
    String ip = cell(cells, 15 + shift);
    if (ip != null && !ip.equals("0.0.0.0")) {
      f.canonical("src_ip", ip);
    }
    for (int i = 16 + shift; i < cells.size(); i++) {
      String c = cells.get(i);
      if (c.equals("success") || c.equals("failure")) {
        f.canonical("outcome", c);
        break;
      }
    }
  }

  static boolean paloAlto(String text, Fields f) {
    int comma = text.indexOf(',');
    if (comma < 0 || !(text.contains(",TRAFFIC,") || text.contains(",THREAT,")
        || text.contains(",GLOBALPROTECT,"))) {
      return false;
    }
    List<String> cells = csv(text);
    if (cells.size() < 30) {
      return false;
    }
    int type = cells.indexOf("TRAFFIC");
    if (type < 0) {
      type = cells.indexOf("THREAT");
    }
    if (type != 3 && type != 4) {
      int gp = cells.indexOf("GLOBALPROTECT");
      if (gp == 3 || gp == 4) {
        globalProtect(cells, gp - 3, f);
      }
      return gp >= 0;
    }
    int shift = type - 3;
    String kind = cells.get(type);
    f.add("pan.type", kind);
    f.add("pan.subtype", cell(cells, 4 + shift));
    f.canonical("timestamp", cell(cells, 1 + shift));
    f.canonical("src_ip", cell(cells, 7 + shift));
    f.canonical("dst_ip", cell(cells, 8 + shift));
    f.canonical("rule", cell(cells, 11 + shift));
    f.canonical("user", cell(cells, 12 + shift));
    f.canonical("app", cell(cells, 14 + shift));
    f.canonical("src_zone", cell(cells, 16 + shift));
    f.canonical("dst_zone", cell(cells, 17 + shift));
    f.canonical("src_port", cell(cells, 24 + shift));
    f.canonical("dst_port", cell(cells, 25 + shift));
    f.canonical("proto", cell(cells, 29 + shift));
    action(cell(cells, 30 + shift), f);
    if (kind.equals("TRAFFIC")) {
      f.canonical("bytes", cell(cells, 31 + shift));
      f.canonical("bytes_out", cell(cells, 32 + shift));
      f.canonical("bytes_in", cell(cells, 33 + shift));
    } else {
      f.canonical("uri", cell(cells, 31 + shift));
      f.canonical("threat", cell(cells, 32 + shift));
      f.canonical("category", cell(cells, 33 + shift));
      f.canonical("severity", cell(cells, 34 + shift));
    }
    return true;
  }

  private static String cell(List<String> cells, int at) {
    return at < cells.size() ? cells.get(at) : null;
  }

  /** Comma-separated cells, with {@code "quoted, cells"} and {@code ""} inside quotes. */
  static List<String> csv(String text) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static final Pattern PF = Pattern.compile(
      "rule [\\d./]+\\(\\w+\\):? (pass|block|match) (in|out) on (\\S+): (\\S+?)\\.(\\d+) > (\\S+?)\\.(\\d+): ?(\\S+)?");

  /** OpenBSD/pfSense pf: {@code rule 3/(match) block in on em0: 198.51.100.7.51514 > 10.0.0.5.22: tcp}. */
  /**
   * pfSense / OPNsense {@code filterlog}: one CSV record per packet, rule, sub-rule, anchor, tracker, interface,
   * reason, action, direction, IP version, then the IPv4 (tos, ecn, ttl, id, offset, flags, proto id, proto name,
   * length, src, dst) or IPv6 (class, flow label, hop limit, proto name, proto id, length, src, dst) header and, for
   * TCP and UDP, the ports.
   */
  static boolean filterlog(String program, String text, Fields f) {
    boolean named = program != null && program.equalsIgnoreCase("filterlog");
    if (!named && !(text.contains(",match,") && (text.contains(",block,") || text.contains(",pass,")))) {
      return false;
    }
    int tag = text.startsWith("filterlog") ? text.indexOf(": ") : -1;
    String[] c = (tag > 0 && tag < 32 ? text.substring(tag + 2) : text).split(",", -1);
    if (c.length < 17 || !(c[8].equals("4") || c[8].equals("6"))) {
      return false;
    }
    boolean v4 = c[8].equals("4");
    int proto = v4 ? 16 : 12;
    int src = v4 ? 18 : 15;
    if (c.length <= src + 1) {
      return false;
    }
    f.canonical("rule", c[0].isEmpty() ? c[3] : c[0]);
    f.canonical("interface", c[4]);
    action(c[6].equals("block") ? "deny" : c[6].equals("pass") ? "allow" : c[6], f);
    f.canonical("direction", c[7]);
    f.canonical("proto", c[proto].toLowerCase(Locale.ROOT));
    f.canonical("src_ip", c[src]);
    f.canonical("dst_ip", c[src + 1]);
    String name = c[proto].toLowerCase(Locale.ROOT);
    if ((name.equals("tcp") || name.equals("udp")) && c.length > src + 3) {
      f.canonical("src_port", c[src + 2]);
      f.canonical("dst_port", c[src + 3]);
    }
    if (v4 && c.length > 17) {
      f.canonical("length", c[17]);
    }
    return true;
  }

  /**
   * AWS VPC flow log, default version-2 format: version, account, interface ({@code eni-}), source and destination
   * address and port, IANA protocol number, packets, bytes, start, end, ACCEPT/REJECT, log status.
   */
  static boolean vpcFlow(String text, Fields f) {
    if (!text.contains(" eni-") || !(text.contains(" ACCEPT ") || text.contains(" REJECT "))) {
      return false;
    }
    String[] c = text.trim().split("\\s+");
    if (c.length < 14 || !c[2].startsWith("eni-") || !c[0].chars().allMatch(Character::isDigit)) {
      return false;
    }
    f.canonical("account", c[1]);
    f.canonical("interface", c[2]);
    f.canonical("src_ip", c[3]);
    f.canonical("dst_ip", c[4]);
    f.canonical("src_port", c[5]);
    f.canonical("dst_port", c[6]);
    f.canonical("proto", switch (c[7]) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      case "58" -> "icmpv6";
      default -> c[7];
    });
    f.canonical("packets", c[8]);
    f.canonical("bytes_out", c[9]);
    f.canonical("start", c[10]);
    action(c[12].equals("ACCEPT") ? "allow" : "deny", f);
    return true;
  }

  static boolean pf(String text, Fields f) {
    if (!text.contains("rule ") || !text.contains(" on ")) {
      return false;
    }
    Matcher m = PF.matcher(text);
    if (!m.find()) {
      return false;
    }
    action(m.group(1).equals("block") ? "deny" : "allow", f);
    f.canonical("direction", m.group(2));
    f.canonical("interface", m.group(3));
    f.canonical("src_ip", m.group(4));
    f.canonical("src_port", m.group(5));
    f.canonical("dst_ip", m.group(6));
    f.canonical("dst_port", m.group(7));
    if (m.group(8) != null && m.group(8).matches("(?i)tcp|udp|icmp|Flags")) {
      f.canonical("proto", m.group(8).equals("Flags") ? "tcp" : m.group(8).toLowerCase(Locale.ROOT));
    }
    return true;
  }

  /** The normalised verdict: allow, deny, drop or reset (lower-case) when recognisable; else as logged. */
  static void action(String value, Fields f) {
    if (value == null || value.isBlank() || f.has("action") && isNormal(f.first("action"))) {
      return;
    }
    String lower = value.trim().toLowerCase(Locale.ROOT);
    String normal = switch (lower) {
      case "allow", "allowed", "accept", "accepted", "permit", "permitted", "pass", "passed", "built", "success",
          "close", "est-allowed" -> "allow";
      case "deny", "denied", "block", "blocked", "reject", "rejected", "prevented", "blocked-url", "block-url" ->
          "deny";
      case "drop", "dropped", "drop-icmp", "drop-all-packets" -> "drop";
      case "reset", "reset-both", "reset-client", "reset-server", "server-rst", "client-rst" -> "reset";
      default -> null;
    };
    if (normal == null) {
      if (!f.has("action")) {
        f.add("action", lower);
      }
      return;
    }
    String original = f.first("action");
    if (original != null && !original.equals(normal) && !f.has("action_raw")) {
      f.add("action_raw", original);
    }
    f.map.remove("action");
    f.add("action", normal);
  }

  private static boolean isNormal(String action) {
    return "allow".equals(action) || "deny".equals(action) || "drop".equals(action) || "reset".equals(action);
  }
}
