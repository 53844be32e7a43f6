package io.cybershield.shield.gateway.triage.logs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Syslog headers (RFC 3164 and 5424), the messages of sshd, sudo, su and the user tools, and auditd records. */
final class Linux {

  private Linux() {
  }

  // headers only, matched with lookingAt(): a trailing (.*) would make re2j walk the whole line with captures
  static final Pattern RFC3164 = Pattern.compile("^(?:<(\\d{1,3})>)?((?:[A-Z][a-z]{2}\\s+\\d{1,2} "
      + "\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)|(?:\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?"
      + "(?:Z|[+-]\\d\\d:?\\d\\d)?))\\s+(\\S+)\\s+");
  static final Pattern RFC5424 = Pattern.compile("^<(\\d{1,3})>(\\d{1,2}) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) ?");
  private static final Pattern PROGRAM = Pattern.compile("^([A-Za-z0-9_./-]{1,64})(?:\\[(\\d{1,10})\\])?: ?");
  static final Pattern AUDIT = Pattern.compile(
      "^(?:node=(\\S+) )?type=(\\S+) msg=audit\\((\\d+(?:\\.\\d+)?):(\\d+)\\): ?");

  /** Reads a syslog header into {@code timestamp}, {@code host}, {@code program}, {@code pid}; the message, or null. */
  static String header(String text, Fields f) {
    Matcher m5424 = text.startsWith("<") ? RFC5424.matcher(text) : null;
    if (m5424 != null && m5424.lookingAt()) {
      f.add("priority", m5424.group(1));
      f.add("timestamp", m5424.group(3));
      f.add("host", dash(m5424.group(4)));
      f.add("program", dash(m5424.group(5)));
      f.add("pid", dash(m5424.group(6)));
      f.add("msgid", dash(m5424.group(7)));
      return structuredData(text.substring(m5424.end()), f);
    }
    Matcher m3164 = RFC3164.matcher(text);
    if (!m3164.lookingAt()) {
      return null;
    }
    if (m3164.group(1) != null) {
      f.add("priority", m3164.group(1));
    }
    f.add("timestamp", m3164.group(2));
    f.add("host", m3164.group(3));
    String rest = text.substring(m3164.end());
    Matcher program = PROGRAM.matcher(rest);
    if (program.lookingAt() && !program.group(1).equals("CEF") && !program.group(1).equals("LEEF")) {
      f.add("program", program.group(1));
      if (program.group(2) != null) {
        f.add("pid", program.group(2));
      }
      return rest.substring(program.end());
    }
    return rest;
  }

  private static String dash(String value) {
    return "-".equals(value) ? "" : value;
  }

  /** Skips RFC 5424's structured data ({@code -} or {@code [id k="v"...]...}), reading its pairs. */
  private static String structuredData(String rest, Fields f) {
    if (rest.startsWith("- ")) {
      return rest.substring(2);
    }
    if (rest.equals("-")) {
      return "";
    }
    int i = 0;
    int n = rest.length();
    while (i < n && rest.charAt(i) == '[') {
      boolean quoted = false;
      int j = i + 1;
      for (; j < n; j++) {
        char c = rest.charAt(j);
        if (c == '\\' && quoted) {
          j++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ']' && !quoted) {
          break;
        }
      }
      KeyValues.read(rest.substring(i + 1, Math.min(j, n)), f);
      i = j + 1;
    }
    return i < n ? rest.substring(i).stripLeading() : "";
  }

  private static final Pattern SSH_FAILED = Pattern.compile(
      "Failed (\\S+) for (?:invalid user )?(\\S*) from (\\S+) port (\\d+)");
  private static final Pattern SSH_ACCEPTED = Pattern.compile(
      "Accepted (\\S+) for (\\S+) from (\\S+) port (\\d+)");
  private static final Pattern SSH_INVALID = Pattern.compile("[Ii]nvalid user (\\S*) from (\\S+)(?: port (\\d+))?");
  private static final Pattern SSH_MAX = Pattern.compile(
      "maximum authentication attempts exceeded for (?:invalid user )?(\\S+) from (\\S+) port (\\d+)");
  private static final Pattern PAM_FAILURE = Pattern.compile("authentication failure;.*?rhost=(\\S*)(?:\\s+user=(\\S+))?");
  private static final Pattern PAM_USER = Pattern.compile("authentication failure;.*?\\buser=(\\S+)");
  private static final Pattern SESSION_OPENED = Pattern.compile(
      "session opened for user ([^\\s(]+)(?:\\(uid=\\d+\\))?(?: by ([^\\s(]*))?");
  private static final Pattern FROM_PORT = Pattern.compile(
      "(?:from|by|Connection closed by|Disconnected from)(?: invalid| authenticating)?(?: user (\\S+))? "
          + "(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]+) port (\\d+)");
  private static final Pattern SU_OK = Pattern.compile("^\\(to (\\S+)\\) (\\S+) on (\\S+)");
  private static final Pattern SU_FAILED = Pattern.compile("FAILED (?:su|SU) (?:for (\\S+) by (\\S+)|\\(to (\\S+)\\) (\\S+))");
  private static final Pattern NEW_USER = Pattern.compile("new user: name=([^,\\s]+)");
  private static final Pattern NEW_GROUP = Pattern.compile("new group: name=([^,\\s]+)");
  private static final Pattern ADD_TO_GROUP = Pattern.compile("add '([^']+)' to (?:shadow )?group '([^']+)'");
  private static final Pattern DELETE_USER = Pattern.compile("delete user '([^']+)'");
  private static final Pattern PASSWORD_CHANGED = Pattern.compile("password changed for (\\S+)");
  private static final Pattern CRON = Pattern.compile("^\\((\\S+)\\) CMD \\((.*)\\)\\s*$");
  private static final Set<String> AUTH_PROGRAMS = Set.of("sshd", "sudo", "su", "useradd", "userdel", "usermod",
      "groupadd", "groupdel", "gpasswd", "passwd", "chpasswd", "chage", "login", "systemd-logind", "polkitd",
      "pkexec", "dropbear", "vsftpd", "unix_chkpwd", "sshd-session", "chsh", "newgrp");

  static boolean authProgram(String program) {
    return program != null && AUTH_PROGRAMS.contains(program.toLowerCase(Locale.ROOT));
  }

  /** The user, address, outcome and command of the common authentication messages. */
  static void message(String program, String message, Fields f) {
    String prog = program == null ? "" : program.toLowerCase(Locale.ROOT);
    Matcher m;
    if (message.startsWith("[") && message.contains("]: ") && (prog.equals("snoopy") || message.contains(" login:"))) {
      snoopy(message, f);
      return;
    }
    if ((m = at(SSH_FAILED, message, "Failed ")) != null) {
      f.canonical("auth_method", m.group(1));
      f.canonical("user", m.group(2));
      f.canonical("src_ip", m.group(3));
      f.canonical("src_port", m.group(4));
      f.canonical("outcome", "failure");
    } else if ((m = at(SSH_ACCEPTED, message, "Accepted ")) != null) {
      f.canonical("auth_method", m.group(1));
      f.canonical("user", m.group(2));
      f.canonical("src_ip", m.group(3));
      f.canonical("src_port", m.group(4));
      f.canonical("outcome", "success");
    } else if ((m = at(SSH_MAX, message, "maximum authentication")) != null) {
      f.canonical("user", m.group(1));
      f.canonical("src_ip", m.group(2));
      f.canonical("src_port", m.group(3));
      f.canonical("outcome", "failure");
    } else if (message.contains("nvalid user ") && (m = SSH_INVALID.matcher(message)).find()) {
      f.canonical("user", m.group(1));
      f.canonical("src_ip", m.group(2));
      f.canonical("src_port", m.group(3));
      f.canonical("outcome", "failure");
    } else if (message.contains("authentication failure;")) {
      if ((m = PAM_FAILURE.matcher(message)).find()) {
        f.canonical("src_ip", m.group(1));
      }
      if ((m = PAM_USER.matcher(message)).find()) {
        f.canonical("user", m.group(1));
      }
      KeyValues.read(message.substring(message.indexOf("authentication failure;") + 23), f);
      f.canonical("outcome", "failure");
    } else if ((m = at(SESSION_OPENED, message, "session opened")) != null) {
      if (prog.equals("su") || message.contains("(su:") || message.contains("(su-l:")
          || message.contains("(sudo:")) {
        f.canonical("target_user", m.group(1));
        f.canonical("user", m.group(2));
      } else {
        f.canonical("user", m.group(1));
      }
      f.canonical("outcome", "success");
    }
    if (message.contains(" ; TTY=") || message.contains(" : TTY=")) {
      sudo(message, f);
    }
    if (prog.equals("su")) {
      if (message.contains("FAILED") && (m = SU_FAILED.matcher(message)).find()) {
        f.canonical("target_user", m.group(1) != null ? m.group(1) : m.group(3));
        f.canonical("user", m.group(2) != null ? m.group(2) : m.group(4));
        f.canonical("outcome", "failure");
      } else if (message.startsWith("(to ") && (m = SU_OK.matcher(message)).find()) {
        f.canonical("target_user", m.group(1));
        f.canonical("user", m.group(2));
        f.canonical("tty", m.group(3));
        f.canonical("outcome", "success");
      }
    }
    if ((m = at(NEW_USER, message, "new user:")) != null) {
      f.canonical("target_user", m.group(1));
      KeyValues.read(message.replace(',', ' '), f);
    } else if ((m = at(NEW_GROUP, message, "new group:")) != null) {
      f.canonical("group", m.group(1));
      KeyValues.read(message.replace(',', ' '), f);
    } else if (message.contains("' to ") && (m = ADD_TO_GROUP.matcher(message)).find()) {
      f.canonical("target_user", m.group(1));
      f.canonical("group", m.group(2));
    } else if ((m = at(DELETE_USER, message, "delete user '")) != null) {
      f.canonical("target_user", m.group(1));
    } else if ((m = at(PASSWORD_CHANGED, message, "password changed for ")) != null) {
      f.canonical("target_user", m.group(1));
    }
    if (message.contains(") CMD (") && (m = CRON.matcher(message)).find()) {
      f.canonical("user", m.group(1));
      f.canonical("command", m.group(2));
    }
    if (!f.has("src_ip") && message.contains(" port ") && (m = FROM_PORT.matcher(message)).find()) {
      f.canonical("user", m.group(1));
      f.canonical("src_ip", m.group(2));
      f.canonical("src_port", m.group(3));
    }
  }

  /**
   * The pattern matched where its leading literal first occurs (null when it does not occur or the pattern does
   * not match there): re2j then reads from that place only, instead of trying every position with captures.
   */
  private static Matcher at(Pattern pattern, String message, String literal) {
    int from = message.indexOf(literal);
    if (from < 0) {
      return null;
    }
    Matcher m = pattern.matcher(message.substring(from));
    return m.lookingAt() ? m : null;
  }

  /** sudo's {@code alice : [problem ; ]TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/cat x}. */
  private static void sudo(String message, Fields f) {
    int colon = message.indexOf(" : ");
    if (colon < 0) {
      return;
    }
    String user = message.substring(0, colon).trim();
    if (user.isEmpty() || user.indexOf(' ') >= 0) {
      return;
    }
    String rest = message.substring(colon + 3);
    int command = rest.indexOf("COMMAND=");
    String head = command < 0 ? rest : rest.substring(0, command);
    String problem = null;
    for (String part : head.split(" ; ")) {
      String item = part.trim();
      if (item.startsWith("TTY=")) {
        f.canonical("tty", item.substring(4));
      } else if (item.startsWith("PWD=")) {
        f.canonical("pwd", item.substring(4));
      } else if (item.startsWith("USER=")) {
        f.canonical("target_user", item.substring(5));
      } else if (!item.isEmpty() && item.indexOf('=') < 0 && problem == null) {
        problem = item;
      }
    }
    f.canonical("user", user);
    if (command >= 0) {
      f.canonical("command", rest.substring(command + "COMMAND=".length()).trim());
    }
    f.canonical("outcome", problem == null ? "success" : "failure");
    if (problem != null) {
      f.canonical("reason", problem);
    }
  }

  /**
   * snoopy, the execve logger: {@code [uid:33 sid:1 tty:(none) cwd:/tmp filename:/usr/bin/id login:www-data]: id -a}
   * - the command line becomes {@code command}, the login {@code user}, the directory {@code pwd}, and the uid, sid,
   * tty and filename keep their names.
   */
  private static void snoopy(String message, Fields f) {
    int end = message.indexOf("]: ");
    String context = message.substring(1, end);
    for (String item : context.split(" ")) {
      int colon = item.indexOf(':');
      if (colon > 0 && colon < item.length() - 1) {
        f.add(item.substring(0, colon), item.substring(colon + 1));
      }
    }
    f.canonical("command", message.substring(end + 3).strip());
    f.canonical("user", f.firstOf("login", "username"));
    f.canonical("pwd", f.first("cwd"));
    f.canonical("Image", f.first("filename"));
  }

  /** An auditd record: {@code type}, {@code msg_id}, every pair, hex {@code proctitle}/{@code cmd} decoded. */
  static boolean audit(String text, Fields f) {
    if (!text.contains("msg=audit(")) {
      return false;
    }
    Matcher m = AUDIT.matcher(text);
    if (!m.lookingAt()) {
      return false;
    }
    if (m.group(1) != null) {
      f.add("node", m.group(1));
    }
    f.add("type", m.group(2));
    f.add("timestamp", m.group(3).contains(".") ? m.group(3).substring(0, m.group(3).indexOf('.')) : m.group(3));
    f.add("msg_id", m.group(4));
    String body = text.substring(m.end());
    Fields pairs = new Fields();
    KeyValues.read(body, pairs);
    for (var entry : pairs.map.entrySet()) {
      for (String value : entry.getValue()) {
        f.add(entry.getKey(), value);
      }
    }
    String inner = pairs.first("msg");
    if (inner != null && inner.indexOf('=') > 0) {
      KeyValues.read(inner, f);
    }
    for (String key : new String[] {"proctitle", "cmd"}) {
      String value = f.first(key);
      if (value != null && isHex(value)) {
        String decoded = hexText(value);
        f.map.put(key, new java.util.ArrayList<>(java.util.List.of(decoded)));
        f.add(key + "_hex", value);
      }
    }
    execve(f, body);
    String success = f.first("success");
    String res = f.first("res");
    if (success != null) {
      f.canonical("outcome", success.equalsIgnoreCase("yes") ? "success" : "failure");
    } else if (res != null) {
      f.canonical("outcome", res.startsWith("succ") ? "success" : "failure");
    }
    String account = f.firstOf("acct", "id");
    if (account != null && isHex(account) && account.length() % 2 == 0 && account.length() > 2) {
      account = hexText(account);
    }
    f.canonical("user", account);
    f.canonical("src_ip", f.firstOf("addr", "hostname") == null || "?".equals(f.firstOf("addr", "hostname"))
        ? null : f.firstOf("addr", "hostname"));
    f.canonical("command", f.first("proctitle"));
    return true;
  }

  /**
   * EXECVE arguments: auditd writes an argument as hex (unquoted) when it holds a space, a quote or a control
   * character, which is exactly when it is interesting ({@code bash -c "sh -i >& /dev/tcp/..."}). Each hex-only
   * {@code aN} is decoded in place (the hex kept as {@code aN_hex}), and the whole argv is joined into
   * {@code command} and, when the record has none, {@code proctitle}, so that rules written against the process
   * title match the EXECVE record of the same execution too.
   */
  private static void execve(Fields f, String body) {
    if (!"EXECVE".equalsIgnoreCase(f.first("type"))) {
      return;
    }
    StringBuilder argv = new StringBuilder();
    for (int i = 0; i < 256; i++) {
      String key = "a" + i;
      String value = f.first(key);
      if (value == null) {
        if (f.first(key + "_len") != null || f.first(key + "[0]") != null) {
          continue;
        }
        break;
      }
      if (isHex(value) && !body.contains(" " + key + "=\"") && !body.startsWith(key + "=\"")) {
        String decoded = hexText(value);
        if (printable(decoded)) {
          f.map.put(key, new java.util.ArrayList<>(java.util.List.of(decoded)));
          f.add(key + "_hex", value);
          value = decoded;
        }
      }
      if (argv.length() > 0) {
        argv.append(' ');
      }
      argv.append(value);
    }
    if (argv.length() > 0) {
      f.canonical("command", argv.toString());
      if (!f.has("proctitle")) {
        f.add("proctitle", argv.toString());
      }
    }
  }

  private static boolean printable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
      if (c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }

  static boolean isHex(String value) {
    if (value.length() < 2 || value.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Hex to UTF-8 text, NULs (the separators of argv) as spaces. */
  static String hexText(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').trim();
  }
}
