package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's readiness probes, for the containers the sandbox runs for real: an {@code httpGet} probe passes on
 * a 2xx or 3xx answer, a {@code tcpSocket} probe when the port accepts a connection. A container turns ready after
 * {@code successThreshold} passes in a row and unready after {@code failureThreshold} failures in a row, as the
 * kubelet's; the period and timeout are the probe's, bounded to {@value #MAX_PERIOD_MILLIS} ms so that a sandbox
 * reacts within a second (a cluster's default period is 10 s). Probes run on their own thread, never on the
 * simulator's; a change of result requeues the pod.
 */
final class ReadinessProber implements AutoCloseable {

  static final long MAX_PERIOD_MILLIS = 500;
  private static final long MAX_TIMEOUT_MILLIS = 1000;

  private final SimContext ctx;
  private final ScheduledExecutorService timer;
  private HttpClient http;
  private final Map<String, Probing> probing = new ConcurrentHashMap<>();
  private volatile boolean closed;

  ReadinessProber(SimContext ctx) {
    this.ctx = ctx;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sandbox-readiness-probes");
      t.setDaemon(true);
      return t;
    });
  }

  /** Made on the first probe: most simulators never probe anything. Only the probe thread calls it. */
  private HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(MAX_TIMEOUT_MILLIS))
          .followRedirects(HttpClient.Redirect.NEVER).executor(timer).sslContext(trustingAnyCertificate()).build();
    }
    return http;
  }

  /** HTTPS probes, as the kubelet makes them: encrypted, but without verifying the certificate or its name. */
  private static javax.net.ssl.SSLContext trustingAnyCertificate() {
    javax.net.ssl.X509ExtendedTrustManager any = new javax.net.ssl.X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth, java.net.Socket s) {
      }

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth, java.net.Socket s) {
      }

      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth,
          javax.net.ssl.SSLEngine e) {
      }

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth,
          javax.net.ssl.SSLEngine e) {
      }

      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {
      }

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth) {
      }

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    };
    try {
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {any}, null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this Java runtime", e);
    }
  }

  /**
   * Whether the container's readiness probe passes now; starts probing it on the first call. A container with
   * neither a readiness nor a startup probe is ready once it runs, as the kubelet has it.
   */
  boolean ready(Pod pod, Container container) {
    Probe probe = container.getReadinessProbe() != null ? container.getReadinessProbe() : container.getStartupProbe();
    if (probe == null || (probe.getHttpGet() == null && probe.getTcpSocket() == null)) {
      return true;
    }
    String key = pod.getMetadata().getUid() + "|" + container.getName();
    Probing p = probing.computeIfAbsent(key, k -> {
      Probing created = new Probing(pod, container, probe);
      created.schedule(0);
      return created;
    });
    return p.ready;
  }

  /** Stops probing the containers of a pod that is gone, terminal or being deleted. */
  void forget(String podUid) {
    probing.entrySet().removeIf(e -> {
      if (e.getKey().startsWith(podUid + "|")) {
        e.getValue().stopped = true;
        return true;
      }
      return false;
    });
  }

  @Override
  public void close() {
    closed = true;
    probing.values().forEach(p -> p.stopped = true);
    probing.clear();
    timer.shutdownNow();
  }

  /** One container's probe loop: the next probe is scheduled a period after the last one finished. */
  private final class Probing {
    private final String podKey;
    private final String host;
    private final Probe probe;
    private final Integer port;
    private final long periodMillis;
    private final long timeoutMillis;
    private final int successThreshold;
    private final int failureThreshold;
    private volatile boolean ready;
    private volatile boolean stopped;
    private int successes;
    private int failures;

    Probing(Pod pod, Container container, Probe probe) {
      this.podKey = SimContext.key("pod", pod.getMetadata().getNamespace(), pod.getMetadata().getName());
      this.probe = probe;
      String probeHost = probe.getHttpGet() != null ? probe.getHttpGet().getHost() : probe.getTcpSocket().getHost();
      this.host = probeHost == null || probeHost.isEmpty() ? pod.getStatus().getPodIP() : probeHost;
      this.port = resolve(probe.getHttpGet() != null ? probe.getHttpGet().getPort() : probe.getTcpSocket().getPort(),
          container);
      this.periodMillis = bounded(probe.getPeriodSeconds(), 10, MAX_PERIOD_MILLIS);
      this.timeoutMillis = bounded(probe.getTimeoutSeconds(), 1, MAX_TIMEOUT_MILLIS);
      this.successThreshold = probe.getSuccessThreshold() == null ? 1 : Math.max(1, probe.getSuccessThreshold());
      this.failureThreshold = probe.getFailureThreshold() == null ? 3 : Math.max(1, probe.getFailureThreshold());
    }

    void schedule(long delayMillis) {
      if (stopped || closed) {
        return;
      }
      try {
        timer.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // closing
      }
    }

    private void run() {
      if (stopped || closed) {
        return;
      }
      if (port == null || host == null) {
        result(false);
        return;
      }
      if (probe.getHttpGet() != null) {
        String scheme = probe.getHttpGet().getScheme() == null ? "http" : probe.getHttpGet().getScheme().toLowerCase();
        String path = probe.getHttpGet().getPath() == null ? "/" : probe.getHttpGet().getPath();
        HttpRequest request;
        try {
          request = HttpRequest.newBuilder(URI.create(scheme + "://" + host + ":" + port
              + (path.startsWith("/") ? path : "/" + path))).timeout(Duration.ofMillis(timeoutMillis)).GET().build();
        } catch (IllegalArgumentException e) {
          result(false);
          return;
        }
        http().sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .whenComplete((response, error) -> result(error == null && response.statusCode() >= 200
                && response.statusCode() < 400));
      } else {
        boolean open;
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(host, port), (int) timeoutMillis);
          open = true;
        } catch (IOException e) {
          open = false;
        }
        result(open);
      }
    }

    private void result(boolean passed) {
      if (stopped || closed) {
        return;
      }
      boolean before = ready;
      if (passed) {
        failures = 0;
        successes++;
        if (successes >= successThreshold) {
          ready = true;
        }
      } else {
        successes = 0;
        failures++;
        if (failures >= failureThreshold) {
          ready = false;
        }
      }
      if (before != ready) {
        SimContext.LOG.debug("readiness probe of {} {}: {}", podKey, host + ":" + port, ready ? "passes" : "fails");
        ctx.enqueue(podKey);
      }
      schedule(periodMillis);
    }
  }

  private static Integer resolve(IntOrString port, Container container) {
    if (port == null) {
      return null;
    }
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    for (ContainerPort cp : container.getPorts()) {
      if (port.getStrVal() != null && port.getStrVal().equals(cp.getName())) {
        return cp.getContainerPort();
      }
    }
    try {
      return Integer.parseInt(port.getStrVal());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long bounded(Integer seconds, int defaultSeconds, long maxMillis) {
    long millis = (seconds == null || seconds <= 0 ? defaultSeconds : seconds) * 1000L;
    return Math.min(millis, maxMillis);
  }
}
