package io.cybershield.shield.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A request body read strictly: UTF-8 and nothing else (a byte that is not UTF-8 is refused, never replaced), one
 * JSON object and nothing after it, and each field checked for its type and range with a message that names the
 * field and what it may be. Messages never quote the body: it may hold secrets.
 */
public final class JsonBody {

  private static final ObjectReader READER = new ObjectMapper()
      .reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ObjectNode object;

  private JsonBody(ObjectNode object) {
    this.object = object;
  }

  public static JsonBody parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw ApiException.badRequest("MissingBody", "The request needs a JSON object as its body.");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      throw ApiException.badRequest("InvalidEncoding", "The request body is not valid UTF-8.");
    }
    JsonNode node;
    try {
      node = READER.readTree(text);
    } catch (JsonProcessingException malformed) {
      throw ApiException.badRequest("MalformedJson", "The request body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("InvalidRequest", "The request body must be a JSON object.");
    }
    return new JsonBody((ObjectNode) node);
  }

  public ObjectNode object() {
    return object;
  }

  public JsonNode get(String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public String requiredString(String field) {
    JsonNode value = get(field);
    if (value == null) {
      throw ApiException.badRequest("MissingField", "The field '" + field + "' is required: a string.");
    }
    return string(field, value);
  }

  public static String string(String field, JsonNode value) {
    if (!value.isTextual()) {
      throw ApiException.badRequest("InvalidField", "The field '" + field + "' must be a string.");
    }
    return value.asText();
  }

  public Boolean optionalBoolean(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiException.badRequest("InvalidField", "The field '" + field + "' must be true or false.");
    }
    return value.asBoolean();
  }

  public Integer optionalInt(String field, int min, int max) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiException.badRequest("InvalidField", "The field '" + field + "' must be a whole number from "
          + min + " to " + max + ".");
    }
    int number = value.asInt();
    if (number < min || number > max) {
      throw ApiException.badRequest("OutOfRange", "The field '" + field + "' must be from " + min + " to " + max
          + ".");
    }
    return number;
  }

  Long optionalLong(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiException.badRequest("InvalidField", "The field '" + field + "' must be a whole number.");
    }
    return value.asLong();
  }

  Double optionalNumber(String field, double min, double max) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw ApiException.badRequest("InvalidField", "The field '" + field + "' must be a number from " + min
          + " to " + max + ".");
    }
    double number = value.asDouble();
    if (number < min || number > max) {
      throw ApiException.badRequest("OutOfRange", "The field '" + field + "' must be from " + min + " to " + max
          + ".");
    }
    return number;
  }

  public static Priority priority(String where, String value) {
    return value == null ? null : parse(Priority.class, where, value);
  }

  public static DataClassification classification(String where, String value) {
    return value == null ? null : parse(DataClassification.class, where, value);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String where, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.trim())) {
        return constant;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    throw ApiException.badRequest("InvalidField", "The " + where + " must be one of: " + allowed + ".");
  }
}
