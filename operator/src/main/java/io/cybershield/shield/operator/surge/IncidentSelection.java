package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Which ShieldModels a ShieldIncident selects: those in its namespace whose labels match its modelSelector. */
public final class IncidentSelection {

  private IncidentSelection() {
  }

  /**
   * Whether {@code incident} selects {@code model}: same namespace, and the model's labels match
   * {@code spec.modelSelector} (matchLabels and every matchExpression: In, NotIn, Exists, DoesNotExist). A null or
   * empty selector selects every model in the namespace; an unknown operator matches nothing.
   */
  public static boolean selects(ShieldIncident incident, ShieldModel model) {
    if (!Objects.equals(incident.getMetadata().getNamespace(), model.getMetadata().getNamespace())) {
      return false;
    }
    LabelSelector selector = incident.getSpec() == null ? null : incident.getSpec().modelSelector();
    Map<String, String> labels = model.getMetadata().getLabels() == null ? Map.of()
        : model.getMetadata().getLabels();
    return matches(selector, labels);
  }

  /** Whether {@code labels} match {@code selector} with Kubernetes' semantics; null selects everything. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
        if (!Objects.equals(labels.get(wanted.getKey()), wanted.getValue())) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
        if (!matches(requirement, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String key = requirement.getKey();
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    boolean present = labels.containsKey(key);
    String operator = requirement.getOperator() == null ? "" : requirement.getOperator();
    return switch (operator) {
      case "In" -> present && values.contains(labels.get(key));
      case "NotIn" -> !present || !values.contains(labels.get(key));
      case "Exists" -> present;
      case "DoesNotExist" -> !present;
      default -> false;
    };
  }
}
