package io.cybershield.shield.operator.wake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.api.routing.GatewayLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads {@code GET /q/load} from gateway pods at their pod IPs, all at once, each within a short timeout. A gateway
 * that does not answer, answers anything but 200, or answers something that is not a load document is no signal:
 * logged at debug, left out of the answers, never an error of the caller's reconcile.
 */
public final class GatewayLoadClient {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayLoadClient.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpClient http;
  private final int port;
  private final Duration timeout;

  /**
   * @param port    the gateway's {@code http} port
   * @param timeout to connect, and again for the whole answer
   */
  public GatewayLoadClient(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  /** The load documents of the pods that answered, by pod name, from pod name to pod IP. */
  public Map<String, GatewayLoad> poll(Map<String, String> ipByPod) {
    Map<String, CompletableFuture<GatewayLoad>> pending = new HashMap<>();
    ipByPod.forEach((pod, ip) -> pending.put(pod, fetch(pod, ip)));
    Map<String, GatewayLoad> answers = new HashMap<>();
    pending.forEach((pod, answer) -> {
      GatewayLoad load = answer.join();
      if (load != null) {
        answers.put(pod, load);
      }
    });
    return answers;
  }

  private CompletableFuture<GatewayLoad> fetch(String pod, String ip) {
    URI uri;
    try {
      uri = URI.create("http://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port + GatewayLoad.PATH);
    } catch (IllegalArgumentException e) {
      LOG.debug("gateway pod {} has no usable IP: {}", pod, ip);
      return CompletableFuture.completedFuture(null);
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
      if (failure != null) {
        LOG.debug("gateway pod {} did not answer {}: {}", pod, GatewayLoad.PATH, failure.toString());
        return null;
      }
      if (response.statusCode() != 200) {
        LOG.debug("gateway pod {} answered {} with {}", pod, GatewayLoad.PATH, response.statusCode());
        return null;
      }
      try {
        GatewayLoad load = JSON.readValue(response.body(), GatewayLoad.class);
        return load.schemaVersion() == null ? null : load;
      } catch (java.io.IOException e) {
        LOG.debug("gateway pod {} answered {} with no load document: {}", pod, GatewayLoad.PATH, e.getMessage());
        return null;
      }
    });
  }
}
