package io.cybershield.shield.api.crd;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.SimpleType;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The string rules (cron, storage URIs, GPU resources) accept what they should and nothing else. */
class CelRuleBehaviourTest {

  @ParameterizedTest
  @ValueSource(strings = { "0 2 1 1,7 *", "*/15 * * * *", "0 0 * * MON-FRI", "30 3 1-15/2 jan,jul ?", "0 0 29 feb *",
      "5,35 0-6/2 * * 0", "0 12 * * 7", "59 23 31 12 sun", "0 0 1 */3 *", "@yearly", "@annually", "@monthly",
      "@weekly", "@daily", "@midnight", "@hourly", "0  2 1 1,7 *" })
  void cronAccepts(String schedule) throws Exception {
    assertThat(evaluate("ShieldRetrain", "spec.schedule", schedule)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = { "", "0 2 1 1,7", "0 0 * * * *", "60 * * * *", "0 24 * * *", "* * 32 * *", "* * 0 * *",
      "* * * 13 *", "* * * * 8", "@every 5m", "@reboot", "TZ=UTC 0 0 * * *", "0 0 * * mon-", "0 0 * * monday",
      "* * * * * ", " * * * * *", "0 0 ? * *x" })
  void cronRefuses(String schedule) throws Exception {
    assertThat(evaluate("ShieldRetrain", "spec.schedule", schedule)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = { "s3://models/threat-intel", "s3://models", "s3://my.bucket-1/a/b/c.safetensors",
      "pvc://model-store/forensics/v3", "pvc://claim/weights", "hf://EleutherAI/gpt-neox-20b", "hf://gpt2",
      "hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0", "oci://registry.example/shield/models:v7",
      "oci://registry.example/models@sha256:abc" })
  void storageUriAccepts(String uri) throws Exception {
    assertThat(evaluate("ShieldModel", "spec.model.uri", uri)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = { "", "https://models.example/m", "/models/threat-intel", "s3://", "s3://Models/x",
      "pvc://model-store", "pvc://model-store/", "pvc:///weights", "hf://", "hf://org/name/extra", "oci://",
      "file:///models", "s3://models/threat intel" })
  void storageUriRefuses(String uri) throws Exception {
    assertThat(evaluate("ShieldModel", "spec.model.uri", uri)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = { "nvidia.com/gpu", "nvidia.com/mig-3g.40gb", "nvidia.com/mig-1g.10gb",
      "nvidia.com/mig-7g.80gb" })
  void gpuResourceAccepts(String resource) throws Exception {
    assertThat(evaluate("ShieldModel", "spec.variants[*].gpu.resource", resource)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = { "amd.com/gpu", "nvidia.com/gpus", "nvidia.com/mig-3g", "nvidia.com/mig-3g.40GB",
      "nvidia.com/mig-g.40gb", "gpu" })
  void gpuResourceRefuses(String resource) throws Exception {
    assertThat(evaluate("ShieldModel", "spec.variants[*].gpu.resource", resource)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = { "1s", "5m", "90s", "1h", "59m59s", "0.5h", "1000ms" })
  void siemWebhookClockSkewAccepts(String skew) throws Exception {
    assertThat(evaluate("ShieldModel", "spec.access.siemWebhook.maxClockSkew", skew)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = { "999ms", "0s", "1h1s", "2h", "24h", "1ns" })
  void siemWebhookClockSkewRefuses(String skew) throws Exception {
    assertThat(evaluate("ShieldModel", "spec.access.siemWebhook.maxClockSkew", skew)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(booleans = { true, false })
  void resolvedIncidentsStayResolved(boolean reopened) throws Exception {
    ValidationRule rule = onlyRule("ShieldIncident", "spec.resolved");
    Cel cel = CelFactory.standardCelBuilder().addVar("self", SimpleType.BOOL).addVar("oldSelf", SimpleType.BOOL)
        .build();

    Object result = cel.createProgram(cel.compile(rule.getRule()).getAst())
        .eval(Map.of("self", !reopened, "oldSelf", true));

    assertThat(result).isEqualTo(!reopened);
    assertThat(cel.createProgram(cel.compile(rule.getRule()).getAst()).eval(Map.of("self", true, "oldSelf", false)))
        .isEqualTo(true);
  }

  private static boolean evaluate(String kind, String path, String value) throws Exception {
    ValidationRule rule = onlyRule(kind, path);
    Cel cel = AdmissionCheck.CEL;
    return (Boolean) cel.createProgram(cel.compile(rule.getRule()).getAst()).eval(Map.of("self", value));
  }

  private static ValidationRule onlyRule(String kind, String path) {
    List<ValidationRule> rules = SchemaNodes.at(kind, path).getXKubernetesValidations();
    assertThat(rules).as("rules at %s", path).hasSize(1);
    return rules.get(0);
  }
}
