package io.cybershield.shield.sandbox.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether and what the sandbox runs for real. {@link #disabled()} (what tests and the operator's tests get unless
 * they ask) runs nothing: every container is only simulated. {@link #standard(Path)} (what {@code bin/shield-sandbox}
 * runs) serves DJL Serving pods with {@link DjlServingLauncher stand-ins} and runs the Shield gateway image as a
 * process of the given jar.
 *
 * @param enabled   whether a {@link PodRuntime} runs at all
 * @param launchers the launchers, the first that handles a container's image runs it
 * @param logLines  how many lines each container's log keeps
 */
public record RuntimeConfig(boolean enabled, List<Launcher> launchers, int logLines) {

  /** The repository of the Shield gateway image the operator deploys (any tag). */
  public static final String GATEWAY_REPOSITORY = "ghcr.io/cybershield/shield-inference-runtime";
  /** The gateway's jar in a built checkout, relative to the project's root. */
  public static final Path DEFAULT_GATEWAY_JAR = Path.of("inference-runtime", "target", "quarkus-app",
      "quarkus-run.jar");
  /** The system property that names the gateway's jar. */
  public static final String GATEWAY_JAR_PROPERTY = "shield.sandbox.gateway-jar";
  /** The environment variable that names the gateway's jar (the system property wins). */
  public static final String GATEWAY_JAR_ENV = "SHIELD_SANDBOX_GATEWAY_JAR";
  /** What builds the gateway's jar. */
  public static final String GATEWAY_BUILD = "mvn -pl inference-runtime -am package -DskipTests";

  public RuntimeConfig {
    launchers = List.copyOf(Objects.requireNonNull(launchers, "launchers"));
    if (logLines < 1) {
      throw new IllegalArgumentException("logLines must be at least 1");
    }
  }

  /** Nothing runs for real. */
  public static RuntimeConfig disabled() {
    return new RuntimeConfig(false, List.of(), ContainerLog.DEFAULT_CAPACITY);
  }

  /** Runs containers with these launchers only. */
  public static RuntimeConfig with(Launcher... launchers) {
    return new RuntimeConfig(true, List.of(launchers), ContainerLog.DEFAULT_CAPACITY);
  }

  /** DJL Serving stand-ins, and the Shield gateway as {@code java -jar gatewayJar}. */
  public static RuntimeConfig standard(Path gatewayJar) {
    return with(new DjlServingLauncher(), JavaProcessLauncher.jar(GATEWAY_REPOSITORY, gatewayJar, GATEWAY_BUILD));
  }

  /**
   * The gateway's jar as configured: the system property {@value #GATEWAY_JAR_PROPERTY}, else the environment
   * variable {@value #GATEWAY_JAR_ENV}, else {@link #DEFAULT_GATEWAY_JAR} under the working directory (the project's
   * root, where {@code bin/shield-sandbox} runs). The file need not exist.
   */
  public static Path configuredGatewayJar() {
    String property = System.getProperty(GATEWAY_JAR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv(GATEWAY_JAR_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return DEFAULT_GATEWAY_JAR;
  }

  /** This configuration with {@code launcher} tried first. */
  public RuntimeConfig withLauncherFirst(Launcher launcher) {
    List<Launcher> all = new ArrayList<>();
    all.add(launcher);
    all.addAll(launchers);
    return new RuntimeConfig(true, all, logLines);
  }

  public RuntimeConfig withLogLines(int lines) {
    return new RuntimeConfig(enabled, launchers, lines);
  }

  /** The launcher for an image, or {@code null} when it is only simulated. */
  public Launcher launcherFor(String image) {
    for (Launcher l : launchers) {
      if (l.handles(image)) {
        return l;
      }
    }
    return null;
  }
}
