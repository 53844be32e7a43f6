package io.cybershield.shield.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.metrics.RequestObservation;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An answer of the public API once the upstream has answered (whole, or the first item of a stream): its status,
 * its headers — the variant and pool that served it among them, set before any byte is sent — and its bytes: a
 * whole answer's ({@code whole}, sent with its length in one write) or a stream's ({@code body}).
 */
record Reply(int status, Map<String, List<String>> headers, Buffer whole, Multi<Buffer> body) {

  /** Whether the bytes are a stream (then {@code body}) rather than a whole answer ({@code whole}). */
  boolean streamed() {
    return whole == null;
  }

  static final ObjectMapper JSON = new ObjectMapper();
  static final String VARIANT = "X-Shield-Variant";
  static final String POOL = "X-Shield-Pool";
  static final String OVERHEAD = "x-shield-overhead-ms";

  /**
   * A whole JSON answer, with the gateway's own time: from the request's arrival, less the upstream's — the figure
   * the observation records as the request's overhead.
   */
  static Reply json(Object body, Dispatcher.Served served, RequestObservation observation) {
    Map<String, List<String>> headers = served(served, "application/json");
    observation.served(served.variant(), served.pool());
    long overheadNanos = observation.overhead(served.upstreamNanos());
    headers.put(OVERHEAD, List.of(String.format(Locale.ROOT, "%.3f", overheadNanos / 1_000_000.0)));
    return new Reply(200, headers, bytes(body), null);
  }

  /** A stream whose first item is there: the observation records where it is served and its first token. */
  static Reply stream(String contentType, Dispatcher.Served served, Multi<Buffer> body,
      RequestObservation observation) {
    observation.served(served.variant(), served.pool());
    observation.firstToken();
    Map<String, List<String>> headers = served(served, contentType);
    headers.put("Cache-Control", List.of("no-cache"));
    return new Reply(200, headers, null, body);
  }

  private static Map<String, List<String>> served(Dispatcher.Served served, String contentType) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    headers.put(VARIANT, List.of(served.variant()));
    headers.put(POOL, List.of(served.pool()));
    return headers;
  }

  static Buffer bytes(Object body) {
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an answer", e);
    }
  }

  static Buffer line(Object body) {
    return bytes(body).appendByte((byte) '\n');
  }
}
