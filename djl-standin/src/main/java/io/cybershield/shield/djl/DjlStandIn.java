package io.cybershield.shield.djl;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * A scripted stand-in for one DJL Serving 0.36.0 process (LMI image): an HTTP server that answers on one port
 * as DJL Serving does — {@code /ping}, {@code /invocations}, {@code /predictions/...},
 * {@code /v1/chat/completions}, the management API and {@code /server/metrics} — with the same status codes,
 * bodies, streaming line format, headers and connection closes, so that the gateway's tests, the sandbox and
 * the benchmarks talk to what they will meet on a cluster.
 *
 * <p><b>It is scripted, not a model.</b> Its "generations" are a deterministic echo of the prompt that starts
 * with the token {@code [stand-in]}, or the exact tokens a test scripts; every answer carries
 * {@code x-shield-standin: scripted}. What the next requests do — answer, slow down, fail with one of DJL's
 * errors, fail or stall mid-stream, drop the connection — is set through {@link #script()}.
 *
 * <p>Like the process it stands in for, it refuses connections while its model "loads"
 * ({@link StandInOptions#loadingTime()}), and a failed load ends it with exit code 1 without ever listening.
 * Everything runs on a shared Vert.x event loop with timers: it serves many concurrent connections and never
 * blocks a thread per request.
 *
 * <pre>{@code
 * try (DjlStandIn djl = DjlStandIn.start()) {
 *   djl.script().next(Behaviour.wlmCapacity(), Behaviour.text("Hello", " SOC"));
 *   // POST djl.uri().resolve("/invocations") twice: a 503 WlmCapacityException, then "Hello SOC"
 * }
 * }</pre>
 */
public final class DjlStandIn implements AutoCloseable {

  /** The exit code of a stand-in that {@link #close()} stopped: a JVM ended by SIGTERM reports 143. */
  public static final int EXIT_CODE_STOPPED = 143;
  /** The exit code of a failed load, as DJL Serving's. */
  public static final int EXIT_CODE_FAILED_LOAD = 1;

  private static final System.Logger LOG = System.getLogger(DjlStandIn.class.getName());

  private final StandInOptions options;
  private final Script script = new Script();
  private final Vertx vertx;
  private final StandInServer server;
  private final Object lock = new Object();
  private final CompletableFuture<Boolean> listening = new CompletableFuture<>();
  private final List<IntConsumer> exitCallbacks = new ArrayList<>();
  private volatile int port;
  private HttpServer http;
  private Socket reservation;
  private long loadTimer = -1;
  private boolean closed;
  private Integer exitCode;
  private boolean vertxReleased;

  private DjlStandIn(StandInOptions options, Vertx vertx) {
    this.options = options;
    this.vertx = vertx;
    this.server = new StandInServer(vertx, options, script);
  }

  /** A stand-in with the {@linkplain StandInOptions#defaults() defaults}: 127.0.0.1, a free port, serving at once. */
  public static DjlStandIn start() {
    return start(StandInOptions.defaults());
  }

  /**
   * Starts a stand-in. Without a loading time it returns once it listens; with one (or a failed load) it
   * returns at once, its port chosen but closed until the load ends — use {@link #awaitListening(Duration)}.
   *
   * @throws IllegalStateException when the address cannot be bound
   */
  public static DjlStandIn start(StandInOptions options) {
    Objects.requireNonNull(options, "options");
    DjlStandIn standIn = new DjlStandIn(options, SharedVertx.acquire());
    try {
      if (options.failedLoad() || !options.loadingTime().isZero()) {
        standIn.reservePort();
        standIn.scheduleLoad();
      } else {
        standIn.listenNow();
      }
      return standIn;
    } catch (RuntimeException e) {
      standIn.releaseVertx();
      throw e;
    }
  }

  public String host() {
    return options.host();
  }

  /** The port; chosen when {@link #start(StandInOptions)} returns, even while it is still closed. */
  public int port() {
    return port;
  }

  public URI uri() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return URI.create((options.tls() ? "https://" : "http://") + host + ":" + port);
  }

  public StandInOptions options() {
    return options;
  }

  /** What the next requests do, and how {@code /ping} answers. */
  public Script script() {
    return script;
  }

  /** Every request received so far (the last 10,000), in arrival order. */
  public List<RecordedRequest> requests() {
    return server.requests();
  }

  public void clearRequests() {
    server.clearRequests();
  }

  /** Whether the port is open. */
  public boolean listening() {
    synchronized (lock) {
      return http != null && !closed;
    }
  }

  /**
   * Waits until the load is over and the port is open.
   *
   * @return {@code true} when it listens; {@code false} when the time ran out or the "process" ended (a failed
   *     load, or {@link #close()})
   */
  public boolean awaitListening(Duration timeout) {
    try {
      return listening.get(timeout.toNanos(), TimeUnit.NANOSECONDS) && listening();
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  /**
   * The "process" exit code: empty while it loads or serves; {@value #EXIT_CODE_FAILED_LOAD} after a failed load;
   * {@value #EXIT_CODE_STOPPED} after {@link #close()}.
   */
  public OptionalInt exitCode() {
    synchronized (lock) {
      return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }
  }

  /** Calls {@code callback} with the exit code once the "process" ends (at once if it has). */
  public DjlStandIn onExit(IntConsumer callback) {
    Objects.requireNonNull(callback, "callback");
    Integer code;
    synchronized (lock) {
      code = exitCode;
      if (code == null) {
        exitCallbacks.add(callback);
      }
    }
    if (code != null) {
      callback.accept(code);
    }
    return this;
  }

  /** How often a stream waited for a slow reader's connection to drain. */
  long backpressurePauses() {
    return server.backpressurePauses();
  }

  /** Stops the stand-in and frees its port, closing its connections. Idempotent. */
  @Override
  public void close() {
    HttpServer running;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (loadTimer >= 0) {
        vertx.cancelTimer(loadTimer);
        loadTimer = -1;
      }
      closeReservation();
      running = http;
      http = null;
    }
    if (running != null) {
      if (Context.isOnEventLoopThread()) {
        running.close();
      } else {
        try {
          running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
          awaitPortClosed(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          LOG.log(System.Logger.Level.WARNING, "closing the DJL stand-in on " + uri() + ": " + e);
        }
      }
    }
    exit(EXIT_CODE_STOPPED);
  }

  @Override
  public String toString() {
    return "DjlStandIn[" + uri() + ", model " + options.modelName() + "]";
  }

  /**
   * Waits until a connection to the port is refused. Netty's close completes before the JDK has closed the
   * listening socket (a channel registered with a selector is closed at the selector's next pass), and a caller
   * that binds the address again, or checks that it is closed, must not see it still listening.
   */
  private void awaitPortClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(options.host(), port), 1000);
      } catch (ConnectException refused) {
        return;
      } catch (IOException stillClosing) {
        // reset or timed out while the socket goes away: try again
      }
      Thread.sleep(5);
    }
    LOG.log(System.Logger.Level.WARNING, "the DJL stand-in's port " + options.host() + ":" + port
        + " still accepts connections after its server closed");
  }

  private HttpServerOptions httpOptions(int onPort) {
    HttpServerOptions http = new HttpServerOptions().setHost(options.host()).setPort(onPort).setReuseAddress(true)
        .setHandle100ContinueAutomatically(true);
    if (options.tls()) {
      // as DJL Serving's Netty server with certificate_file and private_key_file: TLS 1.3 and 1.2
      http.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(options.certificateFile())
          .setKeyPath(options.privateKeyFile())).setEnabledSecureTransportProtocols(
              new java.util.LinkedHashSet<>(java.util.List.of("TLSv1.3", "TLSv1.2")));
    }
    return http;
  }

  private void listenNow() {
    HttpServer created = vertx.createHttpServer(httpOptions(options.port())).requestHandler(server::handle);
    try {
      created.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the DJL stand-in started", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("the DJL stand-in cannot listen on " + options.host() + ":" + options.port()
          + ": " + cause, cause);
    }
    synchronized (lock) {
      http = created;
      port = created.actualPort();
    }
    listening.complete(true);
  }

  /**
   * Holds the port while the model "loads" without listening on it: a bound socket that does not listen refuses
   * connections, as the real process's closed port does, and no one else can take the port meanwhile.
   */
  private void reservePort() {
    Socket socket = new Socket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(options.host(), options.port()));
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing to free
      }
      throw new IllegalStateException("the DJL stand-in cannot take " + options.host() + ":" + options.port()
          + ": " + e.getMessage(), e);
    }
    synchronized (lock) {
      reservation = socket;
      port = socket.getLocalPort();
    }
  }

  private void scheduleLoad() {
    Duration loading = options.loadingTime();
    boolean timesOut = loading.compareTo(options.modelLoadingTimeout()) > 0;
    boolean fails = options.failedLoad() || timesOut;
    Duration until = timesOut ? options.modelLoadingTimeout() : loading;
    long millis = Math.max(1, until.toMillis());
    synchronized (lock) {
      loadTimer = vertx.setTimer(millis, id -> {
        synchronized (lock) {
          loadTimer = -1;
          if (closed) {
            return;
          }
        }
        if (fails) {
          String message = "DJL stand-in " + options.host() + ":" + port + ": the model "
              + options.modelName() + (timesOut ? " did not load within " + options.modelLoadingTimeout()
              : " failed to load (scripted)") + "; exit code " + EXIT_CODE_FAILED_LOAD;
          LOG.log(System.Logger.Level.INFO, message);
          if (options.logSink() != null) {
            options.logSink().accept(message);
          }
          exit(EXIT_CODE_FAILED_LOAD);
        } else {
          listenAfterLoad();
        }
      });
    }
  }

  private void listenAfterLoad() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closeReservation();
    }
    HttpServer created = vertx.createHttpServer(httpOptions(port)).requestHandler(server::handle);
    created.listen().onComplete(result -> {
      boolean stale;
      synchronized (lock) {
        stale = closed || result.failed();
        if (!stale) {
          http = created;
        }
      }
      if (result.failed()) {
        LOG.log(System.Logger.Level.WARNING, "DJL stand-in: cannot listen on " + options.host() + ":" + port
            + " after loading: " + result.cause());
        exit(EXIT_CODE_FAILED_LOAD);
      } else if (stale) {
        created.close();
      } else {
        listening.complete(true);
      }
    });
  }

  private void exit(int code) {
    List<IntConsumer> callbacks;
    synchronized (lock) {
      if (exitCode != null) {
        return;
      }
      exitCode = code;
      closeReservation();
      callbacks = List.copyOf(exitCallbacks);
      exitCallbacks.clear();
    }
    listening.complete(false);
    releaseVertx();
    for (IntConsumer callback : callbacks) {
      try {
        callback.accept(code);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an exit callback of the DJL stand-in failed", e);
      }
    }
  }

  private void closeReservation() {
    if (reservation != null) {
      try {
        reservation.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "releasing the reserved port: " + e);
      }
      reservation = null;
    }
  }

  private void releaseVertx() {
    synchronized (lock) {
      if (vertxReleased) {
        return;
      }
      vertxReleased = true;
    }
    SharedVertx.release();
  }
}
