package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Shared helpers of the SSA tests: JSON literals, a clock the test moves, and managedFields accessors. */
final class SsaFixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private SsaFixtures() {
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode resource(String name) {
    try (InputStream in = SsaFixtures.class.getResourceAsStream("/ssa/" + name)) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The managedFields entry of a manager and operation, or null. */
  static JsonNode entry(JsonNode obj, String manager, String operation) {
    for (JsonNode e : obj.path("metadata").path("managedFields")) {
      if (manager.equals(e.path("manager").asText()) && operation.equals(e.path("operation").asText())) {
        return e;
      }
    }
    return null;
  }

  static JsonNode fieldsV1(JsonNode obj, String manager, String operation) {
    JsonNode e = entry(obj, manager, operation);
    return e == null ? null : e.get("fieldsV1");
  }

  /** A clock the test advances explicitly, so times in managedFields are predictable without sleeping. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(String start) {
      this.now = Instant.parse(start);
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
