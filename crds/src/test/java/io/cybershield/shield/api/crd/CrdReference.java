package io.cybershield.shield.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes docs/reference/crds.md from the CRDs' OpenAPI v3 schemas: per kind its names and printer columns, the rules
 * on the whole object, then one table each for {@code spec} and {@code status} with every field's path, type,
 * whether it is required, its default, its constraints (enums, bounds, patterns, list semantics, CEL rules with their
 * messages) and its description.
 * <p>
 * Only the schema and the CRD's names are read, never the CRD's own metadata (labels, annotations), so a change to
 * those does not change the reference. Pure: the same CRDs give the same text.
 */
public final class CrdReference {

  /** Kinds in the order the reference lists them: what a user writes first, first. */
  static final List<String> KIND_ORDER = List.of("ShieldModel", "ShieldIncident", "ShieldRetrain");

  static final String HEADER = """
      <!-- Generated from the CRDs' openAPIV3Schema by CrdReference (crds module, test code); do not edit.
           Refresh with: %s -->

      # CRD reference

      Group `shield.cybershield.io`, version `v1alpha1`; every kind is namespaced and has a `status` subresource.
      This page is generated from the schemas the API server validates against (`helm/shield-operator/crds/`), so it
      says exactly what `kubectl apply` accepts. The guides explain the fields with examples:
      [ShieldModel](../guides/shieldmodel.md), [ShieldIncident](../guides/shieldincident.md),
      [ShieldRetrain](../guides/shieldretrain.md).

      Paths: `a.b` is field `b` of object `a`, `a[]` an item of list `a`, `a{}` a value of map `a`.
      Durations are Go durations (`90s`, `15m`, `1h30m`). A rule under *Constraints* is a CEL rule
      (`x-kubernetes-validations`): the API server refuses an object that breaks it with the message shown.

      """;

  private CrdReference() {
  }

  /** Where the committed reference lives, relative to the crds module (the tests' working directory). */
  public static Path file() {
    return Path.of(System.getProperty("shield.crds.referenceFile", "../docs/reference/crds.md"));
  }

  /** The reference of the given CRDs. */
  public static String render(Collection<CustomResourceDefinition> crds) {
    Map<Integer, CustomResourceDefinition> ordered = new TreeMap<>();
    for (CustomResourceDefinition crd : crds) {
      String kind = crd.getSpec().getNames().getKind();
      int index = KIND_ORDER.indexOf(kind);
      if (index < 0) {
        throw new IllegalStateException("kind " + kind + " has no place in CrdReference.KIND_ORDER");
      }
      ordered.put(index, crd);
    }
    StringBuilder out = new StringBuilder(HEADER.formatted(ShieldCrds.UPDATE_COMMAND));
    out.append("Kinds: ");
    out.append(String.join(", ", ordered.values().stream()
        .map(crd -> "[" + crd.getSpec().getNames().getKind() + "](#" + crd.getSpec().getNames().getKind()
            .toLowerCase() + ")").toList()));
    out.append(".\n");
    ordered.values().forEach(crd -> kind(out, crd));
    return out.toString();
  }

  private static void kind(StringBuilder out, CustomResourceDefinition crd) {
    CustomResourceDefinitionSpec spec = crd.getSpec();
    CustomResourceDefinitionVersion version = ShieldCrds.onlyVersion(crd);
    JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
    out.append("\n## ").append(spec.getNames().getKind()).append("\n\n");
    out.append(oneLine(root.getDescription())).append("\n\n");
    out.append("| | |\n| --- | --- |\n");
    out.append("| API version | `").append(spec.getGroup()).append('/').append(version.getName()).append("` |\n");
    out.append("| Scope | ").append(spec.getScope()).append(" |\n");
    out.append("| Resource | `").append(spec.getNames().getPlural()).append("` (singular `")
        .append(spec.getNames().getSingular()).append("`) |\n");
    if (spec.getNames().getShortNames() != null && !spec.getNames().getShortNames().isEmpty()) {
      out.append("| Short names | ").append(codes(spec.getNames().getShortNames())).append(" |\n");
    }
    if (spec.getNames().getCategories() != null && !spec.getNames().getCategories().isEmpty()) {
      out.append("| Categories | ").append(codes(spec.getNames().getCategories()))
          .append(" (`kubectl get ").append(spec.getNames().getCategories().get(0)).append("` lists it) |\n");
    }
    if (version.getSubresources() != null) {
      List<String> subresources = new ArrayList<>();
      if (version.getSubresources().getStatus() != null) {
        subresources.add("`status`");
      }
      if (version.getSubresources().getScale() != null) {
        subresources.add("`scale`");
      }
      out.append("| Subresources | ").append(String.join(", ", subresources)).append(" |\n");
    }
    List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
    if (columns != null && !columns.isEmpty()) {
      out.append("\nPrinter columns (`kubectl get ").append(spec.getNames().getPlural()).append("`):\n\n");
      out.append("| Column | Type | JSON path | Description |\n| --- | --- | --- | --- |\n");
      for (CustomResourceColumnDefinition column : columns) {
        out.append("| ").append(column.getName())
            .append(column.getPriority() != null && column.getPriority() > 0 ? " (with `-o wide`)" : "")
            .append(" | ").append(column.getType()).append(" | `").append(cell(column.getJsonPath())).append("` | ")
            .append(cell(oneLine(column.getDescription()))).append(" |\n");
      }
    }
    List<ValidationRule> rules = root.getXKubernetesValidations();
    if (rules != null && !rules.isEmpty()) {
      out.append("\nRules on the whole object:\n\n");
      for (ValidationRule rule : rules) {
        out.append("- ").append(rule(rule)).append('\n');
      }
    }
    Set<String> required = root.getRequired() == null ? Set.of() : Set.copyOf(root.getRequired());
    for (String part : List.of("spec", "status")) {
      JSONSchemaProps schema = root.getProperties() == null ? null : root.getProperties().get(part);
      if (schema == null) {
        continue;
      }
      out.append("\n### ").append(spec.getNames().getKind()).append(' ').append(part).append("\n\n");
      out.append(oneLine(schema.getDescription()));
      out.append(required.contains(part) ? " Required." : "").append("\n\n");
      List<String> objectRules = constraints(schema, part);
      if (!objectRules.isEmpty()) {
        out.append("Constraints on `").append(part).append("`: ").append(String.join("; ", objectRules))
            .append("\n\n");
      }
      out.append("| Field | Type | Required | Default | Constraints | Description |\n");
      out.append("| --- | --- | --- | --- | --- | --- |\n");
      fields(out, part, schema);
    }
  }

  /** One row per field below an object, depth first, properties in name order (as the schema keeps them). */
  private static void fields(StringBuilder out, String path, JSONSchemaProps object) {
    if (object.getProperties() != null) {
      Set<String> required = object.getRequired() == null ? Set.of() : Set.copyOf(object.getRequired());
      for (Map.Entry<String, JSONSchemaProps> field : new TreeMap<>(object.getProperties()).entrySet()) {
        String fieldPath = path + "." + field.getKey();
        row(out, fieldPath, field.getValue(), required.contains(field.getKey()));
        below(out, fieldPath, field.getValue());
      }
    }
  }

  private static void below(StringBuilder out, String path, JSONSchemaProps schema) {
    if ("array".equals(schema.getType()) && schema.getItems() != null && schema.getItems().getSchema() != null) {
      JSONSchemaProps items = schema.getItems().getSchema();
      if (items.getProperties() != null) {
        fields(out, path + "[]", items);
      } else if (!constraints(items, null).isEmpty() || items.getDescription() != null) {
        row(out, path + "[]", items, false);
      }
    } else if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
      JSONSchemaProps values = schema.getAdditionalProperties().getSchema();
      if (values.getProperties() != null) {
        fields(out, path + "{}", values);
      } else if (!constraints(values, null).isEmpty() || values.getDescription() != null) {
        row(out, path + "{}", values, false);
      }
    } else {
      fields(out, path, schema);
    }
  }

  private static void row(StringBuilder out, String path, JSONSchemaProps schema, boolean required) {
    out.append("| `").append(path).append("` | ").append(type(schema)).append(" | ")
        .append(required ? "yes" : "").append(" | ")
        .append(schema.getDefault() == null ? "" : "`" + cell(json(schema.getDefault())) + "`").append(" | ")
        .append(cell(String.join("; ", constraints(schema, path)))).append(" | ")
        .append(cell(oneLine(schema.getDescription()))).append(" |\n");
  }

  static String type(JSONSchemaProps schema) {
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      return "integer or string";
    }
    String type = schema.getType();
    if (type == null) {
      return Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields()) ? "any" : "";
    }
    String base = switch (type) {
      case "array" -> {
        JSONSchemaProps items = schema.getItems() == null ? null : schema.getItems().getSchema();
        yield "[]" + (items == null ? "any" : type(items));
      }
      case "object" -> {
        JSONSchemaProps values = schema.getAdditionalProperties() == null ? null
            : schema.getAdditionalProperties().getSchema();
        yield values != null && schema.getProperties() == null ? "map[string]" + type(values) : "object";
      }
      default -> type;
    };
    return schema.getFormat() == null ? base : base + " (" + schema.getFormat() + ")";
  }

  /** Everything the API server checks of one field, in words a user reads. */
  static List<String> constraints(JSONSchemaProps schema, String path) {
    List<String> out = new ArrayList<>();
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      out.add("one of " + String.join(", ", schema.getEnum().stream().map(value -> "`" + json(value) + "`").toList()));
    }
    boolean exclusive = Boolean.TRUE.equals(schema.getExclusiveMinimum())
        || Boolean.TRUE.equals(schema.getExclusiveMaximum());
    if (schema.getMinimum() != null && schema.getMaximum() != null && !exclusive) {
      out.add(number(schema.getMinimum()) + " to " + number(schema.getMaximum()));
    } else {
      bound(out, schema.getMinimum(), Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? ">" : "≥");
      bound(out, schema.getMaximum(), Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? "<" : "≤");
    }
    length(out, "length", schema.getMinLength(), schema.getMaxLength());
    length(out, "items", schema.getMinItems(), schema.getMaxItems());
    length(out, "entries", schema.getMinProperties(), schema.getMaxProperties());
    if (schema.getPattern() != null) {
      out.add("matches `" + schema.getPattern() + "`");
    }
    if (Boolean.TRUE.equals(schema.getUniqueItems())) {
      out.add("items unique");
    }
    if (Boolean.TRUE.equals(schema.getNullable())) {
      out.add("may be null");
    }
    if (schema.getXKubernetesListType() != null) {
      String listType = schema.getXKubernetesListType();
      if ("map".equals(listType) && schema.getXKubernetesListMapKeys() != null) {
        out.add("list of unique entries keyed by " + codes(schema.getXKubernetesListMapKeys()));
      } else if ("set".equals(listType)) {
        out.add("a set (no duplicates)");
      } else if ("atomic".equals(listType)) {
        out.add("replaced as a whole by server-side apply");
      }
    }
    if (schema.getXKubernetesMapType() != null) {
      out.add("map type " + schema.getXKubernetesMapType());
    }
    if (Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
      out.add("any fields kept");
    }
    if (schema.getXKubernetesValidations() != null) {
      for (ValidationRule rule : schema.getXKubernetesValidations()) {
        out.add(rule(rule));
      }
    }
    return out;
  }

  private static void bound(List<String> out, Double value, String relation) {
    if (value != null) {
      out.add(relation + " " + number(value));
    }
  }

  private static void length(List<String> out, String what, Long min, Long max) {
    if (min != null && max != null) {
      out.add(what + " " + min + "–" + max);
    } else if (min != null) {
      out.add(what + " ≥ " + min);
    } else if (max != null) {
      out.add(what + " ≤ " + max);
    }
  }

  private static String rule(ValidationRule rule) {
    StringBuilder text = new StringBuilder("rule `").append(rule.getRule()).append('`');
    if (rule.getFieldPath() != null) {
      text.append(" (reported at `").append(rule.getFieldPath()).append("`)");
    }
    if (rule.getMessage() != null) {
      text.append(": “").append(oneLine(rule.getMessage())).append('”');
    } else if (rule.getMessageExpression() != null) {
      text.append(": message `").append(rule.getMessageExpression()).append('`');
    }
    return text.toString();
  }

  private static String number(Double value) {
    return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
  }

  private static String json(JsonNode value) {
    return value.isTextual() ? value.asText() : Serialization.asJson(value);
  }

  private static String codes(List<String> values) {
    return String.join(", ", values.stream().map(value -> "`" + value + "`").toList());
  }

  /** Prose on one line, with {@code <claim>}-style placeholders kept visible (Markdown would take them for HTML). */
  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ").replace("&", "&amp;")
        .replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Escapes what would end a table cell; GitHub keeps {@code \|} a pipe inside code spans in tables. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
