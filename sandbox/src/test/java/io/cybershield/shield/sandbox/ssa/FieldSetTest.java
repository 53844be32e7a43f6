package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSetTest {

  private static final String DOC_EXAMPLE = """
      {"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:ports":{"k:{\\"port\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:port":{},"f:protocol":{}}}}}""";

  @Test
  void fieldsV1RoundTripsByteForByte() {
    ObjectNode in = json(DOC_EXAMPLE);
    FieldSet set = FieldSet.fromFieldsV1(in);
    // the apiserver sorts path elements; "." comes first in an owned inner node
    assertThat(SsaFixtures.MAPPER.valueToTree(set.toFieldsV1()).toString()).isEqualTo(
        "{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:ports\":{\"k:{\\\"port\\\":80,"
            + "\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:port\":{},\"f:protocol\":{}}},\"f:replicas\":{}}}");
    assertThat(set.toFieldsV1()).isEqualTo(in);
  }

  @Test
  void pathsIterateMembersBeforeChildren() {
    FieldSet set = FieldSet.fromFieldsV1(json(DOC_EXAMPLE));
    assertThat(set.paths()).extracting(PathElement::toString).containsExactly(
        ".metadata.labels.app",
        ".spec.replicas",
        ".spec.ports[port=80,protocol=\"TCP\"]",
        ".spec.ports[port=80,protocol=\"TCP\"].port",
        ".spec.ports[port=80,protocol=\"TCP\"].protocol");
  }

  @Test
  void keysAreWrittenWithFieldsSortedByNameAsCompactJson() {
    PathElement key = PathElement.key(json("{\"protocol\":\"TCP\",\"containerPort\":8080.0}"));
    assertThat(key.fieldsV1Key()).isEqualTo("k:{\"containerPort\":8080,\"protocol\":\"TCP\"}");
    assertThat(key).isEqualTo(PathElement.parseFieldsV1Key("k:{\"containerPort\":8080,\"protocol\":\"TCP\"}"));
    assertThat(key.toString()).isEqualTo("[containerPort=8080,protocol=\"TCP\"]");
  }

  @Test
  void valuesAndIndexesUseTheirPrefixes() {
    FieldSet set = FieldSet.of(List.of(
        List.of(PathElement.field("metadata"), PathElement.field("finalizers"),
            PathElement.value(SsaFixtures.MAPPER.getNodeFactory().textNode("shield.cybershield.io/cleanup"))),
        List.of(PathElement.field("spec"), PathElement.field("old"), PathElement.index(0))));
    assertThat(set.toFieldsV1()).isEqualTo(json("""
        {"f:metadata":{"f:finalizers":{"v:\\"shield.cybershield.io/cleanup\\"":{}}},"f:spec":{"f:old":{"i:0":{}}}}"""));
    assertThat(FieldSet.fromFieldsV1(set.toFieldsV1())).isEqualTo(set);
    assertThat(set.paths()).extracting(PathElement::toString)
        .containsExactly(".metadata.finalizers[=\"shield.cybershield.io/cleanup\"]", ".spec.old[0]");
  }

  @Test
  void setAlgebraWorksOnMembersAtEveryDepth() {
    FieldSet a = FieldSet.fromFieldsV1(json("""
        {"f:spec":{".":{},"f:a":{},"f:b":{},"f:c":{"f:d":{}}}}"""));
    FieldSet b = FieldSet.fromFieldsV1(json("""
        {"f:spec":{"f:b":{},"f:c":{"f:d":{},"f:e":{}}},"f:status":{}}"""));

    assertThat(a.union(b).toFieldsV1()).isEqualTo(json("""
        {"f:spec":{".":{},"f:a":{},"f:b":{},"f:c":{"f:d":{},"f:e":{}}},"f:status":{}}"""));
    assertThat(a.intersection(b).toFieldsV1()).isEqualTo(json("""
        {"f:spec":{"f:b":{},"f:c":{"f:d":{}}}}"""));
    assertThat(a.difference(b).toFieldsV1()).isEqualTo(json("""
        {"f:spec":{".":{},"f:a":{}}}"""));
    assertThat(b.difference(a).toFieldsV1()).isEqualTo(json("""
        {"f:spec":{"f:c":{"f:e":{}}},"f:status":{}}"""));
    assertThat(a.difference(a).isEmpty()).isTrue();
  }
}
