package io.cybershield.shield.gateway.error;

import io.cybershield.shield.gateway.djl.DjlClient;
import io.cybershield.shield.gateway.djl.DjlClientSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The application starts, serves its probes, metrics and OpenAPI document, and answers every error — Quarkus' and
 * Vert.x' own included — with {@code {"error": {"code", "message"}}}: never an HTML page, never a stack trace.
 */
@QuarkusTest
class GatewayErrorsIT {

  @Inject
  DjlClient djl;

  @Test
  void startsAndIsReady() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void servesMetricsAndOpenApi() {
    given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
        .body("info.title", equalTo("Shield gateway"));
  }

  @Test
  void unknownPathIsNotFound() {
    for (String path : new String[] {"/nope", "/q/nope"}) {
      given().accept("text/html").when().get(path).then()
          .statusCode(404)
          .contentType(startsWith("application/json"))
          .body("error.code", equalTo("NotFound"))
          .body("error.message", equalTo("There is nothing at this path."));
    }
  }

  @Test
  void wrongMethodOnAProbeIsMethodNotAllowed() {
    given().accept("text/html").when().delete("/q/health/ready").then()
        .statusCode(405)
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("MethodNotAllowed"));
    given().accept("text/html").when().get("/test/probe").then()
        .statusCode(405)
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("MethodNotAllowed"));
  }

  @Test
  void malformedJsonIsBadRequest() {
    given().contentType("application/json").body("{\"name\": \"a secret\", ").when().post("/test/probe").then()
        .statusCode(400)
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("MalformedJson"))
        .body("error.message", equalTo("The request body is not valid JSON."))
        .body(not(containsString("secret")));
  }

  @Test
  void wrongTypeSaysWhere() {
    given().contentType("application/json").body("{\"name\": \"a\", \"count\": \"many\"}").when()
        .post("/test/probe").then()
        .statusCode(400)
        .body("error.code", equalTo("InvalidRequest"))
        .body("error.message", equalTo("The request body does not have the expected shape at 'count'."));
  }

  @Test
  void wrongMediaTypeIsUnsupported() {
    given().contentType("text/plain").body("hello").when().post("/test/probe").then()
        .statusCode(415)
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("UnsupportedMediaType"));
  }

  @Test
  void anUnexpectedFailureIsAGenericInternalError() {
    given().contentType("application/json").body("{\"name\": \"fail\", \"count\": 1}").when()
        .post("/test/probe").then()
        .statusCode(500)
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("InternalError"))
        .body("error.message", equalTo("The gateway failed to handle the request."))
        .body(not(containsString("secret")))
        .body(not(containsString("IllegalStateException")));
  }

  @Test
  void anUpstreamFailureIsItsGatewayCodeWithRetryAfter() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    given().accept("application/json").queryParam("port", closed).when().get("/test/probe/upstream-models").then()
        .statusCode(503)
        .header("Retry-After", "2")
        .contentType(startsWith("application/json"))
        .body("error.code", equalTo("UpstreamUnavailable"))
        .body("error.message", equalTo("The model server cannot be reached."))
        .body(not(containsString("127.0.0.1")));
  }

  @Test
  void theDjlClientIsConfiguredFromTheApplication() {
    // shield.djl.* in application.properties (the production defaults)
    assertThat(djl.settings()).isEqualTo(DjlClientSettings.defaults());
  }

  @Test
  void withoutRoutesNoRequestIsServedAndTheAnswerSaysWhenToTryAgain() {
    // this application has no routes file: neither variants nor access roles are known, so nothing is served and
    // the answer says to come back (not that the caller holds no role); who the caller is can still be asked
    for (String path : new String[] {"/v1/generate", "/v1/models", "/v1/nope"}) {
      given().contentType("application/json").body("{\"prompt\": \"a\"}").when().post(path).then()
          .statusCode(503)
          .header("Retry-After", "5")
          .body("error.code", equalTo("NoReadyUpstream"));
    }
    given().when().get("/v1/whoami").then().statusCode(200)
        .body("user", equalTo("test-analyst"))
        .body("roles.size()", equalTo(0));
  }


  @Test
  void anOversizedBodyIsPayloadTooLargeOnEveryPath() {
    byte[] body = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');
    for (String path : new String[] {"/test/probe", "/v1/chat/completions"}) {
      given().contentType("application/json").body(body).when().post(path).then()
          .statusCode(413)
          .contentType(startsWith("application/json"))
          .body("error.code", equalTo("PayloadTooLarge"));
    }
  }

  @Test
  void theEchoWorks() {
    given().contentType("application/json").body("{\"name\": \"a\", \"count\": 2}").when()
        .post("/test/probe").then()
        .statusCode(200)
        .body("count", equalTo(2));
  }
}
