package io.cybershield.shield.api.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks an OpenAPI schema of a CRD, naming each node by its path ({@code spec.variants[*].gpu}). */
public final class SchemaNodes {

  /** A node of a schema and the path that leads to it; the root has the empty path. */
  public record Node(String kind, String path, JSONSchemaProps schema) {

    public List<ValidationRule> rules() {
      return schema.getXKubernetesValidations() == null ? List.of() : schema.getXKubernetesValidations();
    }

    @Override
    public String toString() {
      return kind + " " + (path.isEmpty() ? "<root>" : path);
    }
  }

  /** A CEL rule and the node that carries it. */
  public record Rule(Node node, ValidationRule rule) {

    @Override
    public String toString() {
      return node + ": " + rule.getRule();
    }
  }

  private SchemaNodes() {
  }

  /** Every node of every Shield CRD. */
  public static List<Node> all() {
    List<Node> nodes = new ArrayList<>();
    ShieldCrds.generated().values().forEach(crd -> walk(crd.getSpec().getNames().getKind(), "",
        ShieldCrds.onlyVersion(crd).getSchema().getOpenAPIV3Schema(), nodes));
    return nodes;
  }

  /** Every CEL rule of every Shield CRD. */
  public static List<Rule> rules() {
    return all().stream().flatMap(node -> node.rules().stream().map(rule -> new Rule(node, rule))).toList();
  }

  /** The node at a path of a kind's schema, for example {@code spec.placement.privateCloud}. */
  public static JSONSchemaProps at(String kind, String path) {
    return all().stream()
        .filter(node -> node.kind().equals(kind) && node.path().equals(path))
        .map(Node::schema)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no schema node " + path + " in " + kind));
  }

  private static void walk(String kind, String path, JSONSchemaProps schema, List<Node> nodes) {
    nodes.add(new Node(kind, path, schema));
    if (schema.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
        walk(kind, path.isEmpty() ? property.getKey() : path + "." + property.getKey(), property.getValue(), nodes);
      }
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      walk(kind, path + "[*]", schema.getItems().getSchema(), nodes);
    }
    if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
      walk(kind, path + "[*]", schema.getAdditionalProperties().getSchema(), nodes);
    }
  }
}
