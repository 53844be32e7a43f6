package io.cybershield.shield.gateway.guard;

import io.cybershield.shield.gateway.api.StandIns;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** {@code POST /v1/guard/redact} in the running gateway: a redacted answer, and each bad request a 4xx in the error shape. */
@QuarkusTest
@WithTestResource(StandIns.class)
class GuardRedactIT {

  @Test
  void redactsAText() {
    given().contentType("application/json")
        .body("{\"text\": \"login by ana@acme-soc.com from 10.0.0.7 with password=Qx7-plw22\"}")
        .when().post("/v1/guard/redact")
        .then().statusCode(200)
        .body("text", equalTo("login by [REDACTED:email] from 10.0.0.7 with password=[REDACTED:password]"))
        .body("findings", hasSize(2))
        .body("findings[0].type", equalTo("email"))
        .body("findings[0].start", equalTo(9))
        .body("findings[0].end", equalTo(25))
        .body("findings[1].type", equalTo("password"))
        .body("findings[1].start", equalTo(54))
        .body("findings[1].end", equalTo(63));
  }

  @Test
  void aCleanTextComesBackAsSent() {
    given().contentType("application/json")
        .body("{\"text\": \"DENY 10.20.4.17:443 sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}")
        .when().post("/v1/guard/redact")
        .then().statusCode(200)
        .body("text", equalTo("DENY 10.20.4.17:443 sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        .body("findings", hasSize(0));
  }

  @Test
  void theOpenApiDocumentDescribesTheEndpoint() {
    given().accept("application/json").when().get("/q/openapi").then()
        .statusCode(200)
        .body("paths.'/v1/guard/redact'.post.requestBody", notNullValue())
        .body("components.schemas.RedactResponse.properties.findings", notNullValue());
  }

  @Test
  void withoutTextIs400() {
    given().contentType("application/json").body("{}")
        .when().post("/v1/guard/redact")
        .then().statusCode(400)
        .body("error.code", equalTo("InvalidRequest"))
        .body("error.message", equalTo("The request needs 'text', a string."))
        .body("error.type", equalTo("invalid_request_error"));
  }

  @Test
  void aTextThatIsNotAStringIs400() {
    given().contentType("application/json").body("{\"text\": 42}")
        .when().post("/v1/guard/redact")
        .then().statusCode(400)
        .body("error.code", equalTo("InvalidRequest"))
        .body("error.message", equalTo("'text' must be a string."));
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    given().contentType("application/json").body("{\"text\": ")
        .when().post("/v1/guard/redact")
        .then().statusCode(400)
        .body("error.code", equalTo("MalformedJson"));
  }

  /** The tests' configuration sets {@code shield.gateway.max-prompt-chars} to 2000. */
  @Test
  void aTextOverTheLimitIs413() {
    given().contentType("application/json").body("{\"text\": \"" + "x".repeat(2001) + "\"}")
        .when().post("/v1/guard/redact")
        .then().statusCode(413)
        .body("error.code", equalTo("TextTooLong"))
        .body("error.message", equalTo("The text has 2001 characters; at most 2000 are accepted."));
  }
}
