package io.cybershield.shield.operator.retrain;

/**
 * What the training Job of a run reported: where it wrote the new weights.
 *
 * @param uri     the new weights: {@code s3://}, {@code pvc://<claim>/<path>}, {@code hf://} or {@code oci://}
 * @param version the version the trainer chose for them, a valid label value; null when it left the choice to the
 *                operator
 */
public record TrainingResult(String uri, String version) {
}
