package io.cybershield.shield.sandbox.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests the sandbox API server has answered, counted by client, verb and resource as the kube-apiserver's
 * {@code apiserver_request_total} counts them: what a benchmark or a test reads to see how much work a change
 * caused, and who asked for it.
 */
public final class RequestCounts {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one request to a resource path. */
  void record(String userAgent, String method, RequestPath path, String contentType) {
    counts.computeIfAbsent(key(userAgent, verb(method, path, contentType), path), k -> new LongAdder()).increment();
  }

  /** The counts so far, keyed {@code client verb resource[/subresource]}, sorted. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((key, count) -> out.put(key, count.sum()));
    return out;
  }

  /** What happened between two snapshots: the keys whose count grew, with the growth. */
  public static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> out = new TreeMap<>();
    after.forEach((key, count) -> {
      long grown = count - before.getOrDefault(key, 0L);
      if (grown > 0) {
        out.put(key, grown);
      }
    });
    return out;
  }

  /** The verb as the API server names it in audit logs and metrics. */
  static String verb(String method, RequestPath path, String contentType) {
    return switch (method) {
      case "GET" -> path.isWatch() ? "watch" : path.name() == null ? "list" : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> contentType != null && contentType.startsWith("application/apply-patch") ? "apply" : "patch";
      case "DELETE" -> path.name() == null ? "deletecollection" : "delete";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String key(String userAgent, String verb, RequestPath path) {
    String client = userAgent == null || userAgent.isBlank() ? "unknown" : userAgent.split("[/ ]", 2)[0];
    String resource = path.subresource() == null ? path.resource() : path.resource() + "/" + path.subresource();
    return client + " " + verb + " " + resource;
  }
}
