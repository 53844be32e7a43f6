package io.cybershield.shield.gateway.triage.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A named detection item: an OR of alternatives (a list of maps in the rule), each an AND of field items (one map).
 */
record Selection(String name, List<List<FieldItem>> alternatives) {

  /** The evidence of the first alternative that matches, or null when none does. */
  List<Evidence> match(EventView view) {
    alternatives:
    for (List<FieldItem> items : alternatives) {
      List<Evidence> evidence = null;
      for (FieldItem item : items) {
        Evidence hit = item.match(view);
        if (hit == null) {
          continue alternatives;
        }
        if (evidence == null) {
          evidence = new ArrayList<>(items.size());
        }
        evidence.add(hit);
      }
      return evidence;
    }
    return null;
  }
}
