package io.cybershield.shield.operator;

import io.cybershield.shield.operator.model.ModelGateway;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway every ShieldModel gets, from the operator's configuration: {@code shield.gateway.image}
 * ({@code SHIELD_GATEWAY_IMAGE}) and {@code shield.gateway.replicas} ({@code SHIELD_GATEWAY_REPLICAS}).
 */
@Singleton
public class GatewaySettings {

  @Produces
  @Singleton
  public ModelGateway.Settings settings(
      @ConfigProperty(name = "shield.gateway.image", defaultValue = ModelGateway.Settings.DEFAULT_IMAGE) String image,
      @ConfigProperty(name = "shield.gateway.replicas", defaultValue = "2") int replicas) {
    return new ModelGateway.Settings(image, replicas);
  }
}
