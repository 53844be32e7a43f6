package io.cybershield.shield.djl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Which model a request reaches: {@code ?model_name=}, the path of {@code /predictions}, or the only one. */
class RoutingTest {

  private DjlStandIn djl;

  @BeforeEach
  void start() {
    djl = DjlStandIn.start(StandInOptions.builder().modelName("threat_intel").build());
  }

  @AfterEach
  void stop() {
    djl.close();
  }

  @Test
  void withoutModelNameTheModelLoadedAtStartupAnswers() throws Exception {
    assertThat(Http.post(djl, "/invocations", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void modelNameSelectsARegisteredModel() throws Exception {
    assertThat(Http.post(djl, "/models?url=s3%3A%2F%2Fbucket%2Fforensics%2F&model_name=forensics", "")
        .statusCode()).isEqualTo(200);
    djl.script().next(Behaviour.text("from forensics"));

    HttpResponse<String> response = Http.post(djl, "/invocations?model_name=forensics", "{\"inputs\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"generated_text\":\"from forensics\"}\n");
    assertThat(Http.post(djl, "/invocations?model_name=threat_intel", "{\"inputs\":\"x\"}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void predictionsNameTheModelAndItsVersionInThePath() throws Exception {
    assertThat(Http.post(djl, "/predictions/threat_intel", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(200);
    assertThat(Http.post(djl, "/predictions/threat_intel/", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(200);
    // the startup model has no version: naming one finds nothing
    assertThat(Http.post(djl, "/predictions/threat_intel/v7", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(Http.post(djl, "/predictions/unknown", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(Http.post(djl, "/predictions", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void aVersionedModelAnswersUnderItsVersion() throws Exception {
    Http.post(djl, "/models?url=file%3A%2Fopt%2Fml%2Fforensics%2F&model_name=forensics&model_version=2", "");

    assertThat(Http.post(djl, "/predictions/forensics/2", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(200);
    assertThat(Http.post(djl, "/invocations?model_name=forensics&model_version=2", "{\"inputs\":\"x\"}")
        .statusCode()).isEqualTo(200);
    assertThat(Http.post(djl, "/predictions/forensics/3", "{\"inputs\":\"x\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void theInvokePathOfTheManagementApiIsInference() throws Exception {
    djl.script().next(Behaviour.text("ok"));

    assertThat(Http.post(djl, "/models/threat_intel/invoke", "{\"inputs\":\"x\"}").body())
        .isEqualTo("{\"generated_text\":\"ok\"}\n");
  }

  @Test
  void theStartupModelOnceUnregisteredIsNotFound() throws Exception {
    assertThat(Http.send(djl, "DELETE", "/models/threat_intel").statusCode()).isEqualTo(200);

    HttpResponse<String> response = Http.post(djl, "/invocations", "{\"inputs\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Model or workflow not found: threat_intel");
  }

  @Test
  void everyRequestIsRecorded() throws Exception {
    Http.post(djl, "/invocations?model_name=threat_intel", "{\"inputs\":\"recorded\"}");

    RecordedRequest request = djl.requests().get(djl.requests().size() - 1);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/invocations");
    assertThat(request.query()).isEqualTo("model_name=threat_intel");
    assertThat(request.header("CONTENT-TYPE")).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo("{\"inputs\":\"recorded\"}");

    djl.clearRequests();
    assertThat(djl.requests()).isEmpty();
  }
}
