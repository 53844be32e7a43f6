package io.cybershield.shield.sandbox.admission;

import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.model;
import static io.cybershield.shield.sandbox.admission.AdmissionTestSupport.rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * One test per form of CEL validation rule (message, messageExpression, reason, fieldPath, transition rules, rules
 * on items and map values), each asserting the error a real kube-apiserver answers.
 */
class CelValidationTest {
  private static final CrdAdmission SM = AdmissionTestSupport.compile("shieldmodels-crd.yaml");

  private AdmissionResult admit(String spec) {
    return SM.admit("v1", model("x", spec), null, false);
  }

  @Test
  void message() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":5,\"maxReplicas\":3}");
    assertThat(rendered(r)).containsExactly("spec: Invalid value: \"object\": replicas must be <= maxReplicas");
    assertThat(r.errors().get(0).type()).isEqualTo("FieldValueInvalid");
  }

  @Test
  void defaultMessageIsFailedRule() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":2,\"minReplicas\":3}");
    assertThat(rendered(r)).containsExactly(
        "spec: Invalid value: \"object\": failed rule: !has(self.minReplicas) || self.replicas >= self.minReplicas");
  }

  @Test
  void messageExpression() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":1,\"mode\":\"ha\"}");
    assertThat(rendered(r)).containsExactly("spec: Invalid value: \"object\": replicas is 1 but mode=ha needs 2");
  }

  @Test
  void reasonRequiredWithFieldPath() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"tier\":\"gold\"}");
    assertThat(rendered(r)).containsExactly("spec.owner: Required value: owner is required for gold tier");
    assertThat(r.errors().get(0).type()).isEqualTo("FieldValueRequired");
    assertThat(r.errors().get(0).field()).isEqualTo("spec.owner");
  }

  @Test
  void reasonForbidden() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"tier\":\"banned\"}");
    assertThat(rendered(r)).containsExactly("spec: Forbidden: tier banned is forbidden");
    assertThat(r.errors().get(0).type()).isEqualTo("FieldValueForbidden");
  }

  @Test
  void reasonDuplicateDropsTheMessage() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"dup\":true}");
    assertThat(rendered(r)).containsExactly("spec: Duplicate value: \"object\"");
    assertThat(r.errors().get(0).type()).isEqualTo("FieldValueDuplicate");
  }

  @Test
  void ruleOnArrayItems() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"tags\":[\"ok\",\"waytoolongtag\"]}");
    assertThat(rendered(r)).containsExactly("spec.tags[1]: Invalid value: \"string\": tag too long");
  }

  @Test
  void ruleOnMapValues() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"labels\":{\"a\":\"good\",\"b\":\"bad\"}}");
    assertThat(rendered(r)).containsExactly("spec.labels[b]: Invalid value: \"string\": label value must not be bad");
  }

  @Test
  void runtimeErrorNoSuchKey() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"lookup\":{\"a\":\"b\"}}");
    assertThat(rendered(r)).containsExactly("spec: Invalid value: \"object\": no such key: missing evaluating rule: "
        + "!has(self.lookup) || self.lookup.missing == 'x'");
  }

  @Test
  void transitionRuleWithOldSelf() {
    ObjectNode old = model("x", "{\"image\":\"nginx\",\"immutableField\":\"a\"}");
    ObjectNode updated = model("x", "{\"image\":\"nginx\",\"immutableField\":\"b\"}");
    assertThat(rendered(SM.admit("v1", updated, old, false)))
        .containsExactly("spec.immutableField: Invalid value: \"string\": immutableField is immutable");
    assertThat(SM.admit("v1", old, old, false).errors()).isEmpty();
    // no old object (create) → transition rules are not evaluated
    assertThat(SM.admit("v1", updated, null, false).errors()).isEmpty();
    // old object without the field → not evaluated either
    assertThat(SM.admit("v1", updated, model("x", "{\"image\":\"nginx\"}"), false).errors()).isEmpty();
  }

  @Test
  void celIsSkippedAfterBlockingSchemaError() {
    // maxReplicas rule would fail, but spec.image is missing (Required is blocking)
    AdmissionResult r = admit("{\"replicas\":5,\"maxReplicas\":3}");
    assertThat(rendered(r)).containsExactly(
        "spec.image: Required value",
        "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; "
            + "correct the existing errors to complete validation");
  }

  @Test
  void celRunsAfterNonBlockingSchemaError() {
    // Invalid (maximum) is not blocking: CEL still runs
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":11,\"maxReplicas\":3}");
    assertThat(rendered(r)).containsExactly(
        "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10",
        "spec: Invalid value: \"object\": replicas must be <= maxReplicas");
  }

  @Test
  void rootRuleReportsNilFieldAndSeesMetadataName() {
    CrdAdmission plain = AdmissionTestSupport.compile("plain-crd.yaml");
    ObjectNode o = AdmissionTestSupport.json(
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Plain\",\"metadata\":{\"name\":\"forbidden-name\"},\"spec\":{}}");
    assertThat(rendered(plain.admit("v1", o, null, false)))
        .containsExactly("<nil>: Invalid value: \"object\": name is reserved");
  }

  @Test
  void ruleThatDoesNotCompileRejectsTheCrd() {
    assertThatThrownBy(() -> CrdAdmission.compile(AdmissionTestSupport.yamlResource("badcel-crd.yaml")))
        .isInstanceOfSatisfying(CrdInvalidException.class, e -> {
          assertThat(e.errors()).hasSize(1);
          FieldError fe = e.errors().get(0);
          assertThat(fe.type()).isEqualTo("FieldValueInvalid");
          assertThat(fe.field())
              .isEqualTo("spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule");
          assertThat(fe.detailMessage()).startsWith("Invalid value: apiextensions.ValidationRule{Rule:\"self.replicas >\", "
              + "Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", "
              + "OptionalOldSelf:(*bool)(nil)}: compilation failed: ERROR: <input>:1:");
        });
  }

  @Test
  void nonBoolRuleRejectsTheCrd() {
    ObjectNode crd = AdmissionTestSupport.yamlResource("badcel-crd.yaml");
    ((ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/x-kubernetes-validations/0"))
        .put("rule", "1 + 2");
    assertThatThrownBy(() -> CrdAdmission.compile(crd))
        .isInstanceOfSatisfying(CrdInvalidException.class, e -> assertThat(e.errors().get(0).detailMessage())
            .endsWith("compilation failed: cel expression must evaluate to a bool"));
  }

  @Test
  void extensionAndKubernetesLibrariesAreAvailable() throws Exception {
    ObjectNode crd = AdmissionTestSupport.yamlResource("badcel-crd.yaml");
    ((ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/x-kubernetes-validations/0"))
        .put("rule", "[1,2,3].isSorted() && [1,2].sum() == 3 && [3,1].min() == 1 && ['a','b'].indexOf('b') == 1"
            + " && 'abc123'.find('[0-9]+') == '123' && 'a1b2'.findAll('[0-9]') == ['1','2']"
            + " && 'ABC'.lowerAscii() == 'abc' && 'a,b'.split(',').size() == 2 && math.greatest(1,2) == 2"
            + " && sets.contains([1,2],[1]) && 'abc'.matches('^a') && self.?nope.orValue(1) == 1"
            + " && self.replicas == 1");
    ObjectNode o = AdmissionTestSupport.json("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Bad\","
        + "\"metadata\":{\"name\":\"b\"},\"spec\":{\"replicas\":1}}");
    assertThat(CrdAdmission.compile(crd).admit("v1", o, null, false).errors()).isEmpty();
  }

  @Test
  void fieldPathWithMapKeyNotationIsNormalised() throws Exception {
    ObjectNode crd = AdmissionTestSupport.yamlResource("badcel-crd.yaml");
    ObjectNode spec = (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    ((ObjectNode) spec.get("properties")).putObject("labels").put("type", "object")
        .putObject("additionalProperties").put("type", "string");
    ((ObjectNode) spec.at("/x-kubernetes-validations/0")).put("rule", "!('team' in self.labels)")
        .put("fieldPath", ".labels['team']").put("message", "team label is reserved");
    ObjectNode o = AdmissionTestSupport.json("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Bad\","
        + "\"metadata\":{\"name\":\"b\"},\"spec\":{\"labels\":{\"team\":\"x\"}}}");
    assertThat(rendered(CrdAdmission.compile(crd).admit("v1", o, null, false)))
        .containsExactly("spec.labels[team]: Invalid value: \"object\": team label is reserved");

    ((ObjectNode) spec.at("/x-kubernetes-validations/0")).put("fieldPath", ".nope");
    assertThatThrownBy(() -> CrdAdmission.compile(crd)).isInstanceOfSatisfying(CrdInvalidException.class,
        e -> assertThat(e.errors().get(0).render()).isEqualTo("spec.validation.openAPIV3Schema.properties[spec]"
            + ".x-kubernetes-validations[0].fieldPath: Invalid value: \".nope\": fieldPath must be a valid path: "
            + "does not refer to a valid field"));
  }

  @Test
  void wholeFloatIsAnInteger() {
    AdmissionResult r = admit("{\"image\":\"nginx\",\"replicas\":5.0,\"maxReplicas\":3}");
    assertThat(rendered(r)).containsExactly("spec: Invalid value: \"object\": replicas must be <= maxReplicas");
  }

  @Test
  void rulesAreEvaluatedConcurrently() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<java.util.List<String>>>();
      for (int i = 0; i < 32; i++) {
        futures.add(pool.submit(() -> rendered(admit("{\"image\":\"nginx\",\"replicas\":5,\"maxReplicas\":3}"))));
      }
      for (var f : futures) {
        assertThat(f.get()).containsExactly("spec: Invalid value: \"object\": replicas must be <= maxReplicas");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
