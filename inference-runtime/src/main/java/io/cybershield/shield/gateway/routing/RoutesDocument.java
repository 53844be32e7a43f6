package io.cybershield.shield.gateway.routing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cybershield.shield.api.routing.GatewayRoutes;

import java.io.IOException;
import java.util.List;

/**
 * The routing document ({@link GatewayRoutes}, the {@value GatewayRoutes#KEY} of the routing ConfigMap) read the same
 * way in every mode: fields this gateway does not know are ignored (a newer operator may add some), a document of a
 * newer {@code schemaVersion} is refused. A refusal names the source and says why, with a position in the document
 * at most: the document itself is never quoted.
 */
public final class RoutesDocument {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private RoutesDocument() {
  }

  /** A model with no variants: every request is answered 503 (or 422 for work that may not move). */
  public static GatewayRoutes none() {
    return new GatewayRoutes(GatewayRoutes.SCHEMA_VERSION, null, null, null, null, null, List.of());
  }

  /**
   * Reads a routing document.
   *
   * @param json   the document
   * @param source what it was read from, for the message of a refusal ({@code the ConfigMap soc/m-gateway-routes})
   * @throws IllegalArgumentException when it is not a routing document or has a newer schema
   */
  public static GatewayRoutes parse(String json, String source) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException(source + " holds no routing document");
    }
    GatewayRoutes routes;
    try {
      routes = JSON.readValue(json, GatewayRoutes.class);
    } catch (JsonMappingException e) {
      // the path of the field, never its value: Jackson's own message quotes the input
      throw new IllegalArgumentException(source + " is not a routing document: unexpected content at "
          + path(e) + where(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + " is not valid JSON" + where(e.getLocation()));
    } catch (IOException e) {
      throw new IllegalArgumentException(source + " cannot be read: " + e.getClass().getSimpleName());
    }
    if (routes == null) {
      throw new IllegalArgumentException(source + " holds no routing document");
    }
    if (routes.schemaVersion() != null && routes.schemaVersion() > GatewayRoutes.SCHEMA_VERSION) {
      throw new IllegalArgumentException(source + " has schema " + routes.schemaVersion()
          + "; this gateway reads schema " + GatewayRoutes.SCHEMA_VERSION);
    }
    return routes;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
