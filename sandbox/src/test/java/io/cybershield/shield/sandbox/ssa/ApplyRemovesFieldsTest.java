package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApplyRemovesFieldsTest {
  private final SsaFixtures.TestClock clock = new SsaFixtures.TestClock("2025-01-01T10:00:00Z");
  private final FieldManager fm = new FieldManager(clock);
  private final ListTypes crd = ApplyCreateTest.crd();

  private ObjectNode apply(ObjectNode live, String manager, String body) throws ApplyConflictException {
    clock.advance(Duration.ofSeconds(5));
    return fm.apply(live, json(body), manager, false, crd, Subresource.NONE);
  }

  @Test
  void aFieldTheApplierDropsIsDeletedWhenNobodyElseOwnsIt() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"replicas":3,"image":"lmi:1","runtime":{"dtype":"fp16","maxModelLen":4096}}}""");
    ObjectNode v2 = apply(v1, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"replicas":3,"runtime":{"dtype":"fp16"}}}""");

    assertThat(v2.get("spec")).isEqualTo(json("{\"replicas\":3,\"runtime\":{\"dtype\":\"fp16\"}}"));
    assertThat(v2.at("/metadata/managedFields")).isEqualTo(json("""
        {"a":[{"manager":"kubectl","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:10Z",
          "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{},"f:runtime":{"f:dtype":{}}}}}]}""").get("a"));
  }

  @Test
  void anObjectLeftEmptyByTheRemovalGoesToo() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"replicas":3,"runtime":{"dtype":"fp16"}}}""");
    ObjectNode v2 = apply(v1, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"replicas":3}}""");

    assertThat(v2.get("spec")).isEqualTo(json("{\"replicas\":3}"));
  }

  @Test
  void aFieldAnotherManagerAlsoOwnsStaysAndOnlyTheApplierLetsGo() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"replicas":3,"image":"lmi:1"}}""");
    // a second applier sets the same value: shared ownership
    ObjectNode v2 = apply(v1, "argocd", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"image":"lmi:1"}}""");
    ObjectNode v3 = apply(v2, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"replicas":3}}""");

    assertThat(v3.get("spec")).isEqualTo(json("{\"replicas\":3,\"image\":\"lmi:1\"}"));
    // the object did not change, so kubectl keeps the time of its first apply (the apiserver stamps changes only)
    assertThat(v3.at("/metadata/managedFields")).isEqualTo(json("""
        {"a":[
         {"manager":"kubectl","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:05Z",
          "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}},
         {"manager":"argocd","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:10Z",
          "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:image":{}}}}]}""").get("a"));
  }

  @Test
  void aFieldAnUpdaterOwnsStays() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"a":"1","b":"2"}}""");
    ObjectNode edited = v1.deepCopy();
    ((ObjectNode) edited.get("spec")).put("b", "3");
    ObjectNode v2 = fm.update(v1, edited, "kubectl-edit", crd, Subresource.NONE);
    ObjectNode v3 = apply(v2, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"a":"1"}}""");

    assertThat(v3.get("spec")).isEqualTo(json("{\"a\":\"1\",\"b\":\"3\"}"));
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:a\":{}}}"));
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl-edit", "Update")).isEqualTo(json("{\"f:spec\":{\"f:b\":{}}}"));
  }

  @Test
  void aMapListItemTheApplierDropsIsRemoved() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"variants":[{"name":"full","gpu":{"count":2}},{"name":"lite","gpu":{"count":1}}]}}""");
    ObjectNode v2 = apply(v1, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"variants":[{"name":"full","gpu":{"count":2}}]}}""");

    assertThat(v2.at("/spec/variants")).isEqualTo(json("{\"v\":[{\"name\":\"full\",\"gpu\":{\"count\":2}}]}").get("v"));
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl", "Apply")).isEqualTo(json("""
        {"f:spec":{"f:variants":{"k:{\\"name\\":\\"full\\"}":{".":{},"f:gpu":{"f:count":{}},"f:name":{}}}}}"""));
  }

  @Test
  void aMapListItemStaysWhileAnotherManagerOwnsSomethingInIt() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"variants":[{"name":"full","gpu":{"count":2}},{"name":"lite","gpu":{"count":1}}]}}""");
    ObjectNode v2 = apply(v1, "gpu-planner", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"variants":[{"name":"lite","gpu":{"resource":"nvidia.com/mig-3g.40gb"}}]}}""");
    ObjectNode v3 = apply(v2, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},
         "spec":{"variants":[{"name":"full","gpu":{"count":2}}]}}""");

    // lite stays with what gpu-planner owns; kubectl's count goes
    assertThat(v3.at("/spec/variants")).isEqualTo(json("""
        {"v":[{"name":"full","gpu":{"count":2}},{"name":"lite","gpu":{"resource":"nvidia.com/mig-3g.40gb"}}]}""")
        .get("v"));
  }

  @Test
  void labelsAndAnnotationsTheApplierDropsAreRemovedKeyByKey() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel",
         "metadata":{"name":"x","labels":{"app":"m","tier":"gpu"},"annotations":{"note":"a"}},"spec":{"replicas":1}}""");
    ObjectNode labelled = v1.deepCopy();
    ((ObjectNode) labelled.at("/metadata/labels")).put("team", "blue");
    ObjectNode v2 = fm.update(v1, labelled, "kubectl-label", crd, Subresource.NONE);
    ObjectNode v3 = apply(v2, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","labels":{"app":"m"}},
         "spec":{"replicas":1}}""");

    assertThat(v3.at("/metadata/labels")).isEqualTo(json("{\"app\":\"m\",\"team\":\"blue\"}"));
    assertThat(v3.path("metadata").has("annotations")).isFalse();
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl", "Apply")).isEqualTo(json("""
        {"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{}}}"""));
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl-label", "Update")).isEqualTo(json("""
        {"f:metadata":{"f:labels":{"f:team":{}}}}"""));
  }

  @Test
  void aSetValueTheApplierDropsIsRemovedAndOthersStay() throws Exception {
    ObjectNode v1 = apply(null, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","finalizers":["a/one"]},
         "spec":{"tags":["x","y"]}}""");
    ObjectNode v2 = apply(v1, "operator", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","finalizers":["b/two"]},
         "spec":{"tags":["z"]}}""");
    ObjectNode v3 = apply(v2, "kubectl", """
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x"},"spec":{"tags":["y"]}}""");

    assertThat(v2.at("/metadata/finalizers")).isEqualTo(json("{\"v\":[\"a/one\",\"b/two\"]}").get("v"));
    assertThat(v3.at("/metadata/finalizers")).isEqualTo(json("{\"v\":[\"b/two\"]}").get("v"));
    assertThat(v3.at("/spec/tags")).isEqualTo(json("{\"v\":[\"y\",\"z\"]}").get("v"));
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl", "Apply")).isEqualTo(json("""
        {"f:spec":{"f:tags":{"v:\\"y\\"":{}}}}"""));
    assertThat(SsaFixtures.fieldsV1(v3, "operator", "Apply")).isEqualTo(json("""
        {"f:metadata":{"f:finalizers":{"v:\\"b/two\\"":{}}},"f:spec":{"f:tags":{"v:\\"z\\"":{}}}}"""));
  }
}
