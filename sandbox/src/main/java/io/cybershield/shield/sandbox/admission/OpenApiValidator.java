package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.OpenApi30;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAPI v3 schema validation of a custom resource with networknt's OpenAPI 3.0 dialect, translated into the
 * field errors apiextensions-apiserver produces ({@code kubeOpenAPIResultToFieldErrors} + kube-openapi texts).
 */
final class OpenApiValidator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Formats whose networknt semantics match kube-openapi's closely enough; others are not asserted. */
  private static final Set<String> ASSERTED_FORMATS = Set.of("date", "date-time", "ipv4", "ipv6", "uuid", "email", "hostname");
  /** OpenAPI 3.0 with the draft-4 boolean exclusiveMaximum/exclusiveMinimum (read by maximum/minimum) declared. */
  private static final Dialect DIALECT = Dialect.builder(OpenApi30.getInstance())
      .keyword(new NonValidationKeyword("exclusiveMaximum"))
      .keyword(new NonValidationKeyword("exclusiveMinimum"))
      .build();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DIALECT,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
          .losslessNarrowing(true).preloadSchema(true).build()));

  private final ObjectNode converted;
  private final Schema schema;

  OpenApiValidator(JsonNode structural) {
    this.converted = (ObjectNode) convert(structural, true);
    this.schema = REGISTRY.getSchema(converted);
    this.schema.initializeValidators(); // eager, so concurrent admits never race on lazy initialisation
  }

  /** Turns a Kubernetes structural schema into a plain OpenAPI 3.0 schema for networknt. */
  static JsonNode convert(JsonNode s, boolean root) {
    if (s == null || !s.isObject()) return s;
    ObjectNode out = F.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = s.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (k.startsWith("x-kubernetes-") || k.equals("default") || k.equals("example") || k.equals("description")) continue;
      switch (k) {
        case "properties" -> {
          ObjectNode p = out.putObject("properties");
          v.fields().forEachRemaining(pe -> {
            if (root && pe.getKey().equals("metadata")) {
              // ObjectMeta is validated separately; a CRD may only constrain name and generateName
              ObjectNode md = F.objectNode();
              JsonNode mdProps = Structural.props(pe.getValue());
              if (mdProps != null) {
                ObjectNode kept = F.objectNode();
                for (String f : List.of("name", "generateName")) {
                  if (mdProps.has(f)) kept.set(f, convert(mdProps.get(f), false));
                }
                if (!kept.isEmpty()) md.set("properties", kept);
              }
              p.set("metadata", md);
              return;
            }
            p.set(pe.getKey(), convert(pe.getValue(), false));
          });
        }
        case "items", "additionalProperties", "not" -> out.set(k, convert(v, false));
        case "allOf", "anyOf", "oneOf" -> {
          ArrayNode a = out.putArray(k);
          v.forEach(x -> a.add(convert(x, false)));
        }
        case "format" -> {
          if (ASSERTED_FORMATS.contains(v.asText())) out.set(k, v);
        }
        case "required" -> {
          if (root && v.isArray()) {
            ArrayNode a = out.putArray(k);
            v.forEach(x -> { if (!x.asText().equals("metadata")) a.add(x); });
          } else {
            out.set(k, v);
          }
        }
        default -> out.set(k, v);
      }
    }
    if (Structural.intOrString(s)) {
      out.remove("anyOf");
      out.remove("allOf");
      ArrayNode t = out.putArray("type");
      t.add("integer").add("string");
    }
    return out;
  }

  List<FieldError> validate(JsonNode object) {
    List<FieldError> out = new ArrayList<>();
    for (Error e : schema.validate(object)) {
      FieldError fe = translate(e);
      if (fe != null) out.add(fe);
    }
    return out;
  }

  private JsonNode parentSchema(Error e) {
    NodePath frag = e.getSchemaLocation().getFragment();
    JsonNode n = converted;
    for (int i = 0; i < frag.getNameCount() - 1 && n != null; i++) {
      Object el = frag.getElement(i);
      n = el instanceof Integer idx ? n.get(idx) : n.get(String.valueOf(el));
    }
    return n == null ? F.objectNode() : n;
  }

  static String path(NodePath p) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < p.getNameCount(); i++) {
      Object el = p.getElement(i);
      if (el instanceof Integer idx) {
        b.append('[').append(idx).append(']');
      } else {
        if (b.length() > 0) b.append('.');
        b.append(el);
      }
    }
    return b.toString();
  }

  private static String jsonType(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return "null";
    if (n.isTextual()) return "string";
    if (n.isIntegralNumber()) return "integer";
    if (n.isNumber()) return "number";
    if (n.isBoolean()) return "boolean";
    if (n.isArray()) return "array";
    return "object";
  }

  private FieldError translate(Error e) {
    String kw = e.getKeyword();
    String path = path(e.getInstanceLocation());
    JsonNode v = e.getInstanceNode();
    JsonNode ps = parentSchema(e);
    String name = path; // kube-openapi's error Name is the dotted path
    boolean intData = v != null && v.isIntegralNumber();
    switch (kw) {
      case "required":
        return FieldError.required(Structural.child(path, e.getProperty() != null ? e.getProperty()
            : String.valueOf(e.getArguments()[0])), "");
      case "type": {
        JsonNode t = ps.get("type");
        String expected = t == null ? "" : t.isArray()
            ? String.join(",", iterText(t)) : t.asText();
        String actual = jsonType(v);
        return FieldError.typeInvalid(path, actual, name + " in body must be of type " + expected + ": " + GoFmt.quote(actual));
      }
      case "format": {
        String fmt = ps.path("format").asText();
        return FieldError.typeInvalid(path, v, name + " in body must be of type " + fmt + ": " + GoFmt.value(v));
      }
      case "enum": {
        List<String> values = new ArrayList<>();
        for (JsonNode x : ps.path("enum")) values.add(x.isTextual() ? x.textValue() : GoFmt.json(x));
        return FieldError.notSupported(path, v, values);
      }
      case "maximum": {
        boolean excl = ps.path("exclusiveMaximum").asBoolean(false);
        return FieldError.invalid(path, v, name + " in body should be less than " + (excl ? "" : "or equal to ")
            + GoFmt.threshold(ps.get("maximum"), intData));
      }
      case "minimum": {
        boolean excl = ps.path("exclusiveMinimum").asBoolean(false);
        return FieldError.invalid(path, v, name + " in body should be greater than " + (excl ? "" : "or equal to ")
            + GoFmt.threshold(ps.get("minimum"), intData));
      }
      case "multipleOf":
        return FieldError.invalid(path, v, name + " in body should be a multiple of "
            + GoFmt.threshold(ps.get("multipleOf"), intData && ps.get("multipleOf").isIntegralNumber()));
      case "maxLength":
        return FieldError.tooLong(path, ps.path("maxLength").asLong());
      case "minLength":
        return FieldError.invalid(path, v, name + " in body should be at least " + ps.path("minLength").asLong() + " chars long");
      case "pattern":
        return FieldError.invalid(path, v, name + " in body should match '" + ps.path("pattern").asText() + "'");
      case "maxItems":
        return FieldError.tooMany(path, v == null ? -1 : v.size(), ps.path("maxItems").asLong());
      case "minItems":
        return FieldError.invalid(path, v == null ? 0 : (long) v.size(),
            name + " in body should have at least " + ps.path("minItems").asLong() + " items");
      case "maxProperties":
        return FieldError.tooMany(path, v == null ? -1 : v.size(), ps.path("maxProperties").asLong());
      case "minProperties":
        return FieldError.invalid(path, v == null ? 0 : (long) v.size(),
            name + " in body should have at least " + ps.path("minProperties").asLong() + " properties");
      case "uniqueItems":
        return FieldError.invalid(path, v, name + " in body shouldn't contain duplicates");
      case "anyOf":
        return FieldError.invalid(path, v, name + " in body must validate at least one schema (anyOf)");
      case "oneOf":
        return FieldError.invalid(path, v, name + " in body must validate one and only one schema (oneOf)");
      case "allOf":
        return null; // the failing sub-schema reports its own errors
      case "not":
        return FieldError.invalid(path, v, name + " in body must not validate the schema (not)");
      default:
        return FieldError.invalid(path, v, e.getMessage());
    }
  }

  private static List<String> iterText(JsonNode arr) {
    List<String> l = new ArrayList<>();
    arr.forEach(x -> l.add(x.asText()));
    return l;
  }
}
