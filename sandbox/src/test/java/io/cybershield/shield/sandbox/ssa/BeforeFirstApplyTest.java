package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Objects stored without managedFields, and writes that send managedFields themselves. */
class BeforeFirstApplyTest {
  private final SsaFixtures.TestClock clock = new SsaFixtures.TestClock("2025-01-01T10:00:00Z");
  private final FieldManager fm = new FieldManager(clock);
  private final ListTypes crd = ApplyCreateTest.crd();
  private final ObjectNode untracked = json("""
      {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","uid":"u"},
       "spec":{"replicas":1,"image":"lmi:1"}}""");

  @Test
  void theFirstApplyHandsExistingFieldsToBeforeFirstApply() throws Exception {
    ObjectNode v1 = fm.apply(untracked, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"replicas":1}}"""),
        "kubectl", false, crd, Subresource.NONE);

    assertThat(v1.at("/metadata/managedFields")).isEqualTo(json("""
        {"m":[{"manager":"kubectl","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:00Z",
               "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}},
              {"manager":"before-first-apply","operation":"Update","apiVersion":"example.com/v1",
               "time":"2025-01-01T10:00:00Z","fieldsType":"FieldsV1",
               "fieldsV1":{"f:spec":{".":{},"f:image":{},"f:replicas":{}}}}]}""").get("m"));
  }

  @Test
  void changingAnExistingValueConflictsWithBeforeFirstApply() {
    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class, () -> fm.apply(untracked, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"image":"lmi:2"}}"""),
        "kubectl", false, crd, Subresource.NONE));

    assertThat(e.getMessage()).isEqualTo(
        "Apply failed with 1 conflict: conflict with \"before-first-apply\" using example.com/v1: .spec.image");
  }

  @Test
  void aWriteSendingTheResetMarkerStripsManagedFieldsUntilTheNextApply() throws Exception {
    ObjectNode v1 = fm.apply(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"a":"1"}}"""),
        "kubectl", false, crd, Subresource.NONE);
    clock.advance(Duration.ofSeconds(5));
    ObjectNode reset = v1.deepCopy();
    ((ObjectNode) reset.get("metadata")).putArray("managedFields").addObject();
    ((ObjectNode) reset.get("spec")).put("b", "2");

    ObjectNode v2 = fm.update(v1, reset, "kubectl-patch", crd, Subresource.NONE);
    ObjectNode v3 = fm.update(v2, withSpec(v2, "c", "3"), "kubectl-edit", crd, Subresource.NONE);
    ObjectNode v4 = fm.apply(v3, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"a":"1"}}"""),
        "kubectl", false, crd, Subresource.NONE);

    assertThat(v2.get("metadata").has("managedFields")).isFalse();
    assertThat(v2.get("spec")).isEqualTo(json("{\"a\":\"1\",\"b\":\"2\"}"));
    assertThat(v3.get("metadata").has("managedFields")).isFalse();
    assertThat(SsaFixtures.fieldsV1(v4, "before-first-apply", "Update")).isEqualTo(json("""
        {"f:spec":{".":{},"f:a":{},"f:b":{},"f:c":{}}}"""));
    assertThat(SsaFixtures.fieldsV1(v4, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:a\":{}}}"));
  }

  private static ObjectNode withSpec(ObjectNode obj, String field, String value) {
    ObjectNode copy = obj.deepCopy();
    ((ObjectNode) copy.get("spec")).put(field, value);
    return copy;
  }

  @Test
  void aWriteWithoutManagedFieldsKeepsTheStoredOnes() throws Exception {
    ObjectNode v1 = fm.apply(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"a":"1"}}"""),
        "kubectl", false, crd, Subresource.NONE);
    ObjectNode put = v1.deepCopy();
    ((ObjectNode) put.get("metadata")).remove("managedFields");
    ((ObjectNode) put.get("spec")).put("b", "2");

    ObjectNode v2 = fm.update(v1, put, "kubectl-replace", crd, Subresource.NONE);

    assertThat(SsaFixtures.fieldsV1(v2, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:a\":{}}}"));
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl-replace", "Update")).isEqualTo(json("{\"f:spec\":{\"f:b\":{}}}"));
  }
}
