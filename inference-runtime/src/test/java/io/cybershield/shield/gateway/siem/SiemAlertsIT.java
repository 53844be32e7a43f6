package io.cybershield.shield.gateway.siem;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.gateway.TestCallers;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.cybershield.shield.gateway.security.AuditLines;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /v1/siem/alerts} in cluster mode against the sandbox API server (Shield's CRDs installed, so incidents
 * are admitted as a real server admits them): the three payload shapes raise ShieldIncidents; a redelivery finds its
 * incident ({@code created: false}); a worse alert raises an active incident's severity; a resolving alert resolves
 * it and nothing reopens it; bearer tokens need the incidents API (responder), and a SIEM without one signs with the
 * webhook secret (HMAC, refused when forged, stale or replayed) or puts it in the path (never written to the audit
 * log); a rotated secret applies without a restart.
 */
@QuarkusTest
@TestProfile(SiemAlertsIT.OnSandbox.class)
@TestCallers.Anonymous
class SiemAlertsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String NS = SiemOnSandbox.NAMESPACE;

  /** The gateway of {@link SiemOnSandbox}. */
  public static class OnSandbox implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(SiemOnSandbox.class));
    }
  }

  SiemOnSandbox.Sandbox sandbox;

  @Inject
  Upstreams upstreams;

  @Inject
  WebhookSecret webhook;

  /** The routing documents' generations: each one written is newer than the last. */
  private static final java.util.concurrent.atomic.AtomicLong GENERATION = new java.util.concurrent.atomic.AtomicLong(1);

  @BeforeEach
  void theWebhookIsConfigured() {
    await().atMost(PATIENCE).until(() -> upstreams.routes().model() != null);
    if (upstreams.routes().access() == null || upstreams.routes().access().siemWebhook() == null) {
      sandbox.client.resource(sandbox.routes(GENERATION.incrementAndGet(), true)).forceConflicts().serverSideApply();
    }
    sandbox.writeSecret(SiemOnSandbox.SECRET);
    byte[] secret = SiemOnSandbox.SECRET.getBytes(StandardCharsets.UTF_8);
    await().atMost(PATIENCE).until(() -> webhook.key().map(key -> java.util.Arrays.equals(key.secret(), secret))
        .orElse(false));
  }

  @Test
  void aGenericAlertRaisesAnIncidentAndItsRedeliveryFindsIt() {
    String alert = """
        {"system": "qradar", "alertId": "qr-1001", "severity": "critical",
         "summary": "Ransomware behaviour on finance file servers", "url": "https://qradar.example/offense/1001",
         "modelSelector": {"team": "soc"}, "expiresAfter": "12h"}""";

    Response first = asResponder().body(alert).post("/v1/siem/alerts");
    assertThat(first.statusCode()).as(first.body().asString()).isEqualTo(201);
    assertThat(first.jsonPath().getMap("")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "incident", NS + "/inc-qradar-qr-1001", "created", true, "updated", false, "resolved", false));
    ShieldIncident incident = incident("inc-qradar-qr-1001");
    assertThat(incident.getSpec().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(incident.getSpec().source().system()).isEqualTo("qradar");
    assertThat(incident.getSpec().source().alertId()).isEqualTo("qr-1001");
    assertThat(incident.getSpec().source().url()).isEqualTo("https://qradar.example/offense/1001");
    assertThat(incident.getSpec().summary()).isEqualTo("Ransomware behaviour on finance file servers");
    assertThat(incident.getSpec().modelSelector().getMatchLabels()).containsExactlyEntriesOf(Map.of("team", "soc"));
    assertThat(incident.getSpec().expiresAfter()).isEqualTo("12h");

    Response again = asResponder().body(alert).post("/v1/siem/alerts");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.jsonPath().getMap("")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "incident", NS + "/inc-qradar-qr-1001", "created", false, "updated", false, "resolved", false));
    assertThat(incidentNames()).filteredOn(name -> name.startsWith("inc-qradar-qr-1001")).hasSize(1);
  }

  @Test
  void aSplunkWebhookAlertRaisesAnIncidentWithItsLinkAndSeverity() {
    String alert = """
        {"sid": "scheduler__admin__search__RMD5c0ffee_at_1733280000_42", "search_name": "Brute force then success",
         "app": "search", "owner": "admin",
         "results_link": "https://splunk.example:8000/app/search/@go?sid=scheduler__admin__search__RMD5c0ffee",
         "result": {"host": "fin-fs-01", "count": "212", "urgency": "high"}}""";

    Response created = asResponder().body(alert).post("/v1/siem/alerts");

    assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
    String name = created.jsonPath().getString("incident").substring(NS.length() + 1);
    assertThat(name).as("the sid's incident: readable, with a hash of the exact id")
        .startsWith("inc-splunk-scheduler-admin-search-rmd5c0ffee-at-").hasSizeLessThanOrEqualTo(63);
    ShieldIncident incident = incident(name);
    assertThat(incident.getSpec().severity()).isEqualTo(Severity.HIGH);
    assertThat(incident.getSpec().source().alertId()).isEqualTo("scheduler__admin__search__RMD5c0ffee_at_1733280000_42");
    assertThat(incident.getSpec().source().url())
        .isEqualTo("https://splunk.example:8000/app/search/@go?sid=scheduler__admin__search__RMD5c0ffee");
    assertThat(incident.getSpec().summary()).isEqualTo("Brute force then success");
  }

  @Test
  void aSplunkAlertWithoutSeverityTakesTheUrlsOrIsToldHowToSetOne() {
    String alert = """
        {"sid": "rt-4711", "search_name": "Beaconing", "app": "search", "owner": "admin",
         "results_link": "https://splunk.example/r", "result": {"alert_id": "beacon-7", "dest": "203.0.113.9"}}""";

    Response refused = asResponder().body(alert).post("/v1/siem/alerts");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.jsonPath().getString("error.code")).isEqualTo("InvalidAlert");
    assertThat(refused.jsonPath().getString("error.message")).contains("?severity=critical|high|medium|low");

    Response created = asResponder().body(alert).post("/v1/siem/alerts?severity=medium&selector=team=soc");
    assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
    assertThat(created.jsonPath().getString("incident")).isEqualTo(NS + "/inc-splunk-beacon-7");
    assertThat(incident("inc-splunk-beacon-7").getSpec().severity()).isEqualTo(Severity.MEDIUM);
    assertThat(incident("inc-splunk-beacon-7").getSpec().modelSelector().getMatchLabels())
        .containsExactlyEntriesOf(Map.of("team", "soc"));
  }

  @Test
  void anElasticAlertRaisesAnIncidentAndItsRecoveryResolvesIt() {
    String firing = """
        {"rule": {"id": "8f1b-rule", "name": "Credential dumping via LSASS access",
                  "url": "https://kibana.example/app/security/rules/id/8f1b-rule", "tags": ["windows", "shield:team=soc"]},
         "alert": {"id": "lsass-fin-ws-12", "uuid": "e1c2d3f4-0000-4a5b-9c8d-000000000042", "actionGroup": "default"},
         "context": {"rule": {"severity": "", "risk_score": "91"}}}""";

    Response created = asResponder().body(firing).post("/v1/siem/alerts");

    assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
    String name = "inc-elastic-e1c2d3f4-0000-4a5b-9c8d-000000000042";
    assertThat(created.jsonPath().getString("incident")).isEqualTo(NS + "/" + name);
    ShieldIncident incident = incident(name);
    assertThat(incident.getSpec().severity()).as("risk score 91").isEqualTo(Severity.CRITICAL);
    assertThat(incident.getSpec().summary()).isEqualTo("Credential dumping via LSASS access");
    assertThat(incident.getSpec().modelSelector().getMatchLabels()).containsExactlyEntriesOf(Map.of("team", "soc"));

    Response recovered = asResponder().body(firing.replace("\"default\"", "\"recovered\"")).post("/v1/siem/alerts");
    assertThat(recovered.statusCode()).as(recovered.body().asString()).isEqualTo(200);
    assertThat(recovered.jsonPath().getMap("")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "incident", NS + "/" + name, "created", false, "updated", true, "resolved", true));
    assertThat(incident(name).getSpec().resolved()).isTrue();
  }

  @Test
  void aWorseAlertRaisesTheActiveIncidentAndAMilderOneChangesNothing() {
    String medium = """
        {"system": "sentinel", "alertId": "sen-77", "severity": "medium"}""";
    assertThat(asResponder().body(medium).post("/v1/siem/alerts").statusCode()).isEqualTo(201);

    Response raised = asResponder().body(medium.replace("medium", "critical")).post("/v1/siem/alerts");
    assertThat(raised.statusCode()).isEqualTo(200);
    assertThat(raised.jsonPath().getMap("")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "incident", NS + "/inc-sentinel-sen-77", "created", false, "updated", true, "resolved", false));
    assertThat(incident("inc-sentinel-sen-77").getSpec().severity()).isEqualTo(Severity.CRITICAL);

    Response milder = asResponder().body(medium.replace("medium", "low")).post("/v1/siem/alerts");
    assertThat(milder.jsonPath().getBoolean("updated")).isFalse();
    assertThat(incident("inc-sentinel-sen-77").getSpec().severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aResolvingAlertResolvesItsIncidentOnceAndNothingReopensIt() {
    String firing = """
        {"system": "generic-siem", "alertId": "g-500", "severity": "high"}""";
    String resolving = """
        {"system": "generic-siem", "alertId": "g-500", "status": "resolved"}""";
    assertThat(asResponder().body(firing).post("/v1/siem/alerts").statusCode()).isEqualTo(201);

    Response resolved = asResponder().body(resolving).post("/v1/siem/alerts");
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(resolved.jsonPath().getMap("")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "incident", NS + "/inc-generic-siem-g-500", "created", false, "updated", true, "resolved", true));
    assertThat(incident("inc-generic-siem-g-500").getSpec().resolved()).isTrue();

    Response again = asResponder().body(resolving).post("/v1/siem/alerts");
    assertThat(again.jsonPath().getMap("")).containsEntry("updated", false).containsEntry("resolved", true);
    Response refired = asResponder().body(firing.replace("high", "critical")).post("/v1/siem/alerts");
    assertThat(refired.statusCode()).isEqualTo(200);
    assertThat(refired.jsonPath().getMap("")).as("a resolved incident is neither reopened nor raised")
        .containsEntry("created", false).containsEntry("updated", false).containsEntry("resolved", true);
    assertThat(incident("inc-generic-siem-g-500").getSpec().severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void resolvingAnUnknownAlertIsNotFound() {
    Response missing = asResponder().body("""
        {"system": "qradar", "alertId": "never-fired", "status": "resolved"}""").post("/v1/siem/alerts");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.jsonPath().getString("error.code")).isEqualTo("IncidentNotFound");
    assertThat(missing.jsonPath().getString("error.message")).contains(NS + "/inc-qradar-never-fired");
  }

  @Test
  void theApiServersRefusalIsAnInvalidIncidentWithItsMessage() {
    // µs passes the alert's own duration check; the CRD's pattern (Go's units as kubectl writes them) refuses it
    Response refused = asResponder().body("""
        {"system": "qradar", "alertId": "qr-422", "severity": "low", "expiresAfter": "5µs"}""")
        .post("/v1/siem/alerts");

    assertThat(refused.statusCode()).as(refused.body().asString()).isEqualTo(422);
    assertThat(refused.jsonPath().getString("error.code")).isEqualTo("InvalidIncident");
    assertThat(refused.jsonPath().getString("error.message")).contains("spec.expiresAfter");
  }

  @Test
  void badPayloadsAreRefusedNamingTheField() {
    Response malformed = asResponder().body("{\"system\": \"qradar\", ").post("/v1/siem/alerts");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.jsonPath().getString("error.code")).isEqualTo("MalformedJson");

    Response noId = asResponder().body("{\"system\": \"qradar\", \"severity\": \"high\"}").post("/v1/siem/alerts");
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.jsonPath().getString("error.code")).isEqualTo("InvalidAlert");
    assertThat(noId.jsonPath().getString("error.message")).contains("'alertId'");

    Response badSeverity = asResponder().body("{\"system\": \"qradar\", \"alertId\": \"x-1\", \"severity\": \"sev1\"}")
        .post("/v1/siem/alerts");
    assertThat(badSeverity.jsonPath().getString("error.message")).contains("'severity'").contains("sev1");

    Response badFormat = asResponder().body("{}").post("/v1/siem/alerts?format=qradar");
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(badFormat.jsonPath().getString("error.message")).contains("generic, splunk or elastic");
  }

  @Test
  void bearerCallersNeedTheIncidentsApi() {
    String alert = "{\"system\": \"qradar\", \"alertId\": \"auth-1\", \"severity\": \"low\"}";

    Response anonymous = given().contentType("application/json").body(alert).post("/v1/siem/alerts");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.jsonPath().getString("error.code")).isEqualTo("Unauthenticated");

    Response analyst = given().header("Authorization", "Bearer " + TestCallers.ANALYST)
        .contentType("application/json").body(alert).post("/v1/siem/alerts");
    assertThat(analyst.statusCode()).isEqualTo(403);
    assertThat(analyst.jsonPath().getString("error.message")).isEqualTo("You may not call the incidents API of this model.");
    assertThat(sandbox.client.resources(ShieldIncident.class).inNamespace(NS).withName("inc-qradar-auth-1").get())
        .isNull();
  }

  @Test
  void aSignedAlertIsAcceptedOnceFreshAndGenuine() {
    byte[] body = "{\"system\": \"chronicle\", \"alertId\": \"chr-9\", \"severity\": \"high\"}"
        .getBytes(StandardCharsets.UTF_8);
    String now = Long.toString(Instant.now().getEpochSecond());
    String signature = sign(SiemOnSandbox.SECRET, now, body);

    Response accepted = signed(now, signature, body);
    assertThat(accepted.statusCode()).as(accepted.body().asString()).isEqualTo(201);
    assertThat(accepted.jsonPath().getString("incident")).isEqualTo(NS + "/inc-chronicle-chr-9");

    Response replayed = signed(now, signature, body);
    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(replayed.jsonPath().getString("error.code")).isEqualTo("ReplayedSignature");

    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("high", "critical")
        .getBytes(StandardCharsets.UTF_8);
    Response forged = signed(now, signature, tampered);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.jsonPath().getString("error.code")).isEqualTo("InvalidSignature");
    assertThat(forged.header("WWW-Authenticate")).startsWith("Bearer");

    Response wrongKey = signed(now, sign("another-secret-of-32-characters!", now, tampered), tampered);
    assertThat(wrongKey.jsonPath().getString("error.code")).isEqualTo("InvalidSignature");

    String stale = Long.toString(Instant.now().minusSeconds(6 * 60).getEpochSecond());
    Response old = signed(stale, sign(SiemOnSandbox.SECRET, stale, tampered), tampered);
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(old.jsonPath().getString("error.code")).isEqualTo("StaleSignature");
    assertThat(old.jsonPath().getString("error.message")).contains("at most 300s");

    Response unsigned = given().contentType("application/json").header("X-Shield-Timestamp", now).body(body)
        .post("/v1/siem/alerts");
    assertThat(unsigned.jsonPath().getString("error.code")).isEqualTo("MissingSignature");
    assertThat(incident("inc-chronicle-chr-9").getSpec().severity()).as("no refused request changed it")
        .isEqualTo(Severity.HIGH);
  }

  @Test
  void theWebhookSecretOpensTheAlertsAndNothingElse() {
    String now = Long.toString(Instant.now().getEpochSecond());
    byte[] body = "{\"text\": \"hello\"}".getBytes(StandardCharsets.UTF_8);
    Response screen = given().contentType("application/json").header("X-Shield-Timestamp", now)
        .header("X-Shield-Signature", "sha256=" + sign(SiemOnSandbox.SECRET, now, body)).body(body)
        .post("/v1/guard/screen");
    assertThat(screen.statusCode()).isEqualTo(401);
    assertThat(screen.jsonPath().getString("error.code")).isEqualTo("Unauthenticated");
    Response asBearer = given().header("Authorization", "Bearer " + SiemOnSandbox.SECRET)
        .contentType("application/json").body(body).post("/v1/guard/screen");
    assertThat(asBearer.statusCode()).as("the secret is no bearer token").isEqualTo(401);
  }

  @Test
  void theTokenInThePathOpensTheWebhookAndNeverReachesTheAuditLog() {
    String alert = """
        {"sid": "rt-path-1", "search_name": "Impossible travel", "app": "search", "owner": "admin",
         "results_link": "https://splunk.example/r", "result": {"severity": "critical", "alert_id": "travel-1"}}""";
    try (AuditLines audit = new AuditLines()) {
      Response accepted = given().contentType("application/json").body(alert)
          .post("/v1/siem/alerts/hook/" + SiemOnSandbox.SECRET);
      assertThat(accepted.statusCode()).as(accepted.body().asString()).isEqualTo(201);
      assertThat(accepted.jsonPath().getString("incident")).isEqualTo(NS + "/inc-splunk-travel-1");

      Response wrong = given().contentType("application/json").body(alert)
          .post("/v1/siem/alerts/hook/" + SiemOnSandbox.ROTATED);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.jsonPath().getString("error.code")).isEqualTo("InvalidWebhookToken");

      await().atMost(PATIENCE).untilAsserted(() -> {
        var line = audit.of(accepted.header("x-request-id"));
        assertThat(line).isNotNull();
        assertThat(line.path("path").asText()).isEqualTo("/v1/siem/alerts/hook/***");
        assertThat(line.path("principal").asText()).isEqualTo("siem-webhook:" + SiemOnSandbox.SECRET_NAME);
        assertThat(line.path("status").asInt()).isEqualTo(201);
        assertThat(line.path("siem").path("system").asText()).isEqualTo("splunk");
        assertThat(line.path("siem").path("alertId").asText()).isEqualTo("travel-1");
        assertThat(line.path("siem").path("incident").asText()).isEqualTo(NS + "/inc-splunk-travel-1");
        assertThat(line.path("siem").path("outcome").asText()).isEqualTo("created");
        assertThat(audit.of(wrong.header("x-request-id"))).isNotNull();
      });
      assertThat(String.join("\n", audit.raw())).doesNotContain(SiemOnSandbox.SECRET)
          .doesNotContain(SiemOnSandbox.ROTATED);
    }
    String metrics = given().get("/q/metrics").asString();
    assertThat(metrics).containsPattern(
        "shield_gateway_auth_failures_total\\{[^}]*reason=\"InvalidWebhookToken\"[^}]*status=\"401\"[^}]*} [1-9]");
  }

  @Test
  void aRotatedSecretAppliesWithoutARestart() {
    String alert = "{\"system\": \"qradar\", \"alertId\": \"rot-%d\", \"severity\": \"low\"}";
    sandbox.writeSecret(SiemOnSandbox.ROTATED);
    await().atMost(PATIENCE).until(() -> given().contentType("application/json").body(alert.formatted(1))
        .post("/v1/siem/alerts/hook/" + SiemOnSandbox.ROTATED).statusCode() == 201);
    Response old = given().contentType("application/json").body(alert.formatted(2))
        .post("/v1/siem/alerts/hook/" + SiemOnSandbox.SECRET);
    assertThat(old.statusCode()).isEqualTo(401);
  }

  @Test
  void withoutAWebhookInTheAccessDocumentOnlyBearerTokensOpenTheAlerts() {
    sandbox.client.resource(sandbox.routes(GENERATION.incrementAndGet(), false)).forceConflicts()
        .serverSideApply();
    await().atMost(PATIENCE).until(() -> upstreams.routes().access().siemWebhook() == null);
    Response hook = given().contentType("application/json")
        .body("{\"system\": \"qradar\", \"alertId\": \"off-1\", \"severity\": \"low\"}")
        .post("/v1/siem/alerts/hook/" + SiemOnSandbox.SECRET);
    assertThat(hook.statusCode()).isEqualTo(401);
    assertThat(hook.jsonPath().getString("error.message")).contains("no SIEM webhook secret");
    byte[] body = "{\"system\": \"qradar\", \"alertId\": \"off-2\", \"severity\": \"low\"}"
        .getBytes(StandardCharsets.UTF_8);
    String now = Long.toString(Instant.now().getEpochSecond());
    Response signedWithout = signed(now, sign(SiemOnSandbox.SECRET, now, body), body);
    assertThat(signedWithout.statusCode()).isEqualTo(401);
    assertThat(signedWithout.jsonPath().getString("error.message")).contains("no SIEM webhook secret");
    sandbox.client.resource(sandbox.routes(GENERATION.incrementAndGet(), true)).forceConflicts().serverSideApply();
  }

  @Test
  void theOpenApiDocumentDescribesTheWebhook() {
    Response openapi = given().accept("application/json").get("/q/openapi");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.jsonPath().getMap("paths.'/v1/siem/alerts'.post.responses")).containsKeys("200", "201",
        "400", "401", "403", "404", "422", "503");
    assertThat(openapi.jsonPath().getList("components.schemas.SiemAlertAnswer.required"))
        .containsExactly("incident", "created", "updated", "resolved");
    assertThat(openapi.jsonPath().getMap("paths.'/v1/siem/alerts/hook/{secret}'.post")).isNotNull();
  }

  private static RequestSpecification asResponder() {
    return given().header("Authorization", "Bearer " + TestCallers.RESPONDER).contentType("application/json");
  }

  private static Response signed(String timestamp, String signature, byte[] body) {
    return given().contentType("application/json").header("X-Shield-Timestamp", timestamp)
        .header("X-Shield-Signature", "sha256=" + signature).body(body).post("/v1/siem/alerts");
  }

  /** What a SIEM computes: hex HMAC-SHA256 of timestamp + "." + body (javax.crypto, not the gateway's code). */
  private static String sign(String secret, String timestamp, byte[] body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private ShieldIncident incident(String name) {
    ShieldIncident incident = sandbox.client.resources(ShieldIncident.class).inNamespace(NS).withName(name).get();
    assertThat(incident).as("ShieldIncident %s/%s", NS, name).isNotNull();
    return incident;
  }

  private List<String> incidentNames() {
    return sandbox.client.resources(ShieldIncident.class).inNamespace(NS).list().getItems().stream()
        .map(i -> i.getMetadata().getName()).toList();
  }
}
