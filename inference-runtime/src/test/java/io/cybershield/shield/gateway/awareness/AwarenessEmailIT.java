package io.cybershield.shield.gateway.awareness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.TestCallers;
import io.cybershield.shield.gateway.api.StandIns;
import io.cybershield.shield.gateway.audit.AuditLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * {@code POST /v1/awareness/email} in the running gateway: verdicts with their indicators and guidance, the example
 * of {@code docs/awareness.md} answered as the doc says, every bad body a 400 (or 413) in the gateway's error shape,
 * 401 without a token, 403 for a caller whose roles do not open the awareness API (the analyst), one audit line with
 * the verdict and the indicator kinds but nothing of the email, and the verdict counter.
 */
@QuarkusTest
@WithTestResource(StandIns.class)
@TestCallers.Anonymous
class AwarenessEmailIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PHISHING = """
      {"from": "\\"PayPal\\" <service@paypa1-resolution.com>", "subject": "Your account access has been limited",
       "body": "<p>Verify your account within 24 hours: <a href=\\"http://paypa1-resolution.com/signin\\">https://www.paypal.com/signin</a></p>",
       "headers": "Authentication-Results: mx.example; spf=softfail smtp.mailfrom=paypa1-resolution.com; dmarc=fail\\nReply-To: paypal.help.desk@gmail.com"}
      """;

  private static RequestSpecification awareness() {
    return given().header("Authorization", "Bearer " + TestCallers.AWARENESS).contentType("application/json");
  }

  @Test
  void aPhishingEmailIsCalledPhishingWithItsIndicatorsAndGuidance() {
    awareness().body(PHISHING)
        .when().post("/v1/awareness/email")
        .then().statusCode(200)
        .body("verdict", equalTo("phishing"))
        .body("indicators.kind", hasItems("lookalike_domain", "display_name_spoofing", "link_text_mismatch",
            "dmarc_failed", "reply_to_mismatch", "credential_request", "urgency_language"))
        .body("indicators[0].kind", equalTo("lookalike_domain"))
        .body("indicators[0].severity", equalTo("high"))
        .body("indicators[0].detail", containsString("paypa1-resolution.com"))
        .body("indicators[0].weight", equalTo(null))
        .body("guidance", containsString("Do not click"))
        .body("guidance", containsString("Report button"))
        .body("guidance", containsString("change that password now"))
        .body("score", equalTo(null));
  }

  @Test
  void aColleaguesNoteIsBenign() {
    awareness().body("""
        {"from": "Sam Patel <sam.patel@example.org>", "subject": "lunch?", "body": "free for lunch at 12:30?",
         "headers": {"Authentication-Results": ["mx; dkim=pass header.d=example.org; dmarc=pass header.from=example.org"]}}
        """)
        .when().post("/v1/awareness/email")
        .then().statusCode(200)
        .body("verdict", equalTo("benign"))
        .body("indicators.kind", hasItem("sender_authenticated"))
        .body("indicators[0].severity", equalTo("info"))
        .body("guidance", containsString("no clear signs of phishing"));
  }

  @Test
  void theExampleOfTheDocIsAnsweredAsTheDocSays() throws IOException {
    String doc = Files.readString(Path.of("../docs/awareness.md"));
    String request = block(doc, "<!-- awareness-example-request -->");
    JsonNode documented = JSON.readTree(block(doc, "<!-- awareness-example-response -->"));
    String answer = awareness().body(request)
        .when().post("/v1/awareness/email")
        .then().statusCode(200).extract().asString();
    JsonNode answered = JSON.readTree(answer);
    assertThat(answered.get("verdict")).isEqualTo(documented.get("verdict"));
    assertThat(answered.get("indicators")).isEqualTo(documented.get("indicators"));
    assertThat(answered.get("guidance")).isEqualTo(documented.get("guidance"));
  }

  /** The first fenced code block after a marker. */
  private static String block(String doc, String marker) {
    int at = doc.indexOf(marker);
    assertThat(at).as(marker).isNotNegative();
    int open = doc.indexOf("```json\n", at);
    int close = doc.indexOf("\n```", open + 8);
    return doc.substring(open + 8, close);
  }

  @Test
  void aMissingOrMistypedFieldIs400NamingIt() {
    awareness().body("{\"subject\": \"x\", \"body\": 7}")
        .when().post("/v1/awareness/email")
        .then().statusCode(400)
        .body("error.code", equalTo("InvalidRequest"))
        .body("error.type", equalTo("invalid_request_error"))
        .body("error.message", containsString("'from' is required"))
        .body("error.message", containsString("'body' must be a string, not a number"));
    awareness().body("{\"from\": \"a@b.example\", \"subject\": \"x\", \"body\": \"y\", \"headers\": 3}")
        .when().post("/v1/awareness/email")
        .then().statusCode(400)
        .body("error.code", equalTo("InvalidRequest"))
        .body("error.message", containsString("'headers' must be an object"));
    awareness().body("{\"from\": \"a@b.example\", \"subject\": \"x\", \"body\": \"y\", \"headers\": {\"To\": [1]}}")
        .when().post("/v1/awareness/email")
        .then().statusCode(400)
        .body("error.message", containsString("a string or a list of strings"));
    awareness().body("[\"from\"]")
        .when().post("/v1/awareness/email")
        .then().statusCode(400)
        .body("error.code", equalTo("InvalidRequest"))
        .body("error.message", containsString("JSON object"));
  }

  @Test
  void anEmptyBodyIs400() {
    awareness().body("")
        .when().post("/v1/awareness/email")
        .then().statusCode(400)
        .body("error.code", equalTo("InvalidRequest"));
  }

  @Test
  void malformedJsonIs400() {
    awareness().body("{\"from\": ")
        .when().post("/v1/awareness/email")
        .then().statusCode(400)
        .body("error.code", equalTo("MalformedJson"));
  }

  @Test
  void anEmailLongerThanTheLimitIs413() {
    String body = "a".repeat(200_001);
    awareness().body("{\"from\": \"a@b.example\", \"subject\": \"x\", \"body\": \"" + body + "\"}")
        .when().post("/v1/awareness/email")
        .then().statusCode(413)
        .body("error.code", equalTo("EmailTooLarge"))
        .body("error.message", containsString("at most 200000"));
  }

  @Test
  void withoutATokenIs401() {
    given().contentType("application/json").body(PHISHING)
        .when().post("/v1/awareness/email")
        .then().statusCode(401)
        .body("error.code", equalTo("Unauthenticated"));
  }

  @Test
  void theAnalystWhoseRolesDoNotOpenAwarenessIs403() {
    given().header("Authorization", "Bearer " + TestCallers.ANALYST).contentType("application/json").body(PHISHING)
        .when().post("/v1/awareness/email")
        .then().statusCode(403)
        .body("error.code", equalTo("Forbidden"))
        .body("error.message", equalTo("You may not call the awareness API of this model."));
  }

  @Test
  void theAuditLineHasTheVerdictAndKindsButNothingOfTheEmail() {
    try (AuditCapture audit = new AuditCapture()) {
      String id = awareness().body("""
          {"from": "Harbourline IT <it@harbourline-helpdesk.example>", "subject": "quota-marker-8841",
           "body": "Your mailbox is almost full. Reply with your username and password. body-marker-5521"}
          """)
          .when().post("/v1/awareness/email")
          .then().statusCode(200)
          .header("x-request-id", not(emptyString()))
          .extract().header("x-request-id");
      await().atMost(PATIENCE).until(() -> audit.of(id) != null);
      JsonNode line = audit.of(id);
      assertThat(line.path("api").asText()).isEqualTo("awareness");
      assertThat(line.path("role").asText()).isEqualTo("awareness");
      assertThat(line.path("principal").asText()).isEqualTo("test-awareness");
      assertThat(line.path("status").asInt()).isEqualTo(200);
      assertThat(line.path("awareness").path("verdict").asText()).isIn("phishing", "suspicious");
      List<String> kinds = new ArrayList<>();
      line.path("awareness").path("indicators").forEach(kind -> kinds.add(kind.asText()));
      assertThat(kinds).contains("credential_request");
      assertThat(audit.raw()).noneMatch(raw -> raw.contains("body-marker-5521") || raw.contains("quota-marker-8841")
          || raw.contains("harbourline-helpdesk") || raw.contains("username and password"));
    }
  }

  @Test
  void theVerdictsAreCounted() {
    double before = verdicts("phishing");
    awareness().body(PHISHING).when().post("/v1/awareness/email").then().statusCode(200);
    awareness().body(PHISHING).when().post("/v1/awareness/email").then().statusCode(200);
    assertThat(verdicts("phishing")).isEqualTo(before + 2);
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("shield_gateway_awareness_verdicts_total{verdict=\"benign\"}")
        .contains("shield_gateway_awareness_verdicts_total{verdict=\"suspicious\"}");
  }

  private static double verdicts(String verdict) {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m = Pattern.compile("(?m)^shield_gateway_awareness_verdicts_total\\{verdict=\"" + verdict
        + "\"}\\s+(\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void theOpenApiDocumentDescribesTheEndpoint() {
    given().when().get("/q/openapi?format=json").then().statusCode(200)
        .body("paths.'/v1/awareness/email'.post.requestBody.content.'application/json'.schema.'$ref'",
            equalTo("#/components/schemas/AwarenessEmailRequest"))
        .body("paths.'/v1/awareness/email'.post.responses.'200'.content.'application/json'.schema.'$ref'",
            equalTo("#/components/schemas/AwarenessAssessment"))
        .body("paths.'/v1/awareness/email'.post.responses.'413'.description", containsString("EmailTooLarge"))
        .body("components.schemas.AwarenessAssessment.properties.verdict.enum",
            hasItems("phishing", "suspicious", "benign"));
  }

  /** The audit lines written while it is open, from the log category {@value AuditLog#CATEGORY}. */
  static final class AuditCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final java.util.logging.Logger category = java.util.logging.Logger.getLogger(AuditLog.CATEGORY);

    AuditCapture() {
      category.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      lines.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
      category.removeHandler(this);
    }

    List<String> raw() {
      return List.copyOf(lines);
    }

    JsonNode of(String requestId) {
      for (String line : lines) {
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        if (requestId.equals(node.path("requestId").asText())) {
          return node;
        }
      }
      return null;
    }
  }
}
