package io.cybershield.shield.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's cost, measured in one run against the same upstream: requests per second and latency straight to a
 * DJL Serving stand-in ({@code POST /invocations}) and through the packaged gateway ({@code POST /v1/generate}), at
 * each concurrency, non-streaming (whole answers) and streaming (time to the first chunk). The stand-in, the gateway
 * and this load generator are three processes on the same machine; each point runs the direct side then the gateway
 * side after a warm-up, closed-loop ({@code c} clients each sending its next request when the last one ended).
 * The gateway's own added time is also read from its {@code x-shield-overhead-ms} header.
 *
 * <p>Two upstreams, each with its own stand-in and gateway: {@code instant} answers at once (what the proxy itself
 * costs; on a small machine the three processes then compete for the CPU) and {@code model} answers like a model
 * (20 ms to the first token, 2 ms per token after it).
 *
 * <p>{@code mvn -pl inference-runtime -am verify -Pbenchmark -DskipTests} runs it; {@code -Dbenchmark.seconds},
 * {@code -Dbenchmark.warmup}, {@code -Dbenchmark.concurrency=1,16,64}, {@code -Dbenchmark.tokens},
 * {@code -Dbenchmark.upstream=instant,model} and {@code -Dbenchmark.gateway-args="JVM options"} (a profiler, a flag)
 * change the run. It is a program that prints figures, not a test: it fails only when a side cannot be started or errs.
 */
public final class GatewayBenchmark {

  private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
  private static final String PROMPT = "Summarise the failed logons on host fs-01 between 02:00 and 03:00";

  private GatewayBenchmark() {
  }

  /** One side of one point. */
  record Result(long requests, long errors, double seconds, Histogram latency, Histogram firstChunk,
                Histogram overhead) {
    double perSecond() {
      return requests / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("benchmark.seconds", 10);
    int warmup = Integer.getInteger("benchmark.warmup", 3);
    int tokens = Integer.getInteger("benchmark.tokens", 16);
    List<Integer> concurrency = Arrays.stream(System.getProperty("benchmark.concurrency", "1,16,64").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    Path jar = Path.of(System.getProperty("shield.gateway.jar",
        "inference-runtime/target/quarkus-app/quarkus-run.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the packaged gateway " + jar + " is missing: build it with "
          + "mvn -pl inference-runtime -am package -DskipTests");
    }
    List<String> profiles = Arrays.stream(System.getProperty("benchmark.upstream", "instant,model").split(","))
        .map(String::trim).toList();
    for (String profile : profiles) {
      // instant: the stand-in answers at once (the proxy's own cost, CPU-bound on a small machine); model: a
      // model-like upstream, 20 ms to the first token and 2 ms per token after it
      Duration first = "model".equals(profile) ? Duration.ofMillis(20) : Duration.ZERO;
      Duration between = "model".equals(profile) ? Duration.ofMillis(2) : Duration.ZERO;
      if (!"model".equals(profile) && !"instant".equals(profile)) {
        throw new IllegalArgumentException("benchmark.upstream lists instant and/or model, not " + profile);
      }
      runProfile(profile, first, between, jar, seconds, warmup, tokens, concurrency);
    }
  }

  private static void runProfile(String profile, Duration firstToken, Duration betweenTokens, Path jar, int seconds,
                                 int warmup, int tokens, List<Integer> concurrency) throws Exception {
    List<Process> processes = new ArrayList<>();
    Thread killer = new Thread(() -> processes.forEach(Process::destroyForcibly));
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      Process standIn = new ProcessBuilder(javaBin(), "-XX:+UseParallelGC", "-Xmx512m", "-cp",
          System.getProperty("java.class.path"), StandInProcess.class.getName(), Integer.toString(tokens),
          Long.toString(firstToken.toMillis()), Long.toString(betweenTokens.toMillis()))
          .redirectErrorStream(true).start();
      processes.add(standIn);
      String[] listening = awaitLine(standIn, Pattern.compile("LISTENING (\\S+) (\\d+)"), "the DJL stand-in")
          .group(0).split(" ");
      String upstreamHost = listening[1];
      int upstreamPort = Integer.parseInt(listening[2]);

      Path routes = Files.createTempFile("bench-routes", ".json");
      Files.writeString(routes, """
          {"schemaVersion": 1, "model": "threat-intel", "namespace": "soc", "generation": 1,
           "dataClassification": "confidential", "servedVersion": "v1",
           "variants": [{"name": "full", "priorities": ["critical", "high", "normal", "low"],
             "service": "threat-intel-full",
             "pools": [{"pool": "onprem", "deployment": "threat-intel-full-onprem", "port": %d}]}],
           "access": {"roles": [{"name": "analyst", "apis": ["generate"],
             "subjects": [{"kind": "User", "name": "bench"}]}]}}
          """.formatted(upstreamPort));
      // the gateway's door is part of what is measured: one caller, authenticated from a token file (cached after
      // its first request, as a TokenReview's answer is)
      Path tokenFile = Files.createTempFile("bench-tokens", ".csv");
      Files.writeString(tokenFile, BENCH_TOKEN + ",bench,uid-bench,\"\"\n");
      List<String> command = new ArrayList<>(List.of(javaBin()));
      String extra = System.getProperty("benchmark.gateway-args", "").trim();
      if (!extra.isEmpty()) {
        command.addAll(Arrays.asList(extra.split("\\s+")));
      }
      command.addAll(List.of("-Xmx512m",
          "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0", "-Dquarkus.log.level=WARN",
          "-Dquarkus.log.category.\"io.quarkus\".level=INFO",
          "-Dshield.gateway.routes-file=" + routes,
          "-Dshield.gateway.auth.tokens-file=" + tokenFile,
          "-Dshield.gateway.endpoints=full:onprem:" + upstreamHost + ":" + upstreamPort,
          "-jar", jar.toString()));
      Process gateway = new ProcessBuilder(command).redirectErrorStream(true).start();
      processes.add(gateway);
      int gatewayPort = Integer.parseInt(awaitLine(gateway, LISTENING, "the gateway").group(1));
      awaitReady(gatewayPort);

      System.out.printf(Locale.ROOT, "%nGateway benchmark, %s upstream (first token after %d ms, %d ms per token "
          + "after it): %d s per side after %d s warm-up, %d tokens per answer, %d cores, stand-in at %s:%d, gateway "
          + "at 127.0.0.1:%d%n", profile, firstToken.toMillis(), betweenTokens.toMillis(), seconds, warmup, tokens,
          Runtime.getRuntime().availableProcessors(), upstreamHost, upstreamPort, gatewayPort);
      Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
      List<String> rows = new ArrayList<>();
      try {
        // warm both JVMs' compilers at the highest concurrency first: a model-like upstream answers only a few
        // dozen requests per second, which would leave the gateway's code interpreted through the first points
        int most = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        for (boolean stream : new boolean[] {false, true}) {
          run(vertx, new Side(upstreamHost, upstreamPort, "/invocations", directBody(tokens, stream), stream), most,
              warmup * 2);
          run(vertx, new Side("127.0.0.1", gatewayPort, "/v1/generate", gatewayBody(tokens, stream), stream), most,
              warmup * 2);
        }
        for (boolean stream : new boolean[] {false, true}) {
          for (int c : concurrency) {
            Side direct = new Side(upstreamHost, upstreamPort, "/invocations", directBody(tokens, stream), stream);
            Side viaGateway = new Side("127.0.0.1", gatewayPort, "/v1/generate", gatewayBody(tokens, stream),
                stream);
            run(vertx, direct, c, warmup);
            Result d = run(vertx, direct, c, seconds);
            run(vertx, viaGateway, c, warmup);
            Result g = run(vertx, viaGateway, c, seconds);
            if (d.errors() > 0 || g.errors() > 0) {
              throw new IllegalStateException("errors during the run: direct " + d.errors() + ", gateway "
                  + g.errors());
            }
            rows.add(row(stream, c, d, g));
          }
        }
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
      System.out.println();
      System.out.println("| mode | c | direct req/s | gateway req/s | ratio | direct p50 / p99 ms | "
          + "gateway p50 / p99 ms | added p50 / p99 ms | gateway's own overhead p50 / p99 ms |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      rows.forEach(System.out::println);
      System.out.println();
      System.out.println("Streaming rows measure the time to the first chunk; 'added' is gateway minus direct at the "
          + "same percentile; the overhead columns are the gateway's x-shield-overhead-ms header.");
    } finally {
      for (Process p : processes) {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      Runtime.getRuntime().removeShutdownHook(killer);
    }
  }

  private static String row(boolean stream, int c, Result d, Result g) {
    Histogram dl = stream ? d.firstChunk() : d.latency();
    Histogram gl = stream ? g.firstChunk() : g.latency();
    return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f %% | %.3f / %.3f | %.3f / %.3f | "
            + "%.3f / %.3f | %.3f / %.3f |",
        stream ? "streaming (TTFT)" : "whole answer", c, d.perSecond(), g.perSecond(),
        100.0 * g.perSecond() / d.perSecond(), ms(dl, 50), ms(dl, 99), ms(gl, 50), ms(gl, 99),
        ms(gl, 50) - ms(dl, 50), ms(gl, 99) - ms(dl, 99),
        g.overhead().getTotalCount() == 0 ? Double.NaN : ms(g.overhead(), 50),
        g.overhead().getTotalCount() == 0 ? Double.NaN : ms(g.overhead(), 99));
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1_000_000.0;
  }

  /** Where and what one side sends. */
  /** The benchmark's caller's token (sent to the stand-in too, which ignores it, so both sides send the same). */
  static final String BENCH_TOKEN = "shield-bench-token-2Hc9Wq4Lz7Rt";

  record Side(String host, int port, String path, Buffer body, boolean stream) {
  }

  /** {@code c} closed-loop clients on one event loop (so the histograms need no locks) for {@code seconds}. */
  private static Result run(Vertx vertx, Side side, int c, int seconds) throws Exception {
    Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram firstChunk = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram overhead = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    long[] counts = new long[2];
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
        .setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(c));
    CountDownLatch done = new CountDownLatch(c);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    vertx.runOnContext(ignored -> {
      for (int i = 0; i < c; i++) {
        new Client(client, side, end, done, latency, firstChunk, overhead, counts).next();
      }
    });
    if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the clients did not finish within two minutes of the run's end");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new Result(counts[0], counts[1], elapsed, latency, firstChunk, overhead);
  }

  /** One closed-loop client: sends, waits for the whole answer, records, sends again until the run's end. */
  private static final class Client {
    private final HttpClient client;
    private final Side side;
    private final long end;
    private final CountDownLatch done;
    private final Histogram latency;
    private final Histogram firstChunk;
    private final Histogram overhead;
    private final long[] counts;

    Client(HttpClient client, Side side, long end, CountDownLatch done, Histogram latency, Histogram firstChunk,
           Histogram overhead, long[] counts) {
      this.client = client;
      this.side = side;
      this.end = end;
      this.done = done;
      this.latency = latency;
      this.firstChunk = firstChunk;
      this.overhead = overhead;
      this.counts = counts;
    }

    void next() {
      if (System.nanoTime() >= end) {
        done.countDown();
        return;
      }
      long sent = System.nanoTime();
      client.request(HttpMethod.POST, side.port(), side.host(), side.path())
          .compose(request -> request.putHeader("Content-Type", "application/json")
              .putHeader("Authorization", "Bearer " + BENCH_TOKEN).send(side.body()))
          .onSuccess(response -> answered(response, sent))
          .onFailure(failure -> failed());
    }

    private void answered(HttpClientResponse response, long sent) {
      boolean ok = response.statusCode() == 200;
      String own = response.getHeader("x-shield-overhead-ms");
      if (ok && own != null) {
        overhead.recordValue(Math.max(0, Math.round(Double.parseDouble(own) * 1_000_000)));
      }
      boolean[] first = {true};
      response.handler(chunk -> {
        if (first[0]) {
          first[0] = false;
          firstChunk.recordValue(System.nanoTime() - sent);
        }
      });
      response.exceptionHandler(failure -> { });
      response.endHandler(ignored -> {
        if (ok) {
          latency.recordValue(System.nanoTime() - sent);
          counts[0]++;
        } else {
          counts[1]++;
        }
        next();
      });
    }

    private void failed() {
      counts[1]++;
      next();
    }
  }

  private static Buffer directBody(int tokens, boolean stream) {
    return Buffer.buffer("{\"inputs\": \"" + PROMPT + "\", \"parameters\": {\"max_new_tokens\": " + tokens + "}"
        + (stream ? ", \"stream\": true" : "") + "}");
  }

  private static Buffer gatewayBody(int tokens, boolean stream) {
    return Buffer.buffer("{\"prompt\": \"" + PROMPT + "\", \"maxTokens\": " + tokens
        + (stream ? ", \"stream\": true" : "") + "}");
  }

  private static Matcher awaitLine(Process process, Pattern pattern, String what) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    CompletableFuture<Matcher> found = new CompletableFuture<>();
    Thread pump = new Thread(() -> {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          Matcher m = pattern.matcher(line);
          if (!found.isDone() && m.find()) {
            found.complete(m);
          } else if (!found.isDone() || line.contains("ERROR") || line.contains("WARN")) {
            System.err.println("[" + what + "] " + line);
          }
        }
        found.completeExceptionally(new IllegalStateException(what + " ended before it was listening"));
      } catch (IOException e) {
        found.completeExceptionally(e);
      }
    }, "output-" + what);
    pump.setDaemon(true);
    pump.start();
    return found.get(60, TimeUnit.SECONDS);
  }

  private static void awaitReady(int port) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
    // connections are refused until the HTTP server is up
    org.awaitility.Awaitility.await("the gateway's readiness").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
