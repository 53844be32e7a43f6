package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateOwnershipTest {
  private final SsaFixtures.TestClock clock = new SsaFixtures.TestClock("2025-01-01T10:00:00.999Z");
  private final FieldManager fm = new FieldManager(clock);
  private final ListTypes crd = ApplyCreateTest.crd();

  private ObjectNode create(String spec) {
    return fm.update(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "spec":%s}""".formatted(spec)), "kubectl-create", crd, Subresource.NONE);
  }

  private ObjectNode edit(ObjectNode live, String manager, String field, JsonNode value) {
    clock.advance(Duration.ofSeconds(5));
    ObjectNode copy = live.deepCopy();
    if (value == null) {
      ((ObjectNode) copy.get("spec")).remove(field);
    } else {
      ((ObjectNode) copy.get("spec")).set(field, value);
    }
    return fm.update(live, copy, manager, crd, Subresource.NONE);
  }

  @Test
  void theUpdaterTakesTheLeavesItChanged() {
    ObjectNode v1 = create("{\"a\":\"1\",\"b\":\"1\"}");

    ObjectNode v2 = edit(v1, "kubectl-edit", "b", json("{\"v\":\"2\"}").get("v"));

    assertThat(v2.at("/metadata/managedFields")).isEqualTo(json("""
        {"m":[
          {"manager":"kubectl-create","operation":"Update","apiVersion":"example.com/v1","time":"2025-01-01T10:00:00Z",
           "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{".":{},"f:a":{}}}},
          {"manager":"kubectl-edit","operation":"Update","apiVersion":"example.com/v1","time":"2025-01-01T10:00:05Z",
           "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:b":{}}}}]}""").get("m"));
  }

  @Test
  void aSecondUpdateBySameManagerAddsToItsEntryAndRestampsIt() {
    ObjectNode v2 = edit(create("{\"a\":\"1\",\"b\":\"1\"}"), "kubectl-edit", "b", json("{\"v\":\"2\"}").get("v"));

    ObjectNode v3 = edit(v2, "kubectl-edit", "image", json("{\"v\":\"lmi:1\"}").get("v"));

    JsonNode entry = SsaFixtures.entry(v3, "kubectl-edit", "Update");
    assertThat(entry.get("time").asText()).isEqualTo("2025-01-01T10:00:10Z");
    assertThat(entry.get("fieldsV1")).isEqualTo(json("{\"f:spec\":{\"f:b\":{},\"f:image\":{}}}"));
    assertThat(v3.at("/metadata/managedFields").size()).isEqualTo(2);
  }

  @Test
  void aRemovedFieldLeavesEveryManagerAndEmptyEntriesDisappear() {
    ObjectNode v2 = edit(create("{\"a\":\"1\"}"), "kubectl-edit", "b", json("{\"v\":\"2\"}").get("v"));

    ObjectNode v3 = edit(v2, "kubectl-patch", "b", null);

    assertThat(v3.get("spec")).isEqualTo(json("{\"a\":\"1\"}"));
    assertThat(SsaFixtures.entry(v3, "kubectl-edit", "Update")).isNull();
    assertThat(SsaFixtures.entry(v3, "kubectl-patch", "Update")).isNull();
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl-create", "Update"))
        .isEqualTo(json("{\"f:spec\":{\".\":{},\"f:a\":{}}}"));
  }

  @Test
  void aWriteThatChangesNothingLeavesManagedFieldsAlone() {
    ObjectNode v1 = create("{\"a\":\"1\"}");
    clock.advance(Duration.ofMinutes(1));

    ObjectNode v2 = fm.update(v1, v1.deepCopy(), "kubectl-replace", crd, Subresource.NONE);

    assertThat(v2).isEqualTo(v1);
  }

  @Test
  void aPutTakesFieldsAnApplierOwnedWithoutConflict() throws Exception {
    ObjectNode v1 = fm.apply(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"a":"1","b":"1"}}"""),
        "kubectl", false, crd, Subresource.NONE);

    ObjectNode v2 = edit(v1, "kubectl-replace", "a", json("{\"v\":\"2\"}").get("v"));

    assertThat(SsaFixtures.fieldsV1(v2, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:b\":{}}}"));
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl-replace", "Update")).isEqualTo(json("{\"f:spec\":{\"f:a\":{}}}"));
  }

  @Test
  void aStatusWriteIsRecordedAsTheDocumentedStatusEntry() {
    ObjectNode v1 = create("{\"replicas\":1}");
    clock.advance(Duration.ofSeconds(5));
    ObjectNode withStatus = v1.deepCopy();
    withStatus.set("status", json("{\"observedGeneration\":1,\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}"));
    ((ObjectNode) withStatus.get("spec")).put("replicas", 99);

    // no list types declared: conditions is an atomic list, as in the documented example
    ObjectNode v2 = fm.update(v1, withStatus, "shield-operator", ListTypes.none(), Subresource.STATUS);

    assertThat(v2.get("spec")).isEqualTo(json("{\"replicas\":1}"));
    assertThat(SsaFixtures.entry(v2, "shield-operator", "Update")).isEqualTo(json("""
        {"manager":"shield-operator","operation":"Update","apiVersion":"example.com/v1","time":"2025-01-01T10:00:05Z",
         "fieldsType":"FieldsV1","fieldsV1":{"f:status":{".":{},"f:conditions":{},"f:observedGeneration":{}}},
         "subresource":"status"}"""));
    assertThat(SsaFixtures.entry(v2, "shield-operator", "Update").toString())
        .isEqualTo("{\"manager\":\"shield-operator\",\"operation\":\"Update\",\"apiVersion\":\"example.com/v1\","
            + "\"time\":\"2025-01-01T10:00:05Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:status\":{\".\":{},"
            + "\"f:conditions\":{},\"f:observedGeneration\":{}}},\"subresource\":\"status\"}");
  }

  @Test
  void conditionsKeyedByTypeAreOwnedPerCondition() {
    ObjectNode v1 = create("{\"replicas\":1}");
    ObjectNode withStatus = v1.deepCopy();
    withStatus.set("status", json("{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}"));
    ObjectNode v2 = fm.update(v1, withStatus, "shield-operator", crd, Subresource.STATUS);

    assertThat(SsaFixtures.fieldsV1(v2, "shield-operator", "Update")).isEqualTo(json("""
        {"f:status":{".":{},"f:conditions":{".":{},"k:{\\"type\\":\\"Ready\\"}":{".":{},"f:status":{},"f:type":{}}}}}"""));
  }

  @Test
  void aMainResourceWriteKeepsTheStoredStatusAndDoesNotTrackStatus() {
    ObjectNode v1 = create("{\"replicas\":1}");
    ObjectNode withStatus = v1.deepCopy();
    withStatus.set("status", json("{\"servedVersion\":\"v1\"}"));
    ObjectNode v2 = fm.update(v1, withStatus, "shield-operator", crd, Subresource.STATUS);
    ObjectNode put = v2.deepCopy();
    put.set("status", json("{\"servedVersion\":\"hacked\"}"));
    ((ObjectNode) put.get("spec")).put("replicas", 2);

    ObjectNode v3 = fm.update(v2, put, "kubectl-replace", crd, Subresource.NONE);

    assertThat(v3.at("/status/servedVersion").asText()).isEqualTo("v1");
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl-replace", "Update"))
        .isEqualTo(json("{\"f:spec\":{\"f:replicas\":{}}}"));
  }

  @Test
  void entriesAreOrderedApplyFirstThenByTimeManagerApiVersionAndSubresource() throws Exception {
    ObjectNode v1 = fm.update(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"a":"1"}}"""),
        "zz-creator", crd, Subresource.NONE);
    clock.advance(Duration.ofSeconds(5));
    ObjectNode v2 = fm.update(v1, withSpec(v1, "b", "1"), "mm", crd, Subresource.NONE);
    ObjectNode v3 = fm.update(v2, withSpec(v2, "image", "i"), "bb", crd, Subresource.NONE);
    ObjectNode withStatus = v3.deepCopy();
    withStatus.set("status", json("{\"servedVersion\":\"v1\"}"));
    ObjectNode v4 = fm.update(v3, withStatus, "bb", crd, Subresource.STATUS);
    clock.advance(Duration.ofSeconds(5));
    ObjectNode v5 = fm.apply(v4, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"replicas":1}}"""),
        "yy-applier", false, crd, Subresource.NONE);

    List<String> order = new ArrayList<>();
    v5.at("/metadata/managedFields").forEach(e -> order.add(e.get("manager").asText() + "/"
        + e.get("operation").asText() + "/" + e.get("time").asText() + "/" + e.path("subresource").asText("-")));
    assertThat(order).containsExactly(
        "yy-applier/Apply/2025-01-01T10:00:10Z/-",
        "zz-creator/Update/2025-01-01T10:00:00Z/-",
        "bb/Update/2025-01-01T10:00:05Z/-",
        "bb/Update/2025-01-01T10:00:05Z/status",
        "mm/Update/2025-01-01T10:00:05Z/-");
  }

  @Test
  void moreThanTenUpdatersAreFoldedIntoAncientChanges() {
    ObjectNode live = create("{\"replicas\":0}");
    for (int i = 1; i <= 11; i++) {
      clock.advance(Duration.ofSeconds(1));
      ObjectNode copy = live.deepCopy();
      ((ObjectNode) copy.get("spec")).put("k" + i, "v");
      live = fm.update(live, copy, "updater-" + i, ListTypes.none(), Subresource.NONE);
    }

    List<String> managers = new ArrayList<>();
    live.at("/metadata/managedFields").forEach(e -> managers.add(e.get("manager").asText()));
    assertThat(managers).hasSize(10).startsWith("ancient-changes", "updater-3").doesNotContain("kubectl-create",
        "updater-1", "updater-2");
    assertThat(SsaFixtures.fieldsV1(live, "ancient-changes", "Update")).isEqualTo(json("""
        {"f:spec":{".":{},"f:k1":{},"f:k2":{},"f:replicas":{}}}"""));
    assertThat(SsaFixtures.entry(live, "ancient-changes", "Update").get("time").asText())
        .isEqualTo("2025-01-01T10:00:02Z");
  }

  @Test
  void anUpdaterWritingAnotherApiVersionIsAnotherEntrySortedByApiVersion() {
    ObjectNode v1 = create("{\"a\":\"1\"}");
    clock.advance(Duration.ofSeconds(5));
    ObjectNode v2 = fm.update(v1, withSpec(v1, "b", "1"), "op", crd, Subresource.NONE);
    ObjectNode asV2 = withSpec(v2, "image", "i");
    asV2.put("apiVersion", "example.com/v2");
    ObjectNode v3 = fm.update(v2, asV2, "op", crd, Subresource.NONE);

    List<String> order = new ArrayList<>();
    v3.at("/metadata/managedFields").forEach(e -> order.add(e.get("manager").asText() + " "
        + e.get("apiVersion").asText() + " " + e.get("fieldsV1")));
    assertThat(order).containsExactly(
        "kubectl-create example.com/v1 {\"f:spec\":{\".\":{},\"f:a\":{}}}",
        "op example.com/v1 {\"f:spec\":{\"f:b\":{}}}",
        "op example.com/v2 {\"f:spec\":{\"f:image\":{}}}");
  }

  @Test
  void replacingAnObjectByAScalarDropsOwnershipOfWhatWasBelow() {
    ObjectNode v1 = create("{\"runtime\":{\"dtype\":\"fp16\"}}");
    ObjectNode v2 = edit(v1, "kubectl-edit", "runtime", json("{\"v\":\"default\"}").get("v"));

    // an owned node with nothing owned below is written as a plain leaf
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl-create", "Update")).isEqualTo(json("{\"f:spec\":{}}"));
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl-edit", "Update")).isEqualTo(json("{\"f:spec\":{\"f:runtime\":{}}}"));
  }

  private static ObjectNode withSpec(ObjectNode obj, String field, String value) {
    ObjectNode copy = obj.deepCopy();
    ((ObjectNode) copy.get("spec")).put(field, value);
    return copy;
  }
}
