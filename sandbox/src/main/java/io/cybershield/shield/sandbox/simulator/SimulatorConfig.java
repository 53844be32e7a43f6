package io.cybershield.shield.sandbox.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Timing knobs of the {@link ClusterSimulator}.
 *
 * @param podStartDelay        time from a pod being bound to a node until its containers run
 * @param readinessDelay       time from containers running until they are ready (added to scaled probe delays)
 * @param defaultJobDuration   run time of a {@code sandbox.local/job} container without {@code SANDBOX_DURATION}
 * @param probeDelayFactor     factor applied to {@code initialDelaySeconds} of startup/readiness probes (0 = ignore)
 * @param jobBackoff           delay before a Job replaces a failed pod (Kubernetes uses 10s doubling; 0 = none)
 * @param clock                clock used for every timestamp written
 */
public record SimulatorConfig(Duration podStartDelay, Duration readinessDelay, Duration defaultJobDuration,
                              double probeDelayFactor, Duration jobBackoff, Clock clock) {

  public SimulatorConfig {
    Objects.requireNonNull(podStartDelay, "podStartDelay");
    Objects.requireNonNull(readinessDelay, "readinessDelay");
    Objects.requireNonNull(defaultJobDuration, "defaultJobDuration");
    Objects.requireNonNull(jobBackoff, "jobBackoff");
    Objects.requireNonNull(clock, "clock");
    if (probeDelayFactor < 0) {
      throw new IllegalArgumentException("probeDelayFactor must be >= 0");
    }
  }

  /** Interactive defaults: pods start after 1s, become ready 1s later, jobs run 1s. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 0.0,
        Duration.ZERO, Clock.systemUTC());
  }

  /** Fast settings for tests: 50 ms delays everywhere. */
  public static SimulatorConfig fast() {
    return new SimulatorConfig(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50), 0.0,
        Duration.ZERO, Clock.systemUTC());
  }

  public SimulatorConfig withPodStartDelay(Duration d) {
    return new SimulatorConfig(d, readinessDelay, defaultJobDuration, probeDelayFactor, jobBackoff, clock);
  }

  public SimulatorConfig withReadinessDelay(Duration d) {
    return new SimulatorConfig(podStartDelay, d, defaultJobDuration, probeDelayFactor, jobBackoff, clock);
  }

  public SimulatorConfig withDefaultJobDuration(Duration d) {
    return new SimulatorConfig(podStartDelay, readinessDelay, d, probeDelayFactor, jobBackoff, clock);
  }

  public SimulatorConfig withProbeDelayFactor(double f) {
    return new SimulatorConfig(podStartDelay, readinessDelay, defaultJobDuration, f, jobBackoff, clock);
  }

  public SimulatorConfig withJobBackoff(Duration d) {
    return new SimulatorConfig(podStartDelay, readinessDelay, defaultJobDuration, probeDelayFactor, d, clock);
  }

  public SimulatorConfig withClock(Clock c) {
    return new SimulatorConfig(podStartDelay, readinessDelay, defaultJobDuration, probeDelayFactor, jobBackoff, c);
  }
}
