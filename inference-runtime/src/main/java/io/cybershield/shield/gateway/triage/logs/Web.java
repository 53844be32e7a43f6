package io.cybershield.shield.gateway.triage.logs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** nginx and Apache access logs (combined and common), and the request fields of JSON access logs. */
final class Web {

  private Web() {
  }

  static final Pattern ACCESS = Pattern.compile("(?s)^(\\S+) (\\S+) (\\S+) \\[([^\\]]{1,64})\\] "
      + "\"((?:[^\"\\\\]|\\\\.)*)\" (\\d{3}|-) (\\d+|-)(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?");

  static boolean access(String text, Fields f) {
    int bracket = text.indexOf(" [");
    if (bracket < 0 || bracket > 512 || text.indexOf("] \"", bracket) < 0) {
      return false;
    }
    Matcher m = ACCESS.matcher(text);
    if (!m.lookingAt()) {
      // Apache vhost_combined (and nginx configured alike): "%v:%p " before the combined fields
      int space = text.indexOf(' ');
      if (space <= 0 || space > 260 || text.charAt(0) == '[') {
        return false;
      }
      String vhost = text.substring(0, space);
      m = ACCESS.matcher(text.substring(space + 1));
      if (!m.lookingAt()) {
        return false;
      }
      f.add("vhost", vhost);
      text = text.substring(space + 1);
    }
    f.add("client_ip", m.group(1));
    f.add("src_ip", m.group(1));
    if (!"-".equals(m.group(2))) {
      f.add("ident", m.group(2));
    }
    if (!"-".equals(m.group(3))) {
      f.add("user", m.group(3));
    }
    f.add("timestamp", m.group(4));
    String request = unescape(m.group(5));
    f.add("request", request);
    String[] parts = request.split(" ", 3);
    if (parts.length >= 2) {
      f.add("method", parts[0]);
      request(parts[1], f);
      if (parts.length == 3) {
        f.add("protocol", parts[2]);
      }
    } else {
      request(request, f);
    }
    f.add("status", m.group(6));
    f.add("bytes", "-".equals(m.group(7)) ? "0" : m.group(7));
    if (m.group(8) != null) {
      f.add("referrer", unescape(m.group(8)));
      f.add("user_agent", unescape(m.group(9)));
    }
    String extra = text.substring(m.end());
    if (!extra.isBlank()) {
      f.add("extra", extra.trim());
    }
    return true;
  }

  /** The URI as logged, decoded twice (a double-encoded {@code %252e%252e} is still {@code ..}), path and query. */
  static void request(String uri, Fields f) {
    f.add("uri", uri);
    String once = decode(uri);
    f.add("uri_decoded", decode(once));
    int question = uri.indexOf('?');
    f.add("path", question < 0 ? uri : uri.substring(0, question));
    if (question >= 0) {
      f.add("query", uri.substring(question + 1));
    }
  }

  private static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        if (next == 'x' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
          out.append((char) (hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2))));
          i += 2;
        } else {
          out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Percent- and plus-decoding as UTF-8; a malformed escape stays as written. */
  static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < n && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 2;
        continue;
      }
      if (c == '%' && i + 5 < n && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')
          && hex(text.charAt(i + 2)) >= 0 && hex(text.charAt(i + 3)) >= 0 && hex(text.charAt(i + 4)) >= 0
          && hex(text.charAt(i + 5)) >= 0) {
        flush(bytes, out);
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
        continue;
      }
      flush(bytes, out);
      out.append(c == '+' ? ' ' : c);
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10
        : -1;
  }

  /** JSON access logs: nginx's {@code request}/{@code request_uri}, ECS's {@code url.original}. */
  static boolean json(Fields f) {
    String request = f.firstOf("request");
    String uri = f.firstOf("request_uri", "uri", "url.original", "url", "path");
    if (request == null && uri == null) {
      return false;
    }
    if (uri == null) {
      String[] parts = request.split(" ", 3);
      if (parts.length < 2) {
        return false;
      }
      f.canonical("method", parts[0]);
      uri = parts[1];
    }
    if (!f.has("uri_decoded")) {
      String once = decode(uri);
      f.add("uri_decoded", decode(once));
      f.canonical("uri", uri);
      int question = uri.indexOf('?');
      f.canonical("path", question < 0 ? uri : uri.substring(0, question));
      if (question >= 0) {
        f.canonical("query", uri.substring(question + 1));
      }
    }
    String[][] aliases = {{"request_method", "method"}, {"http.request.method", "method"},
        {"remote_addr", "client_ip"}, {"client.ip", "client_ip"}, {"source.ip", "client_ip"},
        {"body_bytes_sent", "bytes"}, {"http.response.body.bytes", "bytes"},
        {"http_referer", "referrer"}, {"http.request.referrer", "referrer"},
        {"http_user_agent", "user_agent"}, {"user_agent.original", "user_agent"},
        {"http.response.status_code", "status"}, {"remote_user", "user"}};
    for (String[] pair : aliases) {
      f.alias(pair[0], pair[1]);
    }
    f.alias("client_ip", "src_ip");
    return true;
  }
}
