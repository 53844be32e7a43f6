package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.server.ResourceType.PrinterColumn;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Server-side printing: the {@code meta.k8s.io/v1 Table} a real API server answers when {@code kubectl get} asks
 * for one, with the CRD's printer columns.
 */
final class Tables {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating "
      + "resources, although some resources may allow a client to request the generation of an appropriate name "
      + "automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be "
      + "updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

  private Tables() {
  }

  /** A computed cell, not a JSONPath: a pod's ready containers over its containers, {@code 1/1}. */
  static final String POD_READY = "#podReady";
  /** A computed cell: a Deployment's ready replicas over its desired ones, {@code 2/2}. */
  static final String DEPLOYMENT_READY = "#deploymentReady";

  static boolean wantsTable(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  static ObjectNode table(ResourceType type, List<JsonNode> objects, String resourceVersion, String includeObject,
      Instant now) {
    ObjectNode table = JSON.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode defs = table.putArray("columnDefinitions");
    ObjectNode nameCol = defs.addObject();
    nameCol.put("name", "Name").put("type", "string").put("format", "name").put("description", NAME_DESCRIPTION)
        .put("priority", 0);
    List<PrinterColumn> columns = type.printerColumns();
    if (columns.isEmpty()) {
      columns = List.of(new PrinterColumn("Age", "date", "", "", 0, ".metadata.creationTimestamp"));
    }
    for (PrinterColumn col : columns) {
      ObjectNode def = defs.addObject();
      def.put("name", col.name()).put("type", col.type()).put("format", col.format())
          .put("description", col.description().isEmpty()
              ? "Custom resource definition column (in JSONPath format): " + col.jsonPath()
              : col.description())
          .put("priority", col.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      for (PrinterColumn col : columns) {
        cells.add(cell(col, object, now));
      }
      if (!"None".equals(includeObject)) {
        row.set("object", "Object".equals(includeObject) ? object : partial(object));
      }
    }
    return table;
  }

  private static JsonNode partial(JsonNode object) {
    ObjectNode partial = JSON.objectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    partial.set("metadata", object.path("metadata").deepCopy());
    return partial;
  }

  private static JsonNode cell(PrinterColumn col, JsonNode object, Instant now) {
    if (POD_READY.equals(col.jsonPath())) {
      int containers = object.path("spec").path("containers").size();
      int ready = 0;
      for (JsonNode status : object.path("status").path("containerStatuses")) {
        ready += status.path("ready").asBoolean(false) ? 1 : 0;
      }
      return JSON.textNode(ready + "/" + containers);
    }
    if (DEPLOYMENT_READY.equals(col.jsonPath())) {
      return JSON.textNode(object.path("status").path("readyReplicas").asLong(0) + "/"
          + object.path("spec").path("replicas").asLong(1));
    }
    List<JsonNode> values = JsonPaths.find(object, col.jsonPath());
    if (values.isEmpty()) {
      return JSON.nullNode();
    }
    JsonNode first = values.get(0);
    switch (col.type()) {
      case "date":
        try {
          return JSON.textNode(age(Duration.between(OffsetDateTime.parse(first.asText()).toInstant(), now)));
        } catch (RuntimeException e) {
          return JSON.textNode(first.asText());
        }
      case "integer":
        return first.isNumber() ? JSON.numberNode(first.asLong()) : JSON.textNode(first.asText());
      case "number":
        return first.isNumber() ? JSON.numberNode(first.asDouble()) : JSON.textNode(first.asText());
      case "boolean":
        return first.isBoolean() ? first : JSON.textNode(first.asText());
      default:
        if (values.size() == 1) {
          return JSON.textNode(first.isValueNode() ? first.asText() : first.toString());
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode v : values) {
          if (!joined.isEmpty()) {
            joined.append(',');
          }
          joined.append(v.isValueNode() ? v.asText() : v.toString());
        }
        return JSON.textNode(joined.toString());
    }
  }

  /** Kubernetes' {@code duration.HumanDuration}, as the AGE column shows it. */
  static String age(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
