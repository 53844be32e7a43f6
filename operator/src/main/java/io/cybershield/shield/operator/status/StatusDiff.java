package io.cybershield.shield.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.api.v1alpha1.common.ShieldStatus;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Whether a new status differs from the old one in anything but the conditions' {@code lastTransitionTime}, so that
 * the reconciler patches status only when something a person or a controller could act on changed. Compares the
 * JSON the API server would store, so a field added to a status later is compared without changes here. Conditions
 * are compared by type, whatever their order.
 */
public final class StatusDiff {

  private StatusDiff() {
  }

  /** True when the statuses differ in anything other than condition timestamps. */
  public static boolean changed(ShieldStatus oldStatus, ShieldStatus newStatus) {
    if (oldStatus == null || newStatus == null) {
      return oldStatus != newStatus;
    }
    return !normalized(oldStatus).equals(normalized(newStatus));
  }

  private static JsonNode normalized(ShieldStatus status) {
    JsonNode json = Serialization.jsonMapper().valueToTree(status);
    if (json instanceof ObjectNode object && object.get("conditions") instanceof ArrayNode conditions) {
      List<JsonNode> sorted = new ArrayList<>();
      for (JsonNode condition : conditions) {
        if (condition instanceof ObjectNode conditionObject) {
          conditionObject.remove("lastTransitionTime");
        }
        sorted.add(condition);
      }
      sorted.sort(Comparator.comparing(condition -> Objects.toString(condition.path("type").asText(), "")));
      ArrayNode ordered = object.putArray("conditions");
      sorted.forEach(ordered::add);
    }
    return json;
  }
}
