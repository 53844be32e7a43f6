package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The {@code autoscaling/v1} Scale view of an object with a scale subresource. */
final class Scale {

  private Scale() {
  }

  static ObjectNode of(ResourceType type, ObjectNode object) {
    if (!type.scaleSubresource()) {
      throw Statuses.notFound(type, object.path("metadata").path("name").asText());
    }
    ObjectNode scale = JsonNodeFactory.instance.objectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    for (String key : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (object.path("metadata").has(key)) {
        meta.set(key, object.path("metadata").get(key));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    JsonNode matchLabels = object.path("spec").path("selector").path("matchLabels");
    if (matchLabels.isObject()) {
      List<String> parts = new ArrayList<>();
      matchLabels.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
      status.put("selector", String.join(",", parts));
    }
    return scale;
  }
}
