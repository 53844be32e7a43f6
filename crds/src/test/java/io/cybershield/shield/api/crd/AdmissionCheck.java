package io.cybershield.shield.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an object against a CRD schema the way the API server admits a create, and words the errors the way it
 * does: defaults, then the OpenAPI keywords the Shield CRDs use, then list-type
 * uniqueness, then the CEL rules, which the server skips when a blocking schema error was found.
 * <p>
 * This exists to prove the fixtures right (each invalid fixture trips exactly the rule it names) and the rules
 * evaluable (no rule fails with "no such key" on a valid object). It is not the sandbox's admission, which uses a
 * real JSON-schema validator.
 */
final class AdmissionCheck {

  static final String NOT_CHECKED = "<nil>: Invalid value: \"null\": some validation rules were not checked because "
      + "the object was invalid; correct the existing errors to complete validation";

  /** The CEL environment rules are evaluated in: dyn self, standard macros, partial-match regexes as in Go. */
  static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(CelOptions.current().enableRegexPartialMatch(true).build())
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .build();

  /** What admission says about an object. */
  record Result(List<String> errors, List<String> unknownFields) {
  }

  private final List<String> errors = new ArrayList<>();
  private final List<String> unknownFields = new ArrayList<>();
  private boolean blocking;

  private AdmissionCheck() {
  }

  static Result check(JSONSchemaProps schema, ObjectNode object) {
    AdmissionCheck check = new AdmissionCheck();
    ObjectNode defaulted = object.deepCopy();
    applyDefaults(schema, defaulted);
    check.validate(schema, defaulted, null);
    if (check.blocking) {
      check.errors.add(NOT_CHECKED);
    } else {
      check.evaluateRules(schema, defaulted, null);
    }
    return new Result(List.copyOf(check.errors), List.copyOf(check.unknownFields));
  }

  // ---- defaulting

  private static void applyDefaults(JSONSchemaProps schema, JsonNode node) {
    if (node == null || schema == null) {
      return;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (schema.getProperties() != null) {
        schema.getProperties().forEach((name, property) -> {
          if (!object.has(name) && property.getDefault() != null) {
            object.set(name, property.getDefault().deepCopy());
          }
          applyDefaults(property, object.get(name));
        });
      }
      if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
        object.forEach(value -> applyDefaults(schema.getAdditionalProperties().getSchema(), value));
      }
    } else if (node.isArray() && schema.getItems() != null) {
      node.forEach(item -> applyDefaults(schema.getItems().getSchema(), item));
    }
  }

  // ---- OpenAPI schema

  private void validate(JSONSchemaProps schema, JsonNode node, String path) {
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      if (!node.isIntegralNumber() && !node.isTextual()) {
        typeError(path, node, "integer or string");
      }
      return;
    }
    String type = schema.getType();
    String actual = jsonType(node);
    if (type != null && !type.equals(actual) && !("number".equals(type) && "integer".equals(actual))) {
      typeError(path, node, type);
      return;
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty() && !schema.getEnum().contains(node)) {
      List<String> supported = schema.getEnum().stream().map(v -> quote(v.asText())).toList();
      fail(path, "Unsupported value: " + value(node) + ": supported values: " + String.join(", ", supported), true);
    }
    switch (actual) {
      case "string" -> validateString(schema, node.asText(), path);
      case "integer", "number" -> validateNumber(schema, node, path);
      case "array" -> validateArray(schema, node, path);
      case "object" -> validateObject(schema, (ObjectNode) node, path);
      default -> {
      }
    }
  }

  private void validateString(JSONSchemaProps schema, String value, String path) {
    if (schema.getMaxLength() != null && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > schema.getMaxLength()) {
      fail(path, "Too long: may not be more than " + schema.getMaxLength() + " bytes", true);
    }
    if (schema.getMinLength() != null && value.length() < schema.getMinLength()) {
      fail(path, "Invalid value: " + quote(value) + ": " + path + " in body should be at least "
          + schema.getMinLength() + " chars long", false);
    }
    if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(value).find()) {
      fail(path, "Invalid value: " + quote(value) + ": " + path + " in body should match '" + schema.getPattern()
          + "'", false);
    }
  }

  private void validateNumber(JSONSchemaProps schema, JsonNode node, String path) {
    double value = node.asDouble();
    if (schema.getMaximum() != null && value > schema.getMaximum()) {
      fail(path, "Invalid value: " + value(node) + ": " + path + " in body should be less than or equal to "
          + number(schema.getMaximum()), false);
    }
    if (schema.getMinimum() != null && value < schema.getMinimum()) {
      fail(path, "Invalid value: " + value(node) + ": " + path + " in body should be greater than or equal to "
          + number(schema.getMinimum()), false);
    }
  }

  private void validateArray(JSONSchemaProps schema, JsonNode node, String path) {
    for (int i = 0; i < node.size(); i++) {
      validate(schema.getItems().getSchema(), node.get(i), path + "[" + i + "]");
    }
    if (schema.getMinItems() != null && node.size() < schema.getMinItems()) {
      fail(path, "Invalid value: " + value(node) + ": " + path + " in body should have at least "
          + schema.getMinItems() + " items", false);
    }
    if (schema.getMaxItems() != null && node.size() > schema.getMaxItems()) {
      fail(path, "Too many: " + node.size() + ": must have at most " + schema.getMaxItems() + " items", true);
    }
    String listType = schema.getXKubernetesListType();
    if ("set".equals(listType)) {
      List<JsonNode> seen = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        if (seen.contains(node.get(i))) {
          fail(path + "[" + i + "]", "Duplicate value: " + value(node.get(i)), false);
        }
        seen.add(node.get(i));
      }
    } else if ("map".equals(listType)) {
      List<Map<String, JsonNode>> seen = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        Map<String, JsonNode> key = new LinkedHashMap<>();
        for (String keyField : schema.getXKubernetesListMapKeys()) {
          key.put(keyField, node.get(i).get(keyField));
        }
        if (seen.contains(key)) {
          StringBuilder goMap = new StringBuilder("map[string]interface {}{");
          key.forEach((k, v) -> goMap.append(quote(k)).append(':').append(value(v)));
          fail(path + "[" + i + "]", "Duplicate value: " + goMap.append('}'), false);
        }
        seen.add(key);
      }
    }
  }

  private void validateObject(JSONSchemaProps schema, ObjectNode node, String path) {
    Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
    JSONSchemaProps values = schema.getAdditionalProperties() == null ? null
        : schema.getAdditionalProperties().getSchema();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (path == null && Set.of("apiVersion", "kind", "metadata").contains(field.getKey())) {
        continue;
      }
      if (properties.containsKey(field.getKey())) {
        validate(properties.get(field.getKey()), field.getValue(), child(path, field.getKey()));
      } else if (values != null) {
        validate(values, field.getValue(), path + "[" + field.getKey() + "]");
      } else if (!Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
        unknownFields.add(child(path, field.getKey()));
      }
    }
    if (schema.getMaxProperties() != null && node.size() > schema.getMaxProperties()) {
      fail(path, "Too many: " + node.size() + ": must have at most " + schema.getMaxProperties() + " items", true);
    }
    if (schema.getRequired() != null) {
      for (String required : schema.getRequired()) {
        if (!node.has(required) || node.get(required).isNull()) {
          fail(child(path, required), "Required value", true);
        }
      }
    }
  }

  private void typeError(String path, JsonNode node, String type) {
    fail(path, "Invalid value: " + quote(jsonType(node)) + ": " + path + " in body must be of type " + type + ": "
        + quote(jsonType(node)), true);
  }

  private void fail(String path, String body, boolean blocksRules) {
    errors.add((path == null ? "<nil>" : path) + ": " + body);
    blocking |= blocksRules;
  }

  // ---- CEL

  private void evaluateRules(JSONSchemaProps schema, JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return;
    }
    for (ValidationRule rule : schema.getXKubernetesValidations() == null ? List.<ValidationRule>of()
        : schema.getXKubernetesValidations()) {
      if (rule.getRule().contains("oldSelf")) {
        continue; // transition rules are not evaluated on create
      }
      Object result;
      try {
        result = CEL.createProgram(CEL.compile(rule.getRule()).getAst())
            .eval(Map.of("self", toCel(node, schema, path == null)));
      } catch (CelValidationException | CelEvaluationException e) {
        throw new AssertionError("rule at " + path + " could not be evaluated: " + rule.getRule(), e);
      }
      if (!Boolean.TRUE.equals(result)) {
        String fieldPath = rule.getFieldPath() == null ? path
            : (path == null ? rule.getFieldPath().substring(1) : path + rule.getFieldPath());
        errors.add((fieldPath == null ? "<nil>" : fieldPath) + ": Invalid value: " + quote(schema.getType()) + ": "
            + (rule.getMessage() == null ? "failed rule: " + rule.getRule() : rule.getMessage().trim()));
      }
    }
    if (node.isObject()) {
      if (schema.getProperties() != null) {
        schema.getProperties().forEach((name, property) -> evaluateRules(property, node.get(name),
            child(path, name)));
      }
      if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
        node.fields().forEachRemaining(field -> evaluateRules(schema.getAdditionalProperties().getSchema(),
            field.getValue(), path + "[" + field.getKey() + "]"));
      }
    } else if (node.isArray() && schema.getItems() != null) {
      for (int i = 0; i < node.size(); i++) {
        evaluateRules(schema.getItems().getSchema(), node.get(i), path + "[" + i + "]");
      }
    }
  }

  /**
   * The value of a node as the CEL runtime takes it (maps, lists, Long, Double, String, Boolean), with property
   * names escaped the way the API server does, and at the root only the metadata CEL may see.
   */
  static Object toCel(JsonNode node, JSONSchemaProps schema, boolean root) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> map = new HashMap<>();
        Map<String, JSONSchemaProps> properties = schema == null || schema.getProperties() == null ? Map.of()
            : schema.getProperties();
        JSONSchemaProps values = schema == null || schema.getAdditionalProperties() == null ? null
            : schema.getAdditionalProperties().getSchema();
        node.fields().forEachRemaining(field -> {
          if (properties.containsKey(field.getKey())) {
            CelNames.escape(field.getKey()).ifPresent(name ->
                map.put(name, toCel(field.getValue(), properties.get(field.getKey()), false)));
          } else if (root && field.getKey().equals("metadata")) {
            Map<String, Object> metadata = new HashMap<>();
            for (String visible : List.of("name", "generateName")) {
              if (field.getValue().hasNonNull(visible)) {
                metadata.put(visible, field.getValue().get(visible).asText());
              }
            }
            map.put("metadata", metadata);
          } else if (root && Set.of("apiVersion", "kind").contains(field.getKey())) {
            map.put(field.getKey(), field.getValue().asText());
          } else if (values != null) {
            map.put(field.getKey(), toCel(field.getValue(), values, false));
          }
        });
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        node.forEach(item -> list.add(toCel(item, schema == null || schema.getItems() == null ? null
            : schema.getItems().getSchema(), false)));
        yield list;
      }
      case NUMBER -> node.isIntegralNumber() ? (Object) node.asLong() : (Object) node.asDouble();
      case BOOLEAN -> node.asBoolean();
      case STRING -> node.asText();
      default -> throw new IllegalArgumentException("unsupported value " + node);
    };
  }

  // ---- formatting, as Go's field.Error does it

  private static String child(String path, String name) {
    return path == null ? name : path + "." + name;
  }

  private static String jsonType(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
      default -> "null";
    };
  }

  private static String value(JsonNode node) {
    if (node.isTextual()) {
      return quote(node.asText());
    }
    if (node.isIntegralNumber() || node.isBoolean()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return number(node.asDouble());
    }
    if (node.isArray() && node.isEmpty()) {
      return "[]interface {}{}";
    }
    return Objects.toString(node);
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
