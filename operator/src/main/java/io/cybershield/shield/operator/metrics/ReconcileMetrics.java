package io.cybershield.shield.operator.metrics;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * JOSDK's Micrometer metrics (reconciliations started, succeeded, failed and retried, their durations, queue size
 * and the number of resources, per controller) on the operator's Prometheus registry. quarkus-operator-sdk only
 * offers them as a default bean that a no-op default competes with, so the operator produces them explicitly.
 */
@Singleton
public class ReconcileMetrics {

  @Produces
  @Singleton
  public Metrics reconcileMetrics(MeterRegistry registry) {
    return MicrometerMetricsV2.newBuilder(registry).build();
  }
}
