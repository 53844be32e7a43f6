package io.cybershield.shield.sandbox.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the containers of one image repository (any tag) as a Java process of this machine: {@code java
 * <jvm options> -jar <jar>}, or {@code java <jvm options> -cp <classpath> <main class>} (tests register a tiny main
 * of their own as a fake image). The process gets the container's environment (with {@code valueFrom} resolved),
 * {@code QUARKUS_HTTP_HOST=<pod IP>} so that a Quarkus application binds to its pod's address,
 * {@code KUBECONFIG} for the sandbox's API server, and from this machine only {@code PATH}, {@code HOME},
 * {@code LANG}, {@code TZ}, {@code TMPDIR} and {@code JAVA_HOME}. Its stdout and stderr, line by line, are the
 * container's log.
 *
 * <p>Stopping sends SIGTERM to the process and its descendants, waits up to the grace period for it to exit, then
 * kills it. A JVM shutdown hook kills whatever is still running when the sandbox's JVM ends.
 */
public final class JavaProcessLauncher implements Launcher {

  /** A small JVM: a sandbox runs a few of these next to the API server on a laptop. */
  public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m",
      "-XX:TieredStopAtLevel=1");
  /** How long a process may take to exit after SIGTERM before it is killed. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);
  private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "LANG", "TZ", "TMPDIR", "JAVA_HOME");

  private final String repository;
  private final List<String> target;
  private final Path requiredFile;
  private final String buildHint;
  private final List<String> jvmOptions;
  private final Duration stopGrace;

  private JavaProcessLauncher(String repository, List<String> target, Path requiredFile, String buildHint,
                              List<String> jvmOptions, Duration stopGrace) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.target = List.copyOf(target);
    this.requiredFile = requiredFile;
    this.buildHint = buildHint;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.stopGrace = Objects.requireNonNull(stopGrace, "stopGrace");
  }

  /**
   * Containers of {@code repository} run {@code java -jar jar}; while the jar does not exist they stay simulated,
   * and {@link #unavailable()} names it and {@code buildHint}, the command that builds it.
   */
  public static JavaProcessLauncher jar(String repository, Path jar, String buildHint) {
    Path absolute = jar.toAbsolutePath().normalize();
    return new JavaProcessLauncher(repository, List.of("-jar", absolute.toString()), absolute, buildHint,
        DEFAULT_JVM_OPTIONS, DEFAULT_STOP_GRACE);
  }

  /** Containers of {@code repository} run {@code java -cp classpath mainClass}. */
  public static JavaProcessLauncher mainClass(String repository, String mainClass, String classpath) {
    return new JavaProcessLauncher(repository, List.of("-cp", classpath, mainClass), null, null, DEFAULT_JVM_OPTIONS,
        DEFAULT_STOP_GRACE);
  }

  public JavaProcessLauncher withJvmOptions(List<String> options) {
    return new JavaProcessLauncher(repository, target, requiredFile, buildHint, options, stopGrace);
  }

  public JavaProcessLauncher withStopGrace(Duration grace) {
    return new JavaProcessLauncher(repository, target, requiredFile, buildHint, jvmOptions, grace);
  }

  public String repository() {
    return repository;
  }

  @Override
  public boolean handles(String image) {
    return repository.equals(Launcher.repository(image));
  }

  @Override
  public String unavailable() {
    if (requiredFile == null || Files.isRegularFile(requiredFile)) {
      return null;
    }
    return "containers of " + repository + " are only simulated: " + requiredFile + " does not exist"
        + (buildHint == null ? "" : "; build it with " + buildHint);
  }

  @Override
  public Workload start(WorkloadContext context) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(target);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    Map<String, String> mine = Map.copyOf(env);
    env.clear();
    for (String name : PASSED_THROUGH) {
      if (mine.get(name) != null) {
        env.put(name, mine.get(name));
      }
    }
    env.putAll(context.env());
    env.put("QUARKUS_HTTP_HOST", context.podIp());
    if (context.kubeconfig() != null) {
      env.put("KUBECONFIG", context.kubeconfig().toString());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    ChildProcesses.register(process);
    context.log().accept("[sandbox] started " + repository + " as process " + process.pid() + ": "
        + String.join(" ", command.subList(1, command.size())) + " (listening on " + context.podIp() + ")");
    return new ProcessWorkload(process, context, stopGrace);
  }

  @Override
  public String toString() {
    return "java " + String.join(" ", target) + " for " + repository;
  }

  /** A running process, its log pump, and its end. */
  private static final class ProcessWorkload implements Workload {
    private final Process process;
    private final Duration stopGrace;
    private final Thread pump;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    ProcessWorkload(Process process, WorkloadContext context, Duration stopGrace) {
      this.process = process;
      this.stopGrace = stopGrace;
      this.pump = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            context.log().accept(line);
          }
        } catch (IOException e) {
          // the process is gone
        }
        try {
          int code = process.waitFor();
          context.log().accept("[sandbox] process " + process.pid() + " exited with code " + code);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ChildProcesses.unregister(process);
        ended.complete(null);
      }, "sandbox-log-" + context.describe());
      pump.setDaemon(true);
      pump.start();
    }

    @Override
    public void stop() {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
          if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
      try {
        ended.get(stopGrace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // a grandchild keeps the output open: the process itself is gone
      }
    }

    @Override
    public void onEnd(Runnable callback) {
      ended.thenRun(callback);
    }

    @Override
    public OptionalLong pid() {
      return OptionalLong.of(process.pid());
    }

    @Override
    public String toString() {
      return "process " + process.pid();
    }
  }
}
