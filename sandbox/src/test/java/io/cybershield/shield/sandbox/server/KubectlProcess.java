package io.cybershield.shield.sandbox.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A kubectl that keeps running ({@code port-forward}, {@code logs -f}): its output collected as it comes, destroyed
 * (with its children) by {@link #close()}.
 */
final class KubectlProcess implements AutoCloseable {

  private final Process process;
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();

  private KubectlProcess(Process process) {
    this.process = process;
    collect(process.getInputStream(), stdout);
    collect(process.getErrorStream(), stderr);
  }

  static KubectlProcess start(Path kubeconfig, Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig,
        "--cache-dir=" + kubeconfig.resolveSibling("kubectl-cache")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    return new KubectlProcess(process);
  }

  String stdout() {
    return stdout.toString();
  }

  String stderr() {
    return stderr.toString();
  }

  String output() {
    return "--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void collect(InputStream stream, StringBuffer into) {
    Thread reader = new Thread(() -> {
      byte[] chunk = new byte[8192];
      try {
        int n;
        while ((n = stream.read(chunk)) >= 0) {
          into.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "kubectl-output");
    reader.setDaemon(true);
    reader.start();
  }
}
