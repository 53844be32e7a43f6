package io.cybershield.shield.operator;

import io.cybershield.shield.operator.reconciler.WakeReconciler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The wake controller's settings, from the operator's configuration: {@code shield.wake.poll-interval}
 * ({@code SHIELD_WAKE_POLL_INTERVAL}, 15s), how often a model with a parked pool has its gateways read;
 * {@code shield.wake.hold} ({@code SHIELD_WAKE_HOLD}, 5m), how long a sign of excess work keeps the pool awake; and
 * {@code shield.wake.timeout} ({@code SHIELD_WAKE_TIMEOUT}, 2s), how long one gateway may take to answer.
 */
@Singleton
public class WakeSettings {

  @Produces
  @Singleton
  public WakeReconciler.Settings settings(
      @ConfigProperty(name = "shield.wake.poll-interval",
          defaultValue = WakeReconciler.Settings.DEFAULT_POLL_INTERVAL) Duration pollInterval,
      @ConfigProperty(name = "shield.wake.hold", defaultValue = WakeReconciler.Settings.DEFAULT_HOLD) Duration hold,
      @ConfigProperty(name = "shield.wake.timeout", defaultValue = WakeReconciler.Settings.DEFAULT_TIMEOUT)
      Duration timeout) {
    return new WakeReconciler.Settings(pollInterval, hold, timeout);
  }
}
