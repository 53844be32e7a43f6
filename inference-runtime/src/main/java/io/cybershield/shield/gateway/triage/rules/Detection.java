package io.cybershield.shield.gateway.triage.rules;

import java.util.List;

/** A rule's compiled {@code detection}: selections, the condition over them and the optional aggregation. */
record Detection(List<Selection> selections, Condition condition, Aggregation aggregation) {
}
