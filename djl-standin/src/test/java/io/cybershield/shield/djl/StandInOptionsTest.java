package io.cybershield.shield.djl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandInOptionsTest {

  @Test
  void theDefaults() {
    StandInOptions options = StandInOptions.defaults();

    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isZero();
    assertThat(options.modelName()).isEqualTo("model");
    assertThat(options.loadingTime()).isZero();
    assertThat(options.prometheus()).isFalse();
    assertThat(options.chunkedReadTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(options.modelLoadingTimeout()).isEqualTo(Duration.ofSeconds(1200));
    assertThat(options.tokensPerRequest()).isEqualTo(100);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "meta-llama/Llama-3.1-8B-Instruct, meta_llama_Llama_3_1_8B_Instruct, meta-llama/Llama-3.1-8B-Instruct",
      "s3://models-bucket/threat-intel/v7/, v7, s3://models-bucket/threat-intel/v7/",
      "s3://models-bucket/soc/llama-v7.tar.gz, llama_v7, s3://models-bucket/soc/llama-v7.tar.gz",
      "/opt/ml/model, model, file:/opt/ml/model/",
      "/mnt/models/forensics-2026.11/, forensics_2026_11, file:/mnt/models/forensics-2026.11/"})
  void theModelIsNamedAsDjlServingNamesHfModelId(String modelId, String name, String url) {
    StandInOptions options = StandInOptions.fromEnvironment(Map.of("HF_MODEL_ID", modelId), "127.0.3.7", 8080);

    assertThat(options.modelName()).isEqualTo(name);
    assertThat(options.modelUrl()).isEqualTo(url);
    assertThat(options.host()).isEqualTo("127.0.3.7");
    assertThat(options.port()).isEqualTo(8080);
  }

  @Test
  void servingAndSandboxKnobsAreRead() {
    StandInOptions options = StandInOptions.fromEnvironment(Map.of(
        "SERVING_PROMETHEUS", "true",
        "SERVING_CHUNKED_READ_TIMEOUT", "5",
        "MODEL_LOADING_TIMEOUT", "600",
        "HOSTNAME", "threat-intel-gpu-onprem-7f9c-abcde",
        "SANDBOX_LOADING_TIME", "2m30s",
        "SANDBOX_FAILED_LOAD", "true",
        "SANDBOX_TOKENS_PER_REQUEST", "12",
        "SANDBOX_FIRST_TOKEN_DELAY", "250ms",
        "SANDBOX_TOKEN_DELAY", "0.02",
        "SANDBOX_GPU_MEMORY_BYTES", "85899345920"), "127.0.0.1", 0);

    assertThat(options.prometheus()).isTrue();
    assertThat(options.chunkedReadTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.modelLoadingTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(options.hostname()).isEqualTo("threat-intel-gpu-onprem-7f9c-abcde");
    assertThat(options.loadingTime()).isEqualTo(Duration.ofSeconds(150));
    assertThat(options.failedLoad()).isTrue();
    assertThat(options.tokensPerRequest()).isEqualTo(12);
    assertThat(options.firstTokenDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(options.tokenDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(options.gpuMemoryBytes()).isEqualTo(85_899_345_920L);
  }

  @Test
  void anEmptyEnvironmentIsTheDefaults() {
    assertThat(StandInOptions.fromEnvironment(Map.of(), "127.0.0.1", 0)).isEqualTo(StandInOptions.defaults());
  }

  @Test
  void anUnreadableValueNamesItsVariable() {
    assertThatThrownBy(() -> StandInOptions.fromEnvironment(Map.of("SANDBOX_TOKEN_DELAY", "soon"), "127.0.0.1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SANDBOX_TOKEN_DELAY=soon");
    assertThatThrownBy(() -> StandInOptions.fromEnvironment(Map.of("SANDBOX_TOKENS_PER_REQUEST", "0"), "127.0.0.1",
        0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokensPerRequest");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"90, 90000", "1.5s, 1500", "2m30s, 150000", "500ms, 500", "1h, 3600000", "0, 0"})
  void durationsReadGoNotationOrSeconds(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void builderRoundTrips() {
    StandInOptions options = StandInOptions.builder().host("127.0.3.7").port(8080).modelName("m").prometheus(true)
        .build();

    assertThat(options.toBuilder().build()).isEqualTo(options);
  }
}
