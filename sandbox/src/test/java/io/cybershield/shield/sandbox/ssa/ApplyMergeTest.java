package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import org.junit.jupiter.api.Test;

/** How an applied configuration is merged into the live object, per list and map type. */
class ApplyMergeTest {
  private final FieldManager fm = new FieldManager(new SsaFixtures.TestClock("2025-01-01T10:00:00Z"));
  private final ListTypes crd = ApplyCreateTest.crd();

  private ObjectNode apply(ObjectNode live, String manager, String spec) throws ApplyConflictException {
    return fm.apply(live, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":%s}""".formatted(spec)),
        manager, false, crd, Subresource.NONE);
  }

  private static JsonNode value(String json) {
    return json("{\"v\":" + json + "}").get("v");
  }

  @Test
  void atomicListsAreReplacedAndOwnedAsAWhole() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", "{\"items\":[\"a\",\"b\"]}");
    ObjectNode v2 = apply(v1, "kubectl", "{\"items\":[\"c\"]}");

    assertThat(v2.at("/spec/items")).isEqualTo(value("[\"c\"]"));
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:items\":{}}}"));
  }

  @Test
  void granularMapsAreMergedKeyByKeyWithOwnershipPerKey() throws Exception {
    ObjectNode v1 = apply(null, "team-a", "{\"options\":{\"OPTION_A\":\"1\"}}");
    ObjectNode v2 = apply(v1, "team-b", "{\"options\":{\"OPTION_B\":\"2\"}}");

    assertThat(v2.at("/spec/options")).isEqualTo(json("{\"OPTION_A\":\"1\",\"OPTION_B\":\"2\"}"));
    assertThat(SsaFixtures.fieldsV1(v2, "team-a", "Apply"))
        .isEqualTo(json("{\"f:spec\":{\"f:options\":{\"f:OPTION_A\":{}}}}"));
    assertThat(SsaFixtures.fieldsV1(v2, "team-b", "Apply"))
        .isEqualTo(json("{\"f:spec\":{\"f:options\":{\"f:OPTION_B\":{}}}}"));
  }

  @Test
  void atomicMapsAreReplacedOwnedAsAWholeAndConflictAsAWhole() throws Exception {
    ObjectNode v1 = apply(null, "team-a", "{\"selector\":{\"app\":\"m\",\"tier\":\"gpu\"}}");

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> apply(v1, "team-b", "{\"selector\":{\"app\":\"m\"}}"));
    ObjectNode v2 = apply(v1, "team-a", "{\"selector\":{\"app\":\"n\"}}");

    assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"team-a\": .spec.selector");
    assertThat(v2.at("/spec/selector")).isEqualTo(json("{\"app\":\"n\"}"));
    assertThat(SsaFixtures.fieldsV1(v2, "team-a", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:selector\":{}}}"));
  }

  @Test
  void mapListsAreMergedByKeyItemsMergedFieldByField() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"variants":[{"name":"full","gpu":{"count":2}},{"name":"lite","gpu":{"count":1}}]}""");
    ObjectNode v2 = apply(v1, "gpu-planner", """
        {"variants":[{"name":"lite","gpu":{"resource":"nvidia.com/mig-3g.40gb"}},{"name":"tiny","gpu":{"count":1}}]}""");

    assertThat(v2.at("/spec/variants")).isEqualTo(value("""
        [{"name":"full","gpu":{"count":2}},
         {"name":"lite","gpu":{"count":1,"resource":"nvidia.com/mig-3g.40gb"}},
         {"name":"tiny","gpu":{"count":1}}]"""));
    assertThat(SsaFixtures.fieldsV1(v2, "gpu-planner", "Apply")).isEqualTo(json("""
        {"f:spec":{"f:variants":{
          "k:{\\"name\\":\\"lite\\"}":{".":{},"f:gpu":{"f:resource":{}},"f:name":{}},
          "k:{\\"name\\":\\"tiny\\"}":{".":{},"f:gpu":{"f:count":{}},"f:name":{}}}}}"""));
  }

  @Test
  void theAppliedOrderWinsAndLiveOnlyItemsKeepTheirPlace() throws Exception {
    ObjectNode v1 = apply(null, "a", "{\"tags\":[\"x\",\"y\",\"w\"]}");
    ObjectNode v2 = apply(v1, "b", "{\"tags\":[\"z\",\"w\",\"x\"]}");

    // x waits for its turn after w; y, known only to the live list, stays ahead
    assertThat(v2.at("/spec/tags")).isEqualTo(value("[\"y\",\"z\",\"w\",\"x\"]"));
  }

  @Test
  void setsAreMergedByValue() throws Exception {
    ObjectNode v1 = apply(null, "a", "{\"tags\":[\"x\",\"y\"]}");
    ObjectNode v2 = apply(v1, "b", "{\"tags\":[\"y\",\"z\"]}");

    assertThat(v2.at("/spec/tags")).isEqualTo(value("[\"x\",\"y\",\"z\"]"));
    assertThat(SsaFixtures.fieldsV1(v2, "b", "Apply"))
        .isEqualTo(json("{\"f:spec\":{\"f:tags\":{\"v:\\\"y\\\"\":{},\"v:\\\"z\\\"\":{}}}}"));
  }

  @Test
  void aKeyFieldLeftOutIsFilledFromItsSchemaDefault() throws Exception {
    ObjectNode v1 = apply(null, "a", "{\"ports\":[{\"port\":80}]}");
    ObjectNode v2 = apply(v1, "b", "{\"ports\":[{\"port\":80,\"protocol\":\"TCP\",\"name\":\"http\"},{\"port\":443}]}");

    assertThat(v2.at("/spec/ports")).isEqualTo(value("""
        [{"port":80,"protocol":"TCP","name":"http"},{"port":443}]"""));
    assertThat(SsaFixtures.fieldsV1(v2, "a", "Apply")).isEqualTo(json("""
        {"f:spec":{"f:ports":{"k:{\\"port\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:port":{}}}}}"""));
  }

  @Test
  void scalarsAndNestedObjectsAreReplacedAndMerged() throws Exception {
    ObjectNode v1 = apply(null, "a", "{\"replicas\":1,\"runtime\":{\"image\":\"lmi:1\",\"dtype\":\"fp16\"}}");
    ObjectNode v2 = apply(v1, "a", "{\"replicas\":2,\"runtime\":{\"image\":\"lmi:2\",\"dtype\":\"fp16\"}}");
    ObjectNode v3 = apply(v2, "b", "{\"runtime\":{\"maxModelLen\":4096}}");

    assertThat(v3.get("spec")).isEqualTo(json("""
        {"replicas":2,"runtime":{"image":"lmi:2","dtype":"fp16","maxModelLen":4096}}"""));
  }

  @Test
  void numbersCompareByValueSoAWholeFloatIsNoChange() throws Exception {
    ObjectNode v1 = fm.update(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"replicas":3}}"""),
        "op", crd, Subresource.NONE);

    ObjectNode v2 = apply(v1, "kubectl", "{\"replicas\":3.0}");

    assertThat(SsaFixtures.fieldsV1(v2, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:replicas\":{}}}"));
    assertThat(v2.at("/spec/replicas").isIntegralNumber()).isTrue();
  }
}
