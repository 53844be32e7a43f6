package io.cybershield.shield.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facts of one request the audit log writes, gathered while it is served: the security handler sets who and
 * which API, the endpoints where it was served and what the guards found. Only names, codes, counts and types go in:
 * never the text of a prompt, an answer or a credential. Thread-safe (an answer may end on another thread).
 */
public final class CallRecord {

  /** The key of the record in the Vert.x routing context. */
  public static final String KEY = "shield.call";

  private final String requestId = UUID.randomUUID().toString();
  private final Instant time = Instant.now();
  private final long arrivedNanos = System.nanoTime();
  private final String method;
  private final String path;
  private final String source;
  private final Map<String, Object> facts = new ConcurrentHashMap<>();

  public CallRecord(String method, String path, String source) {
    this.method = method;
    this.path = path;
    this.source = source;
  }

  public String requestId() {
    return requestId;
  }

  public String source() {
    return source;
  }

  public long arrivedNanos() {
    return arrivedNanos;
  }

  /** Sets a fact; a null value is left out. */
  public CallRecord put(String name, Object value) {
    if (value != null) {
      facts.put(name, value);
    }
    return this;
  }

  public Object get(String name) {
    return facts.get(name);
  }

  /** Where the request was served. */
  public void served(String variant, String pool) {
    put("variant", variant);
    put("pool", pool);
  }

  /** Adds to a count, e.g. the tokens of an answer or the findings of a type. */
  @SuppressWarnings("unchecked")
  public void count(String name, String key, int add) {
    Map<String, Integer> counts = (Map<String, Integer>) facts.computeIfAbsent(name, ignored ->
        new ConcurrentHashMap<String, Integer>());
    counts.merge(key, add, Integer::sum);
  }

  /** The line's fields in the order they are written. */
  Map<String, Object> fields(int status, String error, long latencyNanos) {
    Map<String, Object> line = new java.util.LinkedHashMap<>();
    line.put("time", time.toString());
    line.put("requestId", requestId);
    line.put("method", method);
    line.put("path", path);
    line.put("source", source);
    for (String name : List.of("principal", "authenticator", "role", "api", "model", "variant", "pool",
        "priority", "classification", "requestedClassification")) {
      Object value = facts.get(name);
      if (value != null) {
        line.put(name, value);
      }
    }
    Map<String, Object> guard = new java.util.LinkedHashMap<>();
    for (String name : List.of("screen", "score", "categories", "inputFindings", "outputFindings")) {
      Object value = facts.get(name);
      if (value != null) {
        guard.put(name, value instanceof Map<?, ?> map ? new TreeMap<>(map) : value);
      }
    }
    if (!guard.isEmpty()) {
      line.put("guard", guard);
    }
    // POST /v1/awareness/email: the verdict and the indicator kinds, never the email
    Object awareness = facts.get("awareness");
    if (awareness != null) {
      line.put("awareness", awareness);
    }
    // POST /v1/triage: the source, how many lines, rule hits and findings, what became of the model (never the lines)
    Object triage = facts.get("triage");
    if (triage instanceof Map<?, ?> counts && !counts.isEmpty()) {
      line.put("triage", new TreeMap<>(counts));
    }
    // a SIEM alert: its system and id, the incident and what became of it (never the payload)
    Object siem = facts.get("siem");
    if (siem instanceof Map<?, ?> alert && !alert.isEmpty()) {
      line.put("siem", new java.util.LinkedHashMap<>(alert));
    }
    line.put("status", status);
    if (error != null) {
      line.put("error", error);
    }
    line.put("latencyMs", Math.round(latencyNanos / 10_000.0) / 100.0);
    for (String name : List.of("tokensIn", "tokensOut", "misuse")) {
      Object value = facts.get(name);
      if (value != null) {
        line.put(name, value);
      }
    }
    return line;
  }
}
