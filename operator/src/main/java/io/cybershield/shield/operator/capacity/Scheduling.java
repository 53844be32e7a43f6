package io.cybershield.shield.operator.capacity;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of kube-scheduler's filtering that decide which nodes a model pod may land on. */
final class Scheduling {

  static final String NO_SCHEDULE = "NoSchedule";
  static final String NO_EXECUTE = "NoExecute";

  private Scheduling() {
  }

  /** Whether node labels satisfy a nodeSelector; an empty or absent selector selects every node. */
  static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return true;
    }
    return selector.entrySet().stream()
        .allMatch(entry -> labels != null && entry.getValue() != null
            && entry.getValue().equals(labels.get(entry.getKey())));
  }

  /** The first taint that keeps a pod with these tolerations off the node (PreferNoSchedule never does). */
  static Optional<Taint> firstUntoleratedTaint(Collection<Taint> taints, Collection<Toleration> tolerations) {
    if (taints == null) {
      return Optional.empty();
    }
    List<Toleration> tols = tolerations == null ? List.of() : List.copyOf(tolerations);
    return taints.stream()
        .filter(taint -> NO_SCHEDULE.equals(taint.getEffect()) || NO_EXECUTE.equals(taint.getEffect()))
        .filter(taint -> tols.stream().noneMatch(tol -> tolerates(tol, taint)))
        .findFirst();
  }

  /**
   * Kubernetes toleration semantics: an empty effect matches every effect; an empty key with {@code Exists} matches
   * every taint; {@code Exists} ignores the value; {@code Equal} (the default operator) compares it.
   */
  static boolean tolerates(Toleration toleration, Taint taint) {
    if (!isEmpty(toleration.getEffect()) && !toleration.getEffect().equals(taint.getEffect())) {
      return false;
    }
    boolean exists = "Exists".equals(toleration.getOperator());
    if (isEmpty(toleration.getKey())) {
      return exists;
    }
    if (!toleration.getKey().equals(taint.getKey())) {
      return false;
    }
    if (exists) {
      return true;
    }
    return nullToEmpty(toleration.getValue()).equals(nullToEmpty(taint.getValue()));
  }

  static String describe(Taint taint) {
    return taint.getKey() + (isEmpty(taint.getValue()) ? "" : "=" + taint.getValue()) + ":" + taint.getEffect();
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
