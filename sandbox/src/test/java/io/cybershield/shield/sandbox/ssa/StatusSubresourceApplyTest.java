package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusSubresourceApplyTest {
  private final SsaFixtures.TestClock clock = new SsaFixtures.TestClock("2025-01-01T10:00:00Z");
  private final FieldManager fm = new FieldManager(clock);
  private final ListTypes crd = ApplyCreateTest.crd();

  private ObjectNode created() throws ApplyConflictException {
    return fm.apply(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "spec":{"replicas":1}}"""), "kubectl", false, crd, Subresource.NONE);
  }

  @Test
  void anApplyThroughStatusTakesOnlyStatusAndRecordsTheSubresource() throws Exception {
    ObjectNode v1 = created();
    clock.advance(Duration.ofSeconds(5));

    ObjectNode v2 = fm.apply(v1, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel",
         "metadata":{"name":"x","namespace":"default","labels":{"sneaky":"yes"}},
         "spec":{"replicas":42},
         "status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}}"""),
        "shield-operator", true, crd, Subresource.STATUS);

    assertThat(v2).isEqualTo(json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel",
         "metadata":{"name":"x","namespace":"default","managedFields":[
           {"manager":"kubectl","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:00Z",
            "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}},
           {"manager":"shield-operator","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:05Z",
            "fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:conditions":{
              "k:{\\"type\\":\\"Ready\\"}":{".":{},"f:status":{},"f:type":{}}},"f:observedGeneration":{}}},
            "subresource":"status"}]},
         "spec":{"replicas":1},
         "status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}}"""));
  }

  @Test
  void aMainResourceApplyIgnoresStatusAndKeepsTheStoredOne() throws Exception {
    ObjectNode v1 = created();
    ObjectNode v2 = fm.apply(v1, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "status":{"servedVersion":"v1"}}"""), "shield-operator", true, crd, Subresource.STATUS);
    clock.advance(Duration.ofSeconds(5));

    ObjectNode v3 = fm.apply(v2, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "spec":{"replicas":2},"status":{"servedVersion":"forged"}}"""), "kubectl", false, crd, Subresource.NONE);

    assertThat(v3.get("status")).isEqualTo(json("{\"servedVersion\":\"v1\"}"));
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:replicas\":{}}}"));
  }

  @Test
  void statusAndMainAppliersOfTheSameNameAreSeparateEntries() throws Exception {
    ObjectNode v1 = fm.apply(created(), json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "status":{"servedVersion":"v1","observedGeneration":1}}"""), "kubectl", false, crd, Subresource.STATUS);
    // re-applying the main resource does not prune what the same name applied through /status
    ObjectNode v2 = fm.apply(v1, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "spec":{"replicas":1}}"""), "kubectl", false, crd, Subresource.NONE);
    // dropping a status field in the next status apply prunes it
    ObjectNode v3 = fm.apply(v2, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "status":{"observedGeneration":2}}"""), "kubectl", false, crd, Subresource.STATUS);

    assertThat(v2.get("status")).isEqualTo(json("{\"servedVersion\":\"v1\",\"observedGeneration\":1}"));
    assertThat(v3.get("status")).isEqualTo(json("{\"observedGeneration\":2}"));
    assertThat(v3.at("/metadata/managedFields").size()).isEqualTo(2);
    assertThat(SsaFixtures.entry(v3, "kubectl", "Apply").has("subresource")).isFalse();
  }
}
