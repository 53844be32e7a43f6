package io.cybershield.shield.operator;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The operator's one clock, injected wherever a reconcile reads the time (condition transitions, incident expiry,
 * cooldowns, Events, latencies), so that tests run the same code against a fixed or stepped clock.
 */
@Singleton
public class OperatorClock {

  @Produces
  @Singleton
  public Clock clock() {
    return Clock.systemUTC();
  }
}
