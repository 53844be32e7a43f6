package io.cybershield.shield.operator.capacity;

import io.cybershield.shield.operator.metrics.ShieldMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cybershield.shield.operator.capacity.Fixtures.defaultNodes;
import static io.cybershield.shield.operator.capacity.Fixtures.desired;
import static io.cybershield.shield.operator.capacity.Fixtures.model;
import static io.cybershield.shield.operator.capacity.Fixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capacity plan as the GPU gauges report it: per model, pool and resource, summed over the variants, so two
 * variants on the same GPUs in one pool do not overwrite each other's figures (the ShieldGpuShortfall alert reads
 * them).
 */
class CapacityMetricsTest {

  private static final String GPU = "nvidia.com/gpu";

  @Test
  void twoVariantsOnTheSameGpusInOnePoolAreSummed() {
    // on premises: two DGX H100, 16 GPUs; full takes 4 x 2, lite asks 10 x 1 of the 8 left
    CapacityPlan plan = CapacityPlan.check(model(variant("full", 2, GPU, null), variant("lite", 1, GPU, null)),
        desired("full", 4, 0, "lite", 10, 0), GpuCapacity.of(defaultNodes(), List.of()), List.of());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    new ShieldMetrics(registry).gpus("soc", "threat-intel", plan);

    assertThat(registry.get("shield_model_gpus_desired").tags("namespace", "soc", "model", "threat-intel", "pool",
        "onprem", "resource", GPU).gauge().value()).isEqualTo(18.0);
    assertThat(registry.get("shield_model_gpu_shortfall").tags("namespace", "soc", "model", "threat-intel", "pool",
        "onprem", "resource", GPU).gauge().value()).isEqualTo(2.0);
    assertThat(registry.find("shield_model_gpu_shortfall").gauges()).hasSize(1);
  }
}
