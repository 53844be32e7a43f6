package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Quantization;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpec;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpecBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of the DJL Serving container (see shared/djl-serving-contract.md): the weights, the runtime settings
 * as {@code OPTION_*}, metrics, timeouts, and the writable paths a read-only root filesystem needs. The order is fixed
 * (free options sorted by name) so that the same spec always renders the same pod template.
 */
public final class DjlServingEnvironment {

  /** Seconds DJL Serving waits for a model to load; equal to the startup probe's budget. */
  public static final int MODEL_LOADING_TIMEOUT_SECONDS = ModelServerPodTemplates.STARTUP_BUDGET_SECONDS;
  /** Home of the image's {@code djl} user; an emptyDir, because Python libraries write caches under it. */
  public static final String HOME = "/home/djl";
  /** DJL's cache: downloaded s3:// and hf:// weights and compiled artefacts. */
  public static final String DJL_CACHE_DIR = "/tmp/.djl.ai";

  private DjlServingEnvironment() {
  }

  /** The container environment of a variant whose weights resolve to {@code weights}. */
  public static List<EnvVar> env(ShieldModel model, ServedVariant variant, ModelWeights weights) {
    RuntimeSpec runtime = model.getSpec().runtime() == null ? new RuntimeSpecBuilder().build()
        : model.getSpec().runtime();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HF_MODEL_ID", weights.modelId());
    env.put("SHIELD_MODEL_VERSION", model.getSpec().model().version());
    if (variant.usesGpu()) {
      // On CPU the degree means nothing and only risks DJL looking for GPUs to shard over.
      env.put("TENSOR_PARALLEL_DEGREE", Integer.toString(variant.tensorParallelDegree()));
    }
    if (runtime.dtype() != null) {
      env.put("OPTION_DTYPE", ApiEnums.value(runtime.dtype()));
    }
    if (runtime.maxModelLen() != null) {
      env.put("OPTION_MAX_MODEL_LEN", runtime.maxModelLen().toString());
    }
    if (runtime.rollingBatch() != null) {
      env.put("OPTION_ROLLING_BATCH", ApiEnums.value(runtime.rollingBatch()));
    }
    if (quantizesAtLoadTime(variant.quantize())) {
      env.put("OPTION_QUANTIZE", ApiEnums.value(variant.quantize()));
    }
    env.put("SERVING_PROMETHEUS", "true");
    env.put("MODEL_LOADING_TIMEOUT", Integer.toString(MODEL_LOADING_TIMEOUT_SECONDS));
    env.put("DJL_CACHE_DIR", DJL_CACHE_DIR);
    env.put("HOME", HOME);
    if (runtime.options() != null) {
      // The fields above win: the CRD refuses options that repeat them, this keeps the names unique regardless.
      new TreeMap<>(runtime.options()).forEach((key, value) -> env.putIfAbsent(optionVariable(key), value));
    }
    List<EnvVar> vars = new ArrayList<>(env.size());
    env.forEach((name, value) -> vars.add(new EnvVarBuilder().withName(name).withValue(value).build()));
    return vars;
  }

  /** {@code max_rolling_batch_size} → {@code OPTION_MAX_ROLLING_BATCH_SIZE}; DJL Serving lower-cases it back. */
  public static String optionVariable(String option) {
    return "OPTION_" + option.toUpperCase(Locale.ROOT);
  }

  /**
   * Only fp8 and bitsandbytes quantize while loading. AWQ and GPTQ describe weights that are already quantized: vLLM
   * reads the method from the checkpoint's own config, and forcing {@code option.quantize=awq} would even pin the
   * slower AWQ kernel instead of the Marlin one vLLM picks by itself. So those render no {@code OPTION_QUANTIZE}.
   */
  static boolean quantizesAtLoadTime(Quantization quantize) {
    return quantize == Quantization.FP8 || quantize == Quantization.BITSANDBYTES;
  }
}
