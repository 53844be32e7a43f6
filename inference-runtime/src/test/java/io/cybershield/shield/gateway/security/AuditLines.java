package io.cybershield.shield.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.audit.AuditLog;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** The audit lines the gateway writes while a test runs, caught from the log category {@value AuditLog#CATEGORY}. */
public final class AuditLines extends Handler implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final java.util.logging.Logger category = java.util.logging.Logger.getLogger(AuditLog.CATEGORY);

  public AuditLines() {
    category.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    category.removeHandler(this);
  }

  /** The raw lines so far. */
  public List<String> raw() {
    return List.copyOf(lines);
  }

  /** The line of the request with this id, if written yet. */
  public JsonNode of(String requestId) {
    for (String line : lines) {
      try {
        JsonNode node = JSON.readTree(line);
        if (requestId.equals(node.path("requestId").asText())) {
          return node;
        }
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return null;
  }
}
