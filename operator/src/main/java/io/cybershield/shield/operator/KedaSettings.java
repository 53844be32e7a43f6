package io.cybershield.shield.operator;

import io.cybershield.shield.operator.model.ModelScaledObjects;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The KEDA ScaledObjects' settings, from the operator's configuration: {@code shield.keda.prometheus-url}
 * ({@code SHIELD_KEDA_PROMETHEUS_URL}), the Prometheus their triggers query for the gateways' metrics. Used only where
 * KEDA is installed.
 */
@Singleton
public class KedaSettings {

  @Produces
  @Singleton
  public ModelScaledObjects.Settings settings(
      @ConfigProperty(name = "shield.keda.prometheus-url",
          defaultValue = ModelScaledObjects.Settings.DEFAULT_PROMETHEUS_URL) String prometheusUrl) {
    return new ModelScaledObjects.Settings(prometheusUrl);
  }
}
