package io.cybershield.shield.sandbox.admission;

import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Status bodies compared byte for byte, key order included, with what a real kube-apiserver answers. */
class KubeStatusTest {
  private static final CrdAdmission SM = AdmissionTestSupport.compile("shieldmodels-crd.yaml");

  @Test
  void invalidMatchesTheReferenceExample() {
    AdmissionResult r = SM.admit("v1", model("x", "{\"image\":\"nginx\",\"replicas\":99}"), null, false);
    String expected = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"ShieldModel.example.com \\\"x\\\" is invalid: spec.replicas: Invalid value: 99: spec.replicas in "
        + "body should be less than or equal to 10\",\"reason\":\"Invalid\",\"details\":{\"name\":\"x\",\"group\":"
        + "\"example.com\",\"kind\":\"ShieldModel\",\"causes\":[{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid "
        + "value: 99: spec.replicas in body should be less than or equal to 10\",\"field\":\"spec.replicas\"}]},\"code\":422}";
    assertThat(KubeStatus.invalid(SM.kind(), SM.group(), "x", r.errors()).toString()).isEqualTo(expected);
  }

  @Test
  void invalidWithSeveralErrorsIsBracketedAndDeduplicated() {
    FieldError a = FieldError.notSupported("spec.mode", "fast", List.of("safe", "strict"));
    FieldError b = FieldError.invalid("spec.replicas", 99L, "spec.replicas in body should be less than or equal to 10");
    var s = KubeStatus.invalid("ShieldModel", "example.com", "x", List.of(a, b, a));
    assertThat(s.path("message").asText()).isEqualTo("ShieldModel.example.com \"x\" is invalid: ["
        + "spec.mode: Unsupported value: \"fast\": supported values: \"safe\", \"strict\", "
        + "spec.replicas: Invalid value: 99: spec.replicas in body should be less than or equal to 10]");
    assertThat(s.path("details").path("causes")).hasSize(3);
  }

  @Test
  void notFound() {
    assertThat(KubeStatus.notFound("example.com", "shieldmodels", "x").toString()).isEqualTo(
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"shieldmodels."
            + "example.com \\\"x\\\" not found\",\"reason\":\"NotFound\",\"details\":{\"name\":\"x\",\"group\":"
            + "\"example.com\",\"kind\":\"shieldmodels\"},\"code\":404}");
  }

  @Test
  void alreadyExists() {
    assertThat(KubeStatus.alreadyExists("example.com", "shieldmodels", "x").toString()).isEqualTo(
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"shieldmodels."
            + "example.com \\\"x\\\" already exists\",\"reason\":\"AlreadyExists\",\"details\":{\"name\":\"x\",\"group\":"
            + "\"example.com\",\"kind\":\"shieldmodels\"},\"code\":409}");
  }

  @Test
  void conflict() {
    assertThat(KubeStatus.conflict("example.com", "shieldmodels", "x").toString()).isEqualTo(
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Operation cannot "
            + "be fulfilled on shieldmodels.example.com \\\"x\\\": the object has been modified; please apply your changes "
            + "to the latest version and try again\",\"reason\":\"Conflict\",\"details\":{\"name\":\"x\",\"group\":"
            + "\"example.com\",\"kind\":\"shieldmodels\"},\"code\":409}");
  }

  @Test
  void methodNotAllowed() {
    assertThat(KubeStatus.methodNotAllowed("delete", "example.com", "shieldmodels").toString()).isEqualTo(
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"delete is not "
            + "supported on resources of kind \\\"shieldmodels.example.com\\\"\",\"reason\":\"MethodNotAllowed\","
            + "\"details\":{\"group\":\"example.com\",\"kind\":\"shieldmodels\"},\"code\":405}");
  }

  @Test
  void unsupportedMediaType() {
    assertThat(KubeStatus.unsupportedMediaType(KubeStatus.PATCH_MEDIA_TYPES_MESSAGE).toString()).isEqualTo(
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"the body of the "
            + "request was in an unknown format - accepted media types include: application/json-patch+json, "
            + "application/merge-patch+json, application/apply-patch+yaml\",\"reason\":\"UnsupportedMediaType\",\"code\":415}");
  }

  @Test
  void badRequestAndNotAcceptableAndForbidden() {
    assertThat(KubeStatus.badRequest("the name of the object (y) does not match the name on the URL (x)").path("code").asInt())
        .isEqualTo(400);
    assertThat(KubeStatus.notAcceptable("only the following media types are accepted: application/json").path("reason")
        .asText()).isEqualTo("NotAcceptable");
    assertThat(KubeStatus.forbidden("example.com", "shieldmodels", "x", "denied").path("message").asText())
        .isEqualTo("shieldmodels.example.com \"x\" is forbidden: denied");
  }

  @Test
  void strictDecodingPatch() {
    var s = KubeStatus.strictDecodingPatch("{\"spec\":{\"foo\":1}}", List.of("spec.foo"));
    assertThat(s.toString()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\" \\\"\\\" is invalid: patch: Invalid value: \\\"{\\\\\\\"spec\\\\\\\":{\\\\\\\"foo\\\\\\\":1}}\\\": "
        + "strict decoding error: unknown field \\\"spec.foo\\\"\",\"reason\":\"Invalid\",\"details\":{\"causes\":[{"
        + "\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: \\\"{\\\\\\\"spec\\\\\\\":{\\\\\\\"foo\\\\\\\":1}}"
        + "\\\": strict decoding error: unknown field \\\"spec.foo\\\"\",\"field\":\"patch\"}]},\"code\":422}");
  }

  @Test
  void valuesAreFormattedLikeGo() {
    assertThat(GoFmt.value("a\"b\n")).isEqualTo("\"a\\\"b\\n\"");
    assertThat(GoFmt.goFloat(1.5)).isEqualTo("1.5");
    assertThat(GoFmt.goFloat(10.0)).isEqualTo("10");
    assertThat(GoFmt.goFloat(1000000.0)).isEqualTo("1e+06");
    assertThat(GoFmt.goFloat(123456.0)).isEqualTo("123456");
    assertThat(GoFmt.goFloat(0.00001)).isEqualTo("1e-05");
    assertThat(FieldError.tooLong("spec.name", 5).render()).isEqualTo("spec.name: Too long: may not be more than 5 bytes");
    assertThat(FieldError.forbidden("spec", "nope").render()).isEqualTo("spec: Forbidden: nope");
  }
}
