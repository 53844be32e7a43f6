package io.cybershield.shield.operator.model;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import java.util.Optional;

/**
 * Where DJL Serving finds the weights of a storage uri: the {@code HF_MODEL_ID} it is given, and the volume the
 * weights are mounted from when they are not downloaded.
 * <ul>
 * <li>{@code s3://bucket/key}: DJL Serving downloads it itself; {@code HF_MODEL_ID} is the uri.</li>
 * <li>{@code hf://org/model}: a Hugging Face Hub id; {@code HF_MODEL_ID} is {@code org/model}.</li>
 * <li>{@code pvc://claim/path}: the claim is mounted read-only at {@value #MOUNT_PATH};
 * {@code HF_MODEL_ID} is {@code /opt/ml/model/path}.</li>
 * <li>{@code oci://reference}: an image volume (Kubernetes 1.31+, always read-only) at {@value #MOUNT_PATH};
 * {@code HF_MODEL_ID} is {@value #MOUNT_PATH}.</li>
 * </ul>
 *
 * @param modelId the value of {@code HF_MODEL_ID}
 * @param volume the volume holding the weights, or {@code null} when DJL Serving downloads them
 */
public record ModelWeights(String modelId, Volume volume) {

  /** Where DJL Serving expects local model files. */
  public static final String MOUNT_PATH = "/opt/ml/model";
  /** Name of the pod volume holding the weights. */
  public static final String VOLUME_NAME = "model";

  private static final String S3 = "s3://";
  private static final String HF = "hf://";
  private static final String PVC = "pvc://";
  private static final String OCI = "oci://";

  /** Resolves a storage uri as the CRD accepts it. */
  public static ModelWeights of(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("the model has no uri");
    }
    if (uri.startsWith(S3)) {
      return new ModelWeights(uri, null);
    }
    if (uri.startsWith(HF)) {
      return new ModelWeights(uri.substring(HF.length()), null);
    }
    if (uri.startsWith(PVC)) {
      String rest = uri.substring(PVC.length());
      int slash = rest.indexOf('/');
      String claim = slash < 0 ? rest : rest.substring(0, slash);
      String path = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
      if (claim.isEmpty()) {
        throw new IllegalArgumentException("pvc:// uri without a claim: " + uri);
      }
      Volume volume = new VolumeBuilder().withName(VOLUME_NAME)
          .withNewPersistentVolumeClaim().withClaimName(claim).withReadOnly(true).endPersistentVolumeClaim()
          .build();
      return new ModelWeights(path.isEmpty() ? MOUNT_PATH : MOUNT_PATH + "/" + path, volume);
    }
    if (uri.startsWith(OCI)) {
      String reference = uri.substring(OCI.length());
      if (reference.isEmpty()) {
        throw new IllegalArgumentException("oci:// uri without a reference: " + uri);
      }
      Volume volume = new VolumeBuilder().withName(VOLUME_NAME)
          .withNewImage().withReference(reference).endImage()
          .build();
      return new ModelWeights(MOUNT_PATH, volume);
    }
    throw new IllegalArgumentException("unsupported model uri " + uri + ": expected s3://, hf://, pvc:// or oci://");
  }

  /** The volume, when the weights are mounted. */
  public Optional<Volume> mountedVolume() {
    return Optional.ofNullable(volume);
  }

  /** The read-only mount of {@link #volume()}, when there is one. */
  public Optional<VolumeMount> mount() {
    return mountedVolume().map(v -> new VolumeMountBuilder()
        .withName(VOLUME_NAME).withMountPath(MOUNT_PATH).withReadOnly(true).build());
  }

  private static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }
}
