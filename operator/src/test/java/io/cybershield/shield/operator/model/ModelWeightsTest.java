package io.cybershield.shield.operator.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelWeightsTest {

  @Test
  void s3IsDownloadedByDjlServing() {
    ModelWeights weights = ModelWeights.of("s3://models/threat-intel");

    assertThat(weights.modelId()).isEqualTo("s3://models/threat-intel");
    assertThat(weights.mountedVolume()).isEmpty();
    assertThat(weights.mount()).isEmpty();
  }

  @Test
  void huggingFaceIsTheHubId() {
    ModelWeights weights = ModelWeights.of("hf://TinyLlama/TinyLlama-1.1B-Chat-v1.0");

    assertThat(weights.modelId()).isEqualTo("TinyLlama/TinyLlama-1.1B-Chat-v1.0");
    assertThat(weights.mountedVolume()).isEmpty();
  }

  @Test
  void pvcIsMountedReadOnlyAndThePathIsBelowTheMount() {
    ModelWeights weights = ModelWeights.of("pvc://model-store/forensics/v3");

    assertThat(weights.modelId()).isEqualTo("/opt/ml/model/forensics/v3");
    assertThat(weights.volume().getName()).isEqualTo("model");
    assertThat(weights.volume().getPersistentVolumeClaim().getClaimName()).isEqualTo("model-store");
    assertThat(weights.volume().getPersistentVolumeClaim().getReadOnly()).isTrue();
    assertThat(weights.mount()).hasValueSatisfying(mount -> {
      assertThat(mount.getMountPath()).isEqualTo("/opt/ml/model");
      assertThat(mount.getReadOnly()).isTrue();
      assertThat(mount.getSubPath()).isNull();
    });
  }

  @Test
  void pvcPathSlashesAreTrimmed() {
    assertThat(ModelWeights.of("pvc://store/a/b/").modelId()).isEqualTo("/opt/ml/model/a/b");
    assertThat(ModelWeights.of("pvc://store/").modelId()).isEqualTo("/opt/ml/model");
    assertThat(ModelWeights.of("pvc://store").modelId()).isEqualTo("/opt/ml/model");
  }

  @Test
  void ociIsAnImageVolume() {
    ModelWeights weights = ModelWeights.of("oci://registry.example/shield/weights@sha256:abc");

    assertThat(weights.modelId()).isEqualTo("/opt/ml/model");
    assertThat(weights.volume().getImage().getReference()).isEqualTo("registry.example/shield/weights@sha256:abc");
    assertThat(weights.mount()).hasValueSatisfying(mount -> assertThat(mount.getReadOnly()).isTrue());
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> ModelWeights.of("gs://bucket/model")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gs://bucket/model");
    assertThatThrownBy(() -> ModelWeights.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelWeights.of("pvc:///path")).isInstanceOf(IllegalArgumentException.class);
  }
}
