package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Decoding of request bodies, with the BadRequest and UnsupportedMediaType answers a real server gives. */
final class RequestBodies {

  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final ObjectMapper YAML = Serialization.yamlMapper();

  private RequestBodies() {
  }

  /** An object body in JSON or YAML (always YAML, which JSON is too, for {@code yamlAllowed}). */
  static ObjectNode object(String contentType, byte[] body, boolean yamlAllowed) {
    String mediaType = contentType == null ? "application/json" : contentType.split(";")[0].trim();
    if (body == null || body.length == 0) {
      throw Statuses.badRequest("Object 'Kind' is missing in ''");
    }
    JsonNode node;
    try {
      if (mediaType.equals("application/yaml") || yamlAllowed) {
        node = YAML.readTree(body);
      } else if (mediaType.equals("application/json") || mediaType.isEmpty()) {
        node = JSON.readTree(body);
      } else {
        throw Statuses.unsupportedMediaType("application/json, application/yaml");
      }
    } catch (IOException e) {
      throw Statuses.badRequest("the body of the request could not be decoded: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw Statuses.badRequest("Object 'Kind' is missing in '" + new String(body, StandardCharsets.UTF_8) + "'");
    }
    return (ObjectNode) node;
  }

  /** Delete options; no body means none. */
  static JsonNode deleteOptions(byte[] body) {
    return body == null || body.length == 0 ? JsonNodeFactory.instance.objectNode() : json(body);
  }

  /** A JSON body of any shape (a patch). */
  static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw Statuses.badRequest("the body of the request could not be decoded: " + e.getMessage());
    }
  }
}
