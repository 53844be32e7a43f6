package io.cybershield.shield.sandbox.admission;

import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.model;
import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per OpenAPI schema check, each asserting the field error a real kube-apiserver words for it. */
class OpenApiSchemaMessagesTest {
  private static final CrdAdmission SM = AdmissionTestSupport.compile("shieldmodels-crd.yaml");

  private AdmissionResult admit(String spec) {
    return SM.admit("v1", model("x", spec), null, false);
  }

  private static FieldError only(AdmissionResult r, String type) {
    assertThat(r.errors()).filteredOn(e -> e.type().equals(type)).hasSize(1);
    return r.errors().stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
  }

  @Test
  void validObjectIsAllowed() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":3}");
    assertThat(r.errors()).isEmpty();
    assertThat(r.allowed()).isTrue();
  }

  @Test
  void maximum() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":99}");
    assertThat(rendered(r)).containsExactly(
        "spec.replicas: Invalid value: 99: spec.replicas in body should be less than or equal to 10");
    assertThat(r.errors().get(0).type()).isEqualTo("FieldValueInvalid");
    assertThat(r.errors().get(0).detailMessage())
        .isEqualTo("Invalid value: 99: spec.replicas in body should be less than or equal to 10");
  }

  @Test
  void maximumOnNumberPrintsFloat() {
    assertThat(rendered(admit("{\"image\":\"nginx\",\"ratio\":2.5}"))).containsExactly(
        "spec.ratio: Invalid value: 2.5: spec.ratio in body should be less than or equal to 1.5");
  }

  @Test
  void exclusiveMaximum() {
    assertThat(rendered(admit("{\"image\":\"nginx\",\"limit\":10}"))).containsExactly(
        "spec.limit: Invalid value: 10: spec.limit in body should be less than 10");
    assertThat(admit("{\"image\":\"nginx\",\"limit\":9}").errors()).isEmpty();
  }

  @Test
  void minimum() {
    assertThat(rendered(admit("{\"image\":\"nginx\",\"replicas\":0}"))).containsExactly(
        "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1");
  }

  @Test
  void exclusiveMinimum() {
    assertThat(rendered(admit("{\"image\":\"nginx\",\"floor\":0}"))).containsExactly(
        "spec.floor: Invalid value: 0: spec.floor in body should be greater than 0");
  }

  @Test
  void enumString() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"mode\":\"fast\"}"), "FieldValueNotSupported");
    assertThat(e.render()).isEqualTo("spec.mode: Unsupported value: \"fast\": supported values: \"safe\", \"strict\", \"ha\"");
  }

  @Test
  void enumNonStringValuesAreJsonEncodedThenQuoted() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"level\":3}"), "FieldValueNotSupported");
    assertThat(e.render()).isEqualTo("spec.level: Unsupported value: 3: supported values: \"1\", \"2\"");
  }

  @Test
  void required() {
    AdmissionResult r = admit("{\"replicas\":2}");
    FieldError e = only(r, "FieldValueRequired");
    assertThat(e.render()).isEqualTo("spec.image: Required value");
    assertThat(e.field()).isEqualTo("spec.image");
  }

  @Test
  void requiredNestedInArrayItem() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"ports\":[{\"port\":80}]}"), "FieldValueRequired");
    assertThat(e.render()).isEqualTo("spec.ports[0].name: Required value");
  }

  @Test
  void pattern() {
    assertThat(rendered(admit("{\"image\":\"nginx\",\"name\":\"Abc\"}"))).containsExactly(
        "spec.name: Invalid value: \"Abc\": spec.name in body should match '^[a-z]+$'");
  }

  @Test
  void maxLength() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"shortName\":\"abcdefg\"}"), "FieldValueTooLong");
    assertThat(e.render()).isEqualTo("spec.shortName: Too long: may not be more than 5 bytes");
  }

  @Test
  void minLength() {
    assertThat(rendered(admit("{\"image\":\"\"}"))).containsExactly(
        "spec.image: Invalid value: \"\": spec.image in body should be at least 1 chars long");
  }

  @Test
  void minItems() {
    assertThat(rendered(admit("{\"image\":\"nginx\",\"tags\":[]}"))).containsExactly(
        "spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items");
  }

  @Test
  void maxItems() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"tags\":[\"a\",\"b\",\"c\",\"d\"]}"), "FieldValueTooMany");
    assertThat(e.render()).isEqualTo("spec.tags: Too many: 4: must have at most 3 items");
  }

  @Test
  void maxProperties() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}}"),
        "FieldValueTooMany");
    assertThat(e.render()).isEqualTo("spec.labels: Too many: 4: must have at most 3 items");
  }

  @Test
  void wrongType() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"replicas\":\"three\"}"), "FieldValueTypeInvalid");
    assertThat(e.render()).isEqualTo(
        "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"");
  }

  @Test
  void wrongTypeObject() {
    FieldError e = only(admit("{\"image\":[1]}"), "FieldValueTypeInvalid");
    assertThat(e.render()).isEqualTo("spec.image: Invalid value: \"array\": spec.image in body must be of type string: \"array\"");
  }

  @Test
  void format() {
    FieldError e = only(admit("{\"image\":\"nginx\",\"created\":\"yesterday\"}"), "FieldValueTypeInvalid");
    assertThat(e.render()).isEqualTo(
        "spec.created: Invalid value: \"yesterday\": spec.created in body must be of type date-time: \"yesterday\"");
    assertThat(admit("{\"image\":\"nginx\",\"created\":\"2024-01-02T03:04:05Z\"}").errors()).isEmpty();
  }

  @Test
  void nullInNonNullableFieldWithoutDefaultIsPruned() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"owner\":null}");
    assertThat(r.errors()).isEmpty();
    assertThat(r.object().path("spec").has("owner")).isFalse();
    assertThat(r.unknownFields()).isEmpty();
  }

  @Test
  void nullInRequiredFieldGivesRequired() {
    assertThat(rendered(admit("{\"image\":null}"))).contains("spec.image: Required value");
  }

  @Test
  void nullInNullableFieldIsKept() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"note\":null}");
    assertThat(r.errors()).isEmpty();
    assertThat(r.object().path("spec").get("note").isNull()).isTrue();
  }

  @Test
  void metadataNameMustBeDns1123Subdomain() {
    AdmissionResult r = SM.admit("v1", model("Foo", "{\"image\":\"nginx\"}"), null, false);
    assertThat(rendered(r)).containsExactly("metadata.name: Invalid value: \"Foo\": a lowercase RFC 1123 subdomain must "
        + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
        + "character (e.g. 'example.com', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }

  @Test
  void crdMayConstrainMetadataName() throws Exception {
    var crd = AdmissionTestSupport.yamlResource("plain-crd.yaml");
    ((com.fasterxml.jackson.databind.node.ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties"))
        .putObject("metadata").put("type", "object").putObject("properties").putObject("name")
        .put("type", "string").put("maxLength", 5);
    CrdAdmission a = CrdAdmission.compile(crd);
    var o = AdmissionTestSupport.json("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Plain\","
        + "\"metadata\":{\"name\":\"toolong\",\"labels\":{\"a\":\"b\"}},\"spec\":{}}");
    assertThat(rendered(a.admit("v1", o, null, false))).containsExactly("metadata.name: Too long: may not be more than 5 bytes",
        "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; "
            + "correct the existing errors to complete validation");
  }

  @Test
  void statusWritesValidateTheWholeObject() {
    var obj = model("x", "{\"image\":\"nginx\"}");
    obj.putObject("status").put("replicas", -1);
    AdmissionResult r = SM.admit("v1", obj, obj, true);
    assertThat(rendered(r)).containsExactly(
        "status.replicas: Invalid value: -1: status.replicas in body should be greater than or equal to 0");
  }

  @Test
  void severalErrorsAreAllReported() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":99,\"mode\":\"fast\"}");
    assertThat(rendered(r)).contains(
        "spec.replicas: Invalid value: 99: spec.replicas in body should be less than or equal to 10",
        "spec.mode: Unsupported value: \"fast\": supported values: \"safe\", \"strict\", \"ha\"");
  }
}
