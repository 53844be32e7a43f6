package io.cybershield.shield.sandbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code kubectl} against a kubeconfig, the way a person would, with a hard time limit so that a
 * hanging command fails a test instead of stalling it.
 */
public final class Kubectl {

  /** What a kubectl run printed and how it ended. */
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

  private final Path kubeconfig;
  private final Path cacheDir;
  private final long timeoutSeconds;

  public Kubectl(Path kubeconfig) throws IOException {
    this(kubeconfig, 60);
  }

  public Kubectl(Path kubeconfig, long timeoutSeconds) throws IOException {
    this.kubeconfig = kubeconfig;
    this.cacheDir = Files.createTempDirectory("kubectl-cache");
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * Should the kubectl tests run? Yes when kubectl is on the PATH; when it is not they are skipped, except on CI
   * (environment variable {@code CI=true}), where a missing kubectl fails the build: a CI run must not pass by
   * skipping the tests that check what users see. Use it as {@code assumeTrue(Kubectl.requiredOnCi(), ...)}.
   *
   * @throws AssertionError on CI when kubectl is missing
   */
  public static boolean requiredOnCi() {
    return shouldRun(System.getenv("CI"), available());
  }

  /** The decision of {@link #requiredOnCi()}, from the value of {@code CI} (may be null) and kubectl's presence. */
  static boolean shouldRun(String ciVariable, boolean kubectlAvailable) {
    if (kubectlAvailable) {
      return true;
    }
    if ("true".equalsIgnoreCase(ciVariable == null ? null : ciVariable.trim())) {
      throw new AssertionError("kubectl is not on the PATH, and CI=true: the tests that run the real kubectl "
          + "must not be skipped on CI. Install kubectl (a 1.30 to 1.34 client) on the build machine.");
    }
    return false;
  }

  /** Is a kubectl binary on the PATH? */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public Result run(String... args) {
    return runWithInput(null, args);
  }

  /** Runs kubectl with {@code stdin} (may be null) fed to it, e.g. for {@code apply -f -}. */
  public Result runWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.add("--request-timeout=" + timeoutSeconds + "s");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      if (!process.waitFor(timeoutSeconds + 10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish within "
            + (timeoutSeconds + 10) + " s (it hangs)");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new IllegalStateException("could not run kubectl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs kubectl and fails with its output when it does not exit 0. */
  public String ok(String... args) {
    Result result = run(args);
    if (!result.ok()) {
      throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + result);
    }
    return result.stdout();
  }

  public String apply(String yaml, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("apply", "-f", "-"));
    args.addAll(List.of(extraArgs));
    Result result = runWithInput(yaml, args.toArray(String[]::new));
    if (!result.ok()) {
      throw new AssertionError("kubectl apply failed: " + result + "\n--- input\n" + yaml);
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
