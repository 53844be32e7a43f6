package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing {@code metadata.managedFields}. */
final class ManagedFields {

  record Entry(ManagerId id, String apiVersion, String time, FieldSet fields) {
    Entry withFields(FieldSet f) {
      return new Entry(id, apiVersion, time, f);
    }

    long seconds() {
      if (time == null) {
        return 0;
      }
      try {
        return Instant.parse(time).getEpochSecond();
      } catch (DateTimeParseException e) {
        return 0;
      }
    }
  }

  private static final Comparator<Entry> ORDER = Comparator
      .comparing((Entry e) -> e.id().operation() == null ? "" : e.id().operation())
      .thenComparingLong(Entry::seconds)
      .thenComparing(e -> nz(e.id().manager()))
      .thenComparing(e -> nz(e.apiVersion()))
      .thenComparing(e -> nz(e.id().subresource()));

  private ManagedFields() {
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The entries of an object, by manager identity; entries of the same identity are merged. */
  static LinkedHashMap<ManagerId, Entry> read(ObjectNode obj) {
    LinkedHashMap<ManagerId, Entry> out = new LinkedHashMap<>();
    if (obj == null) {
      return out;
    }
    JsonNode mf = obj.path("metadata").path("managedFields");
    if (!mf.isArray()) {
      return out;
    }
    for (JsonNode e : mf) {
      String operation = text(e, "operation");
      String apiVersion = text(e, "apiVersion");
      String sub = text(e, "subresource");
      ManagerId id = new ManagerId(text(e, "manager"), operation,
          ManagerId.APPLY.equals(operation) ? null : apiVersion, sub);
      FieldSet fields = FieldSet.fromFieldsV1(e.get("fieldsV1"));
      Entry entry = new Entry(id, apiVersion, text(e, "time"), fields);
      out.merge(id, entry, (a, b) -> a.withFields(a.fields().union(b.fields())));
    }
    return out;
  }

  static boolean hasManagedFields(ObjectNode obj) {
    JsonNode mf = obj == null ? null : obj.path("metadata").get("managedFields");
    return mf != null && mf.isArray() && !mf.isEmpty();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  /** Writes the entries into {@code metadata.managedFields}, sorted as the apiserver sorts them. */
  static void write(ObjectNode obj, Map<ManagerId, Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.removeIf(e -> e.fields().isEmpty());
    sorted.sort(ORDER);
    JsonNode m = obj.get("metadata");
    ObjectNode metadata = m instanceof ObjectNode o ? o : obj.putObject("metadata");
    if (sorted.isEmpty()) {
      metadata.remove("managedFields");
      return;
    }
    ArrayNode arr = metadata.putArray("managedFields");
    for (Entry e : sorted) {
      ObjectNode o = arr.addObject();
      if (e.id().manager() != null) {
        o.put("manager", e.id().manager());
      }
      o.put("operation", e.id().operation());
      if (e.apiVersion() != null) {
        o.put("apiVersion", e.apiVersion());
      }
      if (e.time() != null) {
        o.put("time", e.time());
      }
      o.put("fieldsType", "FieldsV1");
      o.set("fieldsV1", e.fields().toFieldsV1());
      if (e.id().subresource() != null) {
        o.put("subresource", e.id().subresource());
      }
    }
  }
}
