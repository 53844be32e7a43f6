package io.cybershield.shield.sandbox.admission;

import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.json;
import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.model;
import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Pruning and unknown fields, defaulting, list types, int-or-string, embedded resources. */
class PruningDefaultingTest {
  private static final CrdAdmission SM = AdmissionTestSupport.compile("shieldmodels-crd.yaml");

  private AdmissionResult admit(String spec) {
    return SM.admit("v1", model("x", spec), null, false);
  }

  @Test
  void unknownFieldsArePrunedAndListed() {
    ObjectNode in = model("x", "{\"image\":\"nginx\",\"foo\":1,\"ports\":[{\"name\":\"a\",\"bar\":true}]}");
    in.put("topLevel", "x");
    in.with("metadata").put("whatever", "dropped");
    in.with("metadata").putObject("labels").put("app", "web");
    AdmissionResult r = SM.admit("v1", in, null, false);
    assertThat(r.errors()).isEmpty();
    // metadata is decoded as an ObjectMeta first, as a real server does, then the rest against the schema
    assertThat(r.unknownFields()).containsExactly("metadata.whatever", "spec.foo", "spec.ports[0].bar", "topLevel");
    assertThat(r.object().path("spec").has("foo")).isFalse();
    assertThat(r.object().path("spec").path("ports").get(0).has("bar")).isFalse();
    assertThat(r.object().has("topLevel")).isFalse();
    assertThat(r.object().path("metadata").has("whatever")).isFalse();
    // apiVersion, kind and ObjectMeta's own fields are kept
    assertThat(r.object().path("apiVersion").asText()).isEqualTo("example.com/v1");
    assertThat(r.object().path("metadata").toString())
        .isEqualTo("{\"name\":\"x\",\"namespace\":\"default\",\"labels\":{\"app\":\"web\"}}");
    // the input is not modified
    assertThat(in.path("spec").has("foo")).isTrue();
    assertThat(in.path("metadata").has("whatever")).isTrue();
  }

  @Test
  void unknownFieldsOfOwnerReferencesArePrunedToo() {
    ObjectNode in = model("x", "{\"image\":\"nginx\"}");
    in.with("metadata").putArray("ownerReferences").addObject().put("apiVersion", "v1").put("kind", "ConfigMap")
        .put("name", "o").put("uid", "u-1").put("color", "red");
    AdmissionResult r = SM.admit("v1", in, null, false);
    assertThat(r.unknownFields()).containsExactly("metadata.ownerReferences[0].color");
    assertThat(r.object().at("/metadata/ownerReferences/0").toString())
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"o\",\"uid\":\"u-1\"}");
  }

  @Test
  void readingAStoredObjectDropsUnknownMetadata() {
    ObjectNode stored = model("x", "{\"image\":\"nginx\"}");
    stored.with("metadata").put("whatever", "old");
    assertThat(SM.defaultOnRead("v1", stored).path("metadata").has("whatever")).isFalse();
  }

  @Test
  void preserveUnknownFieldsStopsPruning() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"extra\":{\"known\":\"k\",\"anything\":{\"deep\":[1,2]}}}");
    assertThat(r.unknownFields()).isEmpty();
    assertThat(r.object().at("/spec/extra/anything/deep/1").asInt()).isEqualTo(2);
  }

  @Test
  void strictDecodingStatusesNameTheUnknownFields() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"foo\":1,\"bar\":2}");
    assertThat(KubeStatus.strictDecoding("ShieldModel", "v1", r.unknownFields()).toString()).isEqualTo(
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"ShieldModel in "
            + "version \\\"v1\\\" cannot be handled as a ShieldModel: strict decoding error: unknown field \\\"spec.foo\\\", "
            + "unknown field \\\"spec.bar\\\"\",\"reason\":\"BadRequest\",\"code\":400}");
    assertThat(KubeStatus.warningHeader("spec.foo")).isEqualTo("299 - \"unknown field \\\"spec.foo\\\"\"");
  }

  @Test
  void topLevelDefault() {
    AdmissionResult r = admit("{\"image\":\"nginx\"}");
    assertThat(r.errors()).isEmpty();
    assertThat(r.object().at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(r.object().at("/spec/mode").asText()).isEqualTo("safe");
  }

  @Test
  void defaultDoesNotOverrideAValue() {
    assertThat(admit("{\"image\":\"nginx\",\"replicas\":4}").object().at("/spec/replicas").asInt()).isEqualTo(4);
  }

  @Test
  void nullInNonNullableFieldWithDefaultGetsTheDefault() {
    assertThat(admit("{\"image\":\"nginx\",\"replicas\":null}").object().at("/spec/replicas").asInt()).isEqualTo(1);
  }

  @Test
  void nestedDefaultsOnlyApplyWhenTheParentExists() {
    AdmissionResult noParent = admit("{\"image\":\"nginx\"}");
    assertThat(noParent.object().path("spec").has("resources")).isFalse();

    // resources exists: gpu has default {} so it is created and its child defaulted; memory has no default
    AdmissionResult withParent = admit("{\"image\":\"nginx\",\"resources\":{}}");
    assertThat(withParent.object().at("/spec/resources").toString()).isEqualTo("{\"gpu\":{\"count\":0}}");

    AdmissionResult withMemory = admit("{\"image\":\"nginx\",\"resources\":{\"memory\":{}}}");
    assertThat(withMemory.object().at("/spec/resources/memory/size").asText()).isEqualTo("1Gi");
  }

  @Test
  void defaultsInArrayItems() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"ports\":[{\"name\":\"http\",\"port\":80}]}");
    assertThat(r.object().at("/spec/ports/0/protocol").asText()).isEqualTo("TCP");
  }

  @Test
  void defaultOnReadPrunesAndDefaultsACopy() {
    ObjectNode stored = model("x", "{\"image\":\"nginx\",\"gone\":true}");
    ObjectNode read = SM.defaultOnRead("v1", stored);
    assertThat(read.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(read.path("spec").has("gone")).isFalse();
    assertThat(stored.path("spec").has("replicas")).isFalse();
  }

  @Test
  void listTypeMapDuplicates() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"ports\":[{\"name\":\"full\",\"port\":1},{\"name\":\"full\",\"port\":2}]}");
    assertThat(rendered(r)).containsExactly("spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"full\"}");
    assertThat(r.errors().get(0).type()).isEqualTo("FieldValueDuplicate");
  }

  @Test
  void listTypeSetDuplicates() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"tags\":[\"x\",\"y\",\"x\"]}");
    assertThat(rendered(r)).containsExactly("spec.tags[2]: Duplicate value: \"x\"");
  }

  @Test
  void intOrStringAcceptsBoth() {
    assertThat(admit("{\"image\":\"nginx\",\"port\":8080}").errors()).isEmpty();
    assertThat(admit("{\"image\":\"nginx\",\"port\":\"http\"}").errors()).isEmpty();
  }

  @Test
  void intOrStringRejectsOtherTypes() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"port\":true}");
    assertThat(rendered(r)).contains(
        "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"");
    assertThat(r.errors()).allMatch(e -> e.type().equals("FieldValueTypeInvalid") || e.field().equals("<nil>"));
  }

  @Test
  void embeddedResourceNeedsApiVersionAndKindAndKeepsItsMetadata() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"template\":{\"metadata\":{\"name\":\"t\"},\"spec\":{\"a\":1}}}");
    assertThat(rendered(r)).contains("spec.template.apiVersion: Required value: must not be empty",
        "spec.template.kind: Required value: must not be empty");
    AdmissionResult ok = admit("{\"image\":\"nginx\",\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"name\":\"t\"},\"spec\":{\"a\":1}}}");
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.object().at("/spec/template/metadata/name").asText()).isEqualTo("t");
  }

  @Test
  void embeddedResourceMetadataIsPrunedToObjectMeta() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"name\":\"t\",\"whatever\":1},\"spec\":{\"a\":1}}}");
    assertThat(r.unknownFields()).containsExactly("spec.template.metadata.whatever");
    assertThat(r.object().at("/spec/template/metadata").toString()).isEqualTo("{\"name\":\"t\"}");
  }

  @Test
  void twoCrdsCompiledInOneJvmKeepTheirOwnSchemas() throws Exception {
    ObjectNode crdA = AdmissionTestSupport.yamlResource("plain-crd.yaml");
    ObjectNode crdB = AdmissionTestSupport.yamlResource("plain-crd.yaml");
    ((ObjectNode) crdB.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/replicas")).put("maximum", 100);
    CrdAdmission a = CrdAdmission.compile(crdA);
    CrdAdmission b = CrdAdmission.compile(crdB);
    ObjectNode o = json("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Plain\",\"metadata\":{\"name\":\"p\"},"
        + "\"spec\":{\"replicas\":50}}");
    assertThat(rendered(a.admit("v1", o, null, false)))
        .containsExactly("spec.replicas: Invalid value: 50: spec.replicas in body should be less than or equal to 10");
    assertThat(b.admit("v1", o, null, false).errors()).isEmpty();
  }

  @Test
  void optionalOldSelfTransitionRuleRunsOnCreate() throws Exception {
    ObjectNode crd = AdmissionTestSupport.yamlResource("plain-crd.yaml");
    ObjectNode spec = (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    spec.putArray("x-kubernetes-validations").addObject()
        .put("rule", "oldSelf.hasValue() || self.replicas == 1")
        .put("message", "must start with one replica")
        .put("optionalOldSelf", true);
    CrdAdmission a = CrdAdmission.compile(crd);
    ObjectNode o = json("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Plain\",\"metadata\":{\"name\":\"p\"},"
        + "\"spec\":{\"replicas\":3}}");
    assertThat(rendered(a.admit("v1", o, null, false)))
        .containsExactly("spec: Invalid value: \"object\": must start with one replica");
    assertThat(a.admit("v1", o, o, false).errors()).isEmpty();
  }

  @Test
  void perCallCostLimitStopsExpensiveRules() throws Exception {
    ObjectNode crd = AdmissionTestSupport.yamlResource("plain-crd.yaml");
    ObjectNode spec = (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    spec.putArray("x-kubernetes-validations").addObject()
        .put("rule", "self.items.all(a, self.items.all(b, self.items.all(c, a + b + c >= 0)))");
    ((ObjectNode) spec.get("properties")).putObject("items").put("type", "array").putObject("items").put("type", "integer");
    CrdAdmission a = CrdAdmission.compile(crd);
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 120; i++) items.append(i == 0 ? "" : ",").append(i);
    ObjectNode o = json("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Plain\",\"metadata\":{\"name\":\"p\"},"
        + "\"spec\":{\"items\":[" + items + "]}}");
    assertThat(rendered(a.admit("v1", o, null, false))).containsExactly("spec: Invalid value: \"object\": "
        + "'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost "
        + "exceeds limit for rule: self.items.all(a, self.items.all(b, self.items.all(c, a + b + c >= 0)))");
  }
}
