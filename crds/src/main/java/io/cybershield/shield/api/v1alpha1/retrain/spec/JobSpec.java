package io.cybershield.shield.api.v1alpha1.retrain.spec;

import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;

/**
 * The container of a Job of a run, which reports its result as one JSON object in its termination message. The
 * records that implement it ({@link TrainerSpec}, {@link ValidationSpec}) declare these properties as components,
 * with the same schema annotations: the CRD generator reads a record's own components.
 */
public interface JobSpec {

  /** Container image of the Job. */
  String image();

  /** Entrypoint of the container; the image's ENTRYPOINT when {@code null}. */
  List<String> command();

  /** Arguments to the entrypoint; the image's CMD when {@code null}. */
  List<String> args();

  /** Extra environment of the container. */
  List<EnvVar> env();

  /** GPUs of the Job's pod; {@code null} to run on CPUs. */
  GpuRequest gpu();

  /** CPU and memory requests and limits of the container. */
  ResourceRequirements resources();

  /** Longest the Job may run, as a Go duration; unlimited when {@code null}. */
  String timeout();
}
