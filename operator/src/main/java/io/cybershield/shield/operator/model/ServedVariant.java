package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Quantization;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpec;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpecBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;

/**
 * The settings a variant is served with once the variant's own fields, {@code spec.runtime} and the defaults are
 * resolved.
 *
 * @param name variant name
 * @param uri weights: the variant's uri, else {@code spec.model.uri}
 * @param gpuResource extended resource of the GPUs, {@code null} for a CPU-only variant
 * @param gpuCount GPUs (or MIG slices) per pod, 0 for a CPU-only variant
 * @param gpuProduct required value of the node label {@code nvidia.com/gpu.product}, or {@code null}
 * @param tensorParallelDegree shards per replica, 1 for a CPU-only variant
 * @param quantize quantization of the weights, or {@code null}
 * @param image the DJL Serving image
 */
public record ServedVariant(String name, String uri, String gpuResource, int gpuCount, String gpuProduct,
    int tensorParallelDegree, Quantization quantize, String image) {

  /** The LMI (GPU, vLLM) image, the default. */
  public static final String LMI_IMAGE = RuntimeSpec.DEFAULT_IMAGE;
  /** The CPU image of the same DJL Serving release, for CPU-only variants. */
  public static final String CPU_IMAGE = "deepjavalibrary/djl-serving:0.36.0-cpu";
  /** Prefix of the extended resources of MIG slices. */
  static final String MIG_RESOURCE_PREFIX = "nvidia.com/mig-";

  /** Resolves a variant of the model. */
  public static ServedVariant of(ShieldModel model, Variant variant) {
    RuntimeSpec runtime = model.getSpec().runtime() == null ? new RuntimeSpecBuilder().build()
        : model.getSpec().runtime();
    GpuRequest gpu = variant.gpu();
    boolean hasGpu = gpu != null && gpu.count() != null && gpu.count() > 0;
    String uri = variant.uri() != null ? variant.uri() : model.getSpec().model().uri();
    String resource = hasGpu ? (gpu.resource() == null ? GpuRequest.NVIDIA_GPU : gpu.resource()) : null;
    int count = hasGpu ? gpu.count() : 0;
    Quantization quantize = variant.quantize() != null ? variant.quantize() : runtime.quantize();
    return new ServedVariant(variant.name(), uri, resource, count, hasGpu ? gpu.product() : null,
        tensorParallelDegree(variant, runtime, resource, count), quantize, image(runtime, hasGpu));
  }

  /** Whether the resource is a MIG slice ({@code nvidia.com/mig-<N>g.<M>gb}) rather than a whole GPU. */
  static boolean isMig(String gpuResource) {
    return gpuResource != null && gpuResource.startsWith(MIG_RESOURCE_PREFIX);
  }

  /** Whether the variant runs on GPUs. */
  public boolean usesGpu() {
    return gpuCount > 0;
  }

  /**
   * The variant's own degree, else the runtime's capped at the GPU count (the CRD's documented default), else 1. A
   * variant on MIG slices defaults to 1: a CUDA process sees a single MIG instance, so a model cannot be sharded over
   * several slices; only an explicit variant degree overrides that.
   */
  private static int tensorParallelDegree(Variant variant, RuntimeSpec runtime, String gpuResource, int gpuCount) {
    if (gpuCount == 0) {
      return 1;
    }
    if (variant.tensorParallelDegree() != null) {
      return Math.max(1, variant.tensorParallelDegree());
    }
    if (isMig(gpuResource)) {
      return 1;
    }
    int runtimeDegree = runtime.tensorParallelDegree() == null ? 1 : runtime.tensorParallelDegree();
    return Math.max(1, Math.min(runtimeDegree, gpuCount));
  }

  /**
   * The runtime's image; a CPU-only variant gets the CPU image instead of the default LMI image. The API server fills
   * in the default image, so "the default" and "not set" cannot be told apart and are treated alike: an image the
   * user chose is always kept.
   */
  private static String image(RuntimeSpec runtime, boolean hasGpu) {
    String image = runtime.image();
    if (image == null || image.equals(LMI_IMAGE)) {
      return hasGpu ? LMI_IMAGE : CPU_IMAGE;
    }
    return image;
  }
}
