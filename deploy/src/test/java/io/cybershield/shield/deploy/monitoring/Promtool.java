package io.cybershield.shield.deploy.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real promtool, from Debian's prometheus package through {@code bin/fetch-promtool} (fetched once per JVM,
 * cached in .tools/), or, where it cannot be had, the script's reason for the tests to skip with.
 */
final class Promtool {

  record Result(int exitCode, String output) {
  }

  private static Optional<Path> located;
  private static String unavailable = "";

  private Promtool() {
  }

  static synchronized Optional<Path> locate() {
    if (located == null) {
      Result fetched = run(List.of(MetricsDoc.ROOT.resolve("bin/fetch-promtool").toString()), 300);
      if (fetched.exitCode() == 0) {
        located = Optional.of(Path.of(fetched.output().strip()));
      } else {
        unavailable = fetched.output().strip();
        located = Optional.empty();
      }
    }
    return located;
  }

  static String unavailableReason() {
    return "promtool cannot be had here, so the tests that run it are skipped: " + unavailable;
  }

  /** Runs promtool in the project's root, its output (stdout and stderr) together. */
  static Result promtool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(locate().orElseThrow(() -> new IllegalStateException(unavailableReason())).toString());
    command.addAll(List.of(args));
    return run(command, 120);
  }

  private static Result run(List<String> command, long timeoutSeconds) {
    try {
      Process process = new ProcessBuilder(command).directory(MetricsDoc.ROOT.toFile()).redirectErrorStream(true)
          .start();
      process.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), out.join());
    } catch (IOException e) {
      return new Result(-1, "could not run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  private static String read(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
