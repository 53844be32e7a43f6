package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operator applies its Deployment; the HPA controller scales it through plain updates. */
class HpaReplicasTest {
  private final SsaFixtures.TestClock clock = new SsaFixtures.TestClock("2025-01-01T10:00:00Z");
  private final FieldManager fm = new FieldManager(clock);
  private final ListTypes deployment = ListTypes.builtin("apps/v1", "Deployment");

  private static final String DESIRED_WITHOUT_REPLICAS = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"m-full-cloud","namespace":"default"},
       "spec":{"selector":{"matchLabels":{"app":"m"}},
         "template":{"metadata":{"labels":{"app":"m"}},
           "spec":{"containers":[{"name":"djl","image":"%s"}]}}}}""";

  private ObjectNode operatorApply(ObjectNode live, String image, boolean force) throws ApplyConflictException {
    clock.advance(Duration.ofSeconds(10));
    return fm.apply(live, json(DESIRED_WITHOUT_REPLICAS.formatted(image)), "shield-operator", force, deployment,
        Subresource.NONE);
  }

  private ObjectNode hpaScales(ObjectNode live, int replicas) {
    clock.advance(Duration.ofSeconds(10));
    ObjectNode scaled = live.deepCopy();
    ((ObjectNode) scaled.get("spec")).put("replicas", replicas);
    return fm.update(live, scaled, "kube-controller-manager", deployment, Subresource.NONE);
  }

  @Test
  void anApplyWithoutReplicasNeitherRemovesNorTakesTheHpaReplicas() throws Exception {
    ObjectNode v1 = operatorApply(null, "lmi:1", false);
    ObjectNode v2 = hpaScales(v1, 4);
    ObjectNode v3 = operatorApply(v2, "lmi:2", false);

    assertThat(v3.at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(v3.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("lmi:2");
    assertThat(v3.at("/metadata/managedFields")).isEqualTo(json("""
        {"m":[
          {"manager":"shield-operator","operation":"Apply","apiVersion":"apps/v1","time":"2025-01-01T10:00:30Z",
           "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:selector":{},"f:template":{
             "f:metadata":{"f:labels":{"f:app":{}}},
             "f:spec":{"f:containers":{"k:{\\"name\\":\\"djl\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}},
          {"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2025-01-01T10:00:20Z",
           "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}]}""").get("m"));
  }

  @Test
  void anApplyThatSetsOtherReplicasConflictsWithTheHpa() throws Exception {
    ObjectNode v2 = hpaScales(operatorApply(null, "lmi:1", false), 4);
    ObjectNode withReplicas = json(DESIRED_WITHOUT_REPLICAS.formatted("lmi:1"));
    ((ObjectNode) withReplicas.get("spec")).put("replicas", 2);

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> fm.apply(v2, withReplicas, "shield-operator", false, deployment, Subresource.NONE));

    assertThat(e.status()).isEqualTo(json("""
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
         "message":"Apply failed with 1 conflict: conflict with \\"kube-controller-manager\\" using apps/v1: .spec.replicas",
         "reason":"Conflict","details":{"causes":[{"reason":"FieldManagerConflict",
           "message":"conflict with \\"kube-controller-manager\\" using apps/v1","field":".spec.replicas"}]},"code":409}"""));
  }

  @Test
  void forceTakesReplicasAwayFromTheHpa() throws Exception {
    ObjectNode v2 = hpaScales(operatorApply(null, "lmi:1", false), 4);
    ObjectNode withReplicas = json(DESIRED_WITHOUT_REPLICAS.formatted("lmi:1"));
    ((ObjectNode) withReplicas.get("spec")).put("replicas", 2);

    ObjectNode v3 = fm.apply(v2, withReplicas, "shield-operator", true, deployment, Subresource.NONE);

    assertThat(v3.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(SsaFixtures.entry(v3, "kube-controller-manager", "Update")).isNull();
    assertThat(SsaFixtures.fieldsV1(v3, "shield-operator", "Apply").at("/f:spec/f:replicas")).isEqualTo(json("{}"));
  }

  @Test
  void anApplyWithTheHpaValueSharesReplicas() throws Exception {
    ObjectNode v2 = hpaScales(operatorApply(null, "lmi:1", false), 4);
    ObjectNode withReplicas = json(DESIRED_WITHOUT_REPLICAS.formatted("lmi:1"));
    ((ObjectNode) withReplicas.get("spec")).put("replicas", 4);

    ObjectNode v3 = fm.apply(v2, withReplicas, "shield-operator", false, deployment, Subresource.NONE);

    assertThat(SsaFixtures.fieldsV1(v3, "kube-controller-manager", "Update"))
        .isEqualTo(json("{\"f:spec\":{\"f:replicas\":{}}}"));
    assertThat(SsaFixtures.fieldsV1(v3, "shield-operator", "Apply").at("/f:spec/f:replicas")).isEqualTo(json("{}"));
  }

  @Test
  void theHorizontalPodAutoscalerManagerNameBehavesTheSame() throws Exception {
    ObjectNode v1 = operatorApply(null, "lmi:1", false);
    ObjectNode scaled = v1.deepCopy();
    ((ObjectNode) scaled.get("spec")).put("replicas", 6);
    ObjectNode v2 = fm.update(v1, scaled, "horizontal-pod-autoscaler", deployment, Subresource.NONE);
    ObjectNode withReplicas = json(DESIRED_WITHOUT_REPLICAS.formatted("lmi:1"));
    ((ObjectNode) withReplicas.get("spec")).put("replicas", 1);

    ApplyConflictException e = catchThrowableOfType(ApplyConflictException.class,
        () -> fm.apply(v2, withReplicas, "shield-operator", false, deployment, Subresource.NONE));
    ObjectNode v3 = operatorApply(v2, "lmi:1", false);

    assertThat(e.getMessage()).isEqualTo(
        "Apply failed with 1 conflict: conflict with \"horizontal-pod-autoscaler\" using apps/v1: .spec.replicas");
    assertThat(v3.at("/spec/replicas").asInt()).isEqualTo(6);
  }
}
