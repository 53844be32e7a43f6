package io.cybershield.shield.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The operator as it ships: the Quarkus application Maven packaged ({@code target/quarkus-app/quarkus-run.jar}),
 * started as its own process with a kubeconfig, the way {@code bin/shield-sandbox} and a real cluster run it. Its
 * health, metrics, CPU time and memory are read from outside, as a platform engineer would.
 */
final class PackagedOperator implements AutoCloseable {

  /** The jar Maven packaged; {@code -Dshield.operator.jar=PATH} runs another build (a benchmark's "before"). */
  static final Path JAR = Path.of(System.getProperty("shield.operator.jar",
      OperatorOnSandbox.ROOT.resolve("operator/target/quarkus-app/quarkus-run.jar").toString()));
  /**
   * The JVM options of the operator's process: those {@code bin/shield-sandbox} gives it, or
   * {@code -Dshield.operator.jvm="..."} (space-separated) for a benchmark of others.
   */
  static final String JVM_OPTIONS = System.getProperty("shield.operator.jvm", "-Xmx512m");

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? ([-+0-9.eE]+|NaN)$");
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PackagedOperator(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Whether Maven has packaged the operator (the failsafe phase runs after {@code package}). */
  static boolean packaged() {
    return Files.isRegularFile(JAR);
  }

  /** Starts the packaged operator against the cluster of {@code kubeconfig} and waits until it reports ready. */
  static PackagedOperator start(Path kubeconfig, String... jvmOptions) throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("shield-operator", ".log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(jvmOptions.length == 0 ? List.of(JVM_OPTIONS.trim().split("\\s+")) : List.of(jvmOptions));
    command.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    PackagedOperator operator = new PackagedOperator(builder.start(), port, log);
    try {
      // connections are refused until the HTTP server is up
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
          .ignoreException(UncheckedIOException.class).until(() -> {
        if (!operator.process.isAlive()) {
          throw new IllegalStateException("the operator exited with " + operator.process.exitValue() + ":\n"
              + operator.log());
        }
        return operator.get("/q/health/ready").statusCode() == 200;
      });
    } catch (RuntimeException e) {
      operator.close();
      throw e;
    }
    return operator;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  HttpResponse<String> get(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Prometheus samples of {@code /q/metrics}: series (name and labels as printed) to value. */
  Map<String, Double> metrics() {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : get("/q/metrics").body().split("\n")) {
      Matcher m = SAMPLE.matcher(line.trim());
      if (!line.startsWith("#") && m.matches()) {
        samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
      }
    }
    return samples;
  }

  /** The sum of every series of a metric whose labels contain all of {@code labels} (each as {@code key="value"}). */
  double sum(String metric, String... labels) {
    return metrics().entrySet().stream().filter(e -> e.getKey().equals(metric) || e.getKey().startsWith(metric + "{"))
        .filter(e -> List.of(labels).stream().allMatch(label -> e.getKey().contains(label)))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** CPU time the operator's process has used so far (user and system), in seconds. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after the command name: state is field 3 of the file; utime and stime are fields 14 and 15
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
  }

  /** Resident memory now ({@code VmRSS}) and at its peak ({@code VmHWM}), in MiB. */
  long[] residentMiB() throws IOException {
    long rss = 0;
    long peak = 0;
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      } else if (line.startsWith("VmHWM:")) {
        peak = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return new long[] {rss, peak};
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
