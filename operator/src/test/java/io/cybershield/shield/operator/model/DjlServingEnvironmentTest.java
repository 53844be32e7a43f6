package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Quantization;
import io.cybershield.shield.operator.ModelEdits;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DjlServingEnvironmentTest {

  @Test
  void fullVariantOfTheDesignExample() {
    Map<String, String> env = env(ModelFixtures.threatIntel(), "full");

    assertThat(env).containsExactly(
        entry("HF_MODEL_ID", "s3://models/threat-intel"),
        entry("SHIELD_MODEL_VERSION", "v7"),
        entry("TENSOR_PARALLEL_DEGREE", "2"),
        entry("OPTION_DTYPE", "fp16"),
        entry("OPTION_MAX_MODEL_LEN", "8192"),
        entry("SERVING_PROMETHEUS", "true"),
        entry("MODEL_LOADING_TIMEOUT", "1800"),
        entry("DJL_CACHE_DIR", "/tmp/.djl.ai"),
        entry("HOME", "/home/djl"),
        entry("OPTION_MAX_ROLLING_BATCH_SIZE", "64"));
  }

  @Test
  void liteVariantServesItsOwnPreQuantizedWeightsOnOneSlice() {
    Map<String, String> env = env(ModelFixtures.threatIntel(), "lite");

    assertThat(env)
        .containsEntry("HF_MODEL_ID", "s3://models/threat-intel-lite")
        .containsEntry("TENSOR_PARALLEL_DEGREE", "1")
        .containsEntry("OPTION_DTYPE", "fp16")
        .doesNotContainKey("OPTION_QUANTIZE");
  }

  @Test
  void loadTimeQuantizationRollingBatchAndOptions() {
    Map<String, String> env = env(ModelFixtures.ociCloud(), "full");

    assertThat(env)
        .containsEntry("HF_MODEL_ID", "/opt/ml/model")
        .containsEntry("TENSOR_PARALLEL_DEGREE", "4")
        .containsEntry("OPTION_DTYPE", "bf16")
        .containsEntry("OPTION_ROLLING_BATCH", "vllm")
        .containsEntry("OPTION_QUANTIZE", "fp8")
        .containsEntry("OPTION_GPU_MEMORY_UTILIZATION", "0.9")
        .containsEntry("OPTION_ENABLE_LORA", "true")
        .doesNotContainKey("OPTION_MAX_MODEL_LEN");
  }

  @Test
  void optionsAreRenderedInNameOrder() {
    List<String> names = DjlServingEnvironment.env(ModelFixtures.ociCloud(),
            ServedVariant.of(ModelFixtures.ociCloud(), ModelFixtures.variant(ModelFixtures.ociCloud(), "full")),
            ModelWeights.of("s3://b/k")).stream()
        .map(EnvVar::getName).filter(n -> n.startsWith("OPTION_") && !n.equals("OPTION_DTYPE")
            && !n.equals("OPTION_ROLLING_BATCH") && !n.equals("OPTION_QUANTIZE"))
        .toList();

    assertThat(names).containsExactly("OPTION_ENABLE_LORA", "OPTION_GPU_MEMORY_UTILIZATION");
  }

  @Test
  void cpuVariantHasNoTensorParallelism() {
    Map<String, String> env = env(ModelFixtures.cpuSmall(), "cpu");

    assertThat(env)
        .containsEntry("HF_MODEL_ID", "TinyLlama/TinyLlama-1.1B-Chat-v1.0")
        .containsEntry("SHIELD_MODEL_VERSION", "v1")
        .containsEntry("OPTION_ROLLING_BATCH", "disable")
        .containsEntry("OPTION_MAX_MODEL_LEN", "2048")
        .containsEntry("SERVING_PROMETHEUS", "true")
        .doesNotContainKey("TENSOR_PARALLEL_DEGREE");
  }

  @Test
  void omittedRuntimeRendersTheBasics() {
    Map<String, String> env = env(ModelFixtures.restricted(), "full");

    assertThat(env).containsOnlyKeys("HF_MODEL_ID", "SHIELD_MODEL_VERSION", "TENSOR_PARALLEL_DEGREE",
        "SERVING_PROMETHEUS", "MODEL_LOADING_TIMEOUT", "DJL_CACHE_DIR", "HOME");
    assertThat(env).containsEntry("TENSOR_PARALLEL_DEGREE", "1");
  }

  @Test
  void variantQuantizationOverridesTheRuntimes() {
    ShieldModel model = ModelFixtures.ociCloud();
    ModelEdits.editVariant(model, "full", variant -> variant.withQuantize(Quantization.AWQ));
    assertThat(env(model, "full")).doesNotContainKey("OPTION_QUANTIZE");

    ModelEdits.editSpec(model, spec -> spec.editRuntime().withQuantize(Quantization.GPTQ).endRuntime());
    ModelEdits.editVariant(model, "full", variant -> variant.withQuantize(Quantization.BITSANDBYTES));
    assertThat(env(model, "full")).containsEntry("OPTION_QUANTIZE", "bitsandbytes");

    ModelEdits.editVariant(model, "full", variant -> variant.withQuantize(null));
    assertThat(env(model, "full")).doesNotContainKey("OPTION_QUANTIZE");
  }

  @Test
  void variantTensorParallelDegreeOverridesTheRuntimes() {
    ShieldModel model = ModelFixtures.ociCloud();
    ModelEdits.editVariant(model, "full", variant -> variant.withTensorParallelDegree(2));

    assertThat(env(model, "full")).containsEntry("TENSOR_PARALLEL_DEGREE", "2");
  }

  @Test
  void runtimeDegreeIsCappedAtTheGpuCount() {
    ShieldModel model = ModelFixtures.ociCloud();
    ModelEdits.editVariant(model, "full", variant -> variant.editGpu().withCount(2).endGpu());

    assertThat(env(model, "full")).containsEntry("TENSOR_PARALLEL_DEGREE", "2");
  }

  @Test
  void dedicatedFieldsWinOverARepeatedOption() {
    ShieldModel model = ModelFixtures.threatIntel();
    Map<String, String> options = new LinkedHashMap<>(model.getSpec().runtime().options());
    options.put("dtype", "fp32");
    ModelEdits.editSpec(model, spec -> spec.editRuntime().withOptions(options).endRuntime());

    List<EnvVar> env = DjlServingEnvironment.env(model,
        ServedVariant.of(model, ModelFixtures.variant(model, "full")), ModelWeights.of("s3://b/k"));

    assertThat(env).extracting(EnvVar::getName).doesNotHaveDuplicates();
    assertThat(env(model, "full")).containsEntry("OPTION_DTYPE", "fp16");
  }

  @Test
  void optionNamesAreUpperCased() {
    assertThat(DjlServingEnvironment.optionVariable("max_rolling_batch_size"))
        .isEqualTo("OPTION_MAX_ROLLING_BATCH_SIZE");
    assertThat(DjlServingEnvironment.optionVariable("entryPoint")).isEqualTo("OPTION_ENTRYPOINT");
  }

  private static Map<String, String> env(ShieldModel model, String variant) {
    Map<String, String> env = new LinkedHashMap<>();
    ModelServerPodTemplatesTest.container(model, variant,
            io.cybershield.shield.api.v1alpha1.common.Pool.ONPREM).getEnv()
        .forEach(e -> {
          assertThat(env).doesNotContainKey(e.getName());
          assertThat(e.getValueFrom()).isNull();
          env.put(e.getName(), e.getValue());
        });
    return env;
  }
}
