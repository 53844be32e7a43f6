package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApplyConflictTest {
  private final SsaFixtures.TestClock clock = new SsaFixtures.TestClock("2025-01-01T10:00:00Z");
  private final FieldManager fm = new FieldManager(clock);
  private final ListTypes crd = ApplyCreateTest.crd();

  private ObjectNode created(String manager, String spec) {
    return fm.update(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "spec":%s}""".formatted(spec)), manager, crd, Subresource.NONE);
  }

  private ObjectNode apply(ObjectNode live, String manager, boolean force, String spec) throws ApplyConflictException {
    clock.advance(Duration.ofSeconds(5));
    return fm.apply(live, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "spec":%s}""".formatted(spec)), manager, force, crd, Subresource.NONE);
  }

  @Test
  void oneConflictAnswersTheDocumented409() {
    ObjectNode live = created("kubectl-client-side-apply", "{\"replicas\":1}");

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> apply(live, "kubectl", false, "{\"replicas\":3}"));

    assertThat(e.status().toString()).isEqualTo(
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Apply failed"
            + " with 1 conflict: conflict with \\\"kubectl-client-side-apply\\\" using example.com/v1: .spec.replicas\","
            + "\"reason\":\"Conflict\",\"details\":{\"causes\":[{\"reason\":\"FieldManagerConflict\",\"message\":"
            + "\"conflict with \\\"kubectl-client-side-apply\\\" using example.com/v1\",\"field\":\".spec.replicas\"}]},"
            + "\"code\":409}");
    assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\""
        + " using example.com/v1: .spec.replicas");
  }

  @Test
  void severalConflictsWithOneManagerAreListedUnderIt() {
    ObjectNode live = created("op", "{\"a\":\"1\",\"b\":\"1\",\"image\":\"lmi:1\"}");

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> apply(live, "kubectl", false, "{\"a\":\"2\",\"b\":\"2\",\"image\":\"lmi:1\"}"));

    assertThat(e.status().get("message").asText()).isEqualTo(
        "Apply failed with 2 conflicts: conflicts with \"op\" using example.com/v1:\n- .spec.a\n- .spec.b");
    assertThat(e.status().at("/details/causes")).isEqualTo(json("""
        {"c":[{"reason":"FieldManagerConflict","message":"conflict with \\"op\\" using example.com/v1","field":".spec.a"},
              {"reason":"FieldManagerConflict","message":"conflict with \\"op\\" using example.com/v1","field":".spec.b"}]}
        """).get("c"));
  }

  @Test
  void conflictsWithSeveralManagersAreGroupedAndSortedAppliersShownByNameOnly() throws Exception {
    ObjectNode v1 = created("zeta-controller", "{\"a\":\"1\"}");
    ObjectNode v2 = apply(v1, "argocd", false, "{\"b\":\"1\",\"ports\":[{\"port\":80,\"name\":\"http\"}]}");

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> apply(v2, "kubectl", false, "{\"a\":\"2\",\"b\":\"2\",\"ports\":[{\"port\":80,\"name\":\"web\"}]}"));

    assertThat(e.status().get("message").asText()).isEqualTo("""
        Apply failed with 3 conflicts: conflicts with "argocd":
        - .spec.b
        - .spec.ports[port=80,protocol="TCP"].name
        conflicts with "zeta-controller" using example.com/v1:
        - .spec.a""");
    assertThat(e.conflicts()).extracting(ApplyConflictException.Conflict::manager).containsExactly(
        "\"argocd\"", "\"argocd\"", "\"zeta-controller\" using example.com/v1");
    assertThat(e.status().get("code").asInt()).isEqualTo(409);
  }

  @Test
  void aStatusWriterIsNamedWithItsSubresource() {
    ObjectNode live = created("kubectl-create", "{\"replicas\":1}");
    ObjectNode withStatus = live.deepCopy();
    withStatus.set("status", json("{\"servedVersion\":\"v1\",\"observedGeneration\":1}"));
    ObjectNode v2 = fm.update(live, withStatus, "shield-operator", crd, Subresource.STATUS);

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class, () -> fm.apply(v2, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default"},
         "status":{"servedVersion":"v2"}}"""), "other-operator", false, crd, Subresource.STATUS));

    assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"shield-operator\""
        + " with subresource \"status\" using example.com/v1: .status.servedVersion");
  }

  @Test
  void equalValuesAreSharedWithoutConflict() throws Exception {
    ObjectNode live = created("kubectl-create", "{\"replicas\":3,\"image\":\"lmi:1\"}");

    ObjectNode v2 = apply(live, "kubectl", false, "{\"replicas\":3}");

    assertThat(v2.get("spec")).isEqualTo(live.get("spec"));
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:replicas\":{}}}"));
    assertThat(SsaFixtures.fieldsV1(v2, "kubectl-create", "Update")).isEqualTo(json("""
        {"f:spec":{".":{},"f:image":{},"f:replicas":{}}}"""));
  }

  @Test
  void forceTakesTheConflictingFieldsFromTheirOwners() throws Exception {
    ObjectNode live = created("op", "{\"a\":\"1\",\"b\":\"1\"}");

    ObjectNode v2 = apply(live, "kubectl", true, "{\"a\":\"2\"}");

    assertThat(v2.get("spec")).isEqualTo(json("{\"a\":\"2\",\"b\":\"1\"}"));
    assertThat(v2.at("/metadata/managedFields")).isEqualTo(json("""
        {"m":[{"manager":"kubectl","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:05Z",
               "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:a":{}}}},
              {"manager":"op","operation":"Update","apiVersion":"example.com/v1","time":"2025-01-01T10:00:00Z",
               "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{".":{},"f:b":{}}}}]}""").get("m"));
  }

  @Test
  void forceDropsAManagerLeftWithNothing() throws Exception {
    ObjectNode live = created("op", "{\"a\":\"1\"}");
    ObjectNode edited = live.deepCopy();
    ((ObjectNode) edited.get("spec")).put("b", "1");
    clock.advance(Duration.ofSeconds(1));
    ObjectNode v2 = fm.update(live, edited, "kubectl-edit", crd, Subresource.NONE);

    ObjectNode v3 = apply(v2, "kubectl", true, "{\"b\":\"2\"}");

    assertThat(SsaFixtures.entry(v3, "kubectl-edit", "Update")).isNull();
    assertThat(SsaFixtures.fieldsV1(v3, "kubectl", "Apply")).isEqualTo(json("{\"f:spec\":{\"f:b\":{}}}"));
  }

  @Test
  void anApplierConflictsWithItsOwnEarlierUpdates() {
    ObjectNode live = created("kubectl", "{\"replicas\":1}");

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> apply(live, "kubectl", false, "{\"replicas\":2}"));

    assertThat(e.getMessage()).isEqualTo(
        "Apply failed with 1 conflict: conflict with \"kubectl\" using example.com/v1: .spec.replicas");
  }

  @Test
  void changingAnAtomicListSomeoneElseOwnsConflictsOnTheWholeList() {
    ObjectNode live = created("op", "{\"items\":[\"a\",\"b\"]}");

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> apply(live, "kubectl", false, "{\"items\":[\"a\"]}"));

    assertThat(e.conflicts()).extracting(ApplyConflictException.Conflict::field).containsExactly(".spec.items");
  }
}
