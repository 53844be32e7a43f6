package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import static io.cybershield.shield.gateway.triage.logs.ParsedLines.parsed;

/** nginx and Apache access logs, combined, common and JSON, with the URI decoded twice. Lines written here. */
class WebLinesTest {

  @Test
  void combinedWithEncodedTraversal() {
    parsed(LogSource.AUTO, "203.0.113.90 - - [03/Mar/2026:14:20:11 +0000] \"GET /download.php?file=..%252f..%252f"
        + "etc%252fpasswd&x=a+b HTTP/1.1\" 200 1432 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) sqlmap/1.8\"")
        .is(LogSource.WEB_ACCESS, LogFormat.ACCESS_LOG).has("client_ip", "203.0.113.90")
        .has("src_ip", "203.0.113.90").lacks("user").has("method", "GET")
        .has("uri", "/download.php?file=..%252f..%252fetc%252fpasswd&x=a+b")
        .has("uri_decoded", "/download.php?file=../../etc/passwd&x=a b").has("path", "/download.php")
        .has("query", "file=..%252f..%252fetc%252fpasswd&x=a+b").has("status", "200").has("bytes", "1432")
        .has("referrer", "-").has("user_agent", "Mozilla/5.0 (X11; Linux x86_64) sqlmap/1.8")
        .has("protocol", "HTTP/1.1").has("timestamp", "03/Mar/2026:14:20:11 +0000");
  }

  @Test
  void apacheCommonWithUser() {
    parsed(LogSource.fromName("apache").orElseThrow(), "10.0.4.22 - jdoe [03/Mar/2026:14:21:00 +0100] \"POST "
        + "/admin/upload HTTP/1.1\" 403 -").is(LogSource.WEB_ACCESS, LogFormat.ACCESS_LOG)
        .has("user", "jdoe").has("method", "POST").has("path", "/admin/upload").has("status", "403")
        .has("bytes", "0").lacks("user_agent");
  }

  @Test
  void escapedQuotesInTheRequest() {
    parsed(LogSource.WEB_ACCESS, "198.51.100.8 - - [03/Mar/2026:14:22:00 +0000] \"GET /q?s=%3Cscript%3Ealert(1)"
        + "%3C%2Fscript%3E&n=\\\"x\\\" HTTP/1.1\" 400 0 \"https://shop.example/\" \"curl/8.5\" 0.002")
        .has("uri_decoded", "/q?s=<script>alert(1)</script>&n=\"x\"").has("referrer", "https://shop.example/")
        .has("user_agent", "curl/8.5").has("extra", "0.002");
  }

  @Test
  void nginxJsonAccessLog() {
    parsed(LogSource.WEB_ACCESS, "{\"time_local\":\"03/Mar/2026:14:23:00 +0000\",\"remote_addr\":\"203.0.113.4\","
        + "\"request\":\"GET /wp-login.php?redirect_to=%2Fwp-admin%2F HTTP/1.1\",\"status\":\"401\","
        + "\"body_bytes_sent\":\"512\",\"http_referer\":\"-\",\"http_user_agent\":\"python-requests/2.31\"}")
        .is(LogSource.WEB_ACCESS, LogFormat.JSON).has("client_ip", "203.0.113.4").has("src_ip", "203.0.113.4")
        .has("method", "GET").has("uri", "/wp-login.php?redirect_to=%2Fwp-admin%2F")
        .has("uri_decoded", "/wp-login.php?redirect_to=/wp-admin/").has("path", "/wp-login.php")
        .has("status", "401").has("bytes", "512").has("user_agent", "python-requests/2.31");
  }

  @Test
  void malformedEscapesStayAsWritten() {
    parsed(LogSource.WEB_ACCESS, "198.51.100.8 - - [03/Mar/2026:14:24:00 +0000] \"GET /a%zz%2 HTTP/1.0\" 404 9")
        .has("uri_decoded", "/a%zz%2");
  }
}
