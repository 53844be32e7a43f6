package io.cybershield.shield.gateway.triage.rules;

import java.util.List;

/** The compiled boolean condition over a rule's selections (by index). */
sealed interface Condition {

  /** Per-event memo of the selections' results, so a selection named twice is matched once. */
  final class Memo {
    private final Selection[] selections;
    private final byte[] state;
    private final Object[] evidence;
    private EventView view;

    /** One memo per rule and evaluation, {@link #reset} for each event: no allocation per line. */
    Memo(List<Selection> selections) {
      this.selections = selections.toArray(Selection[]::new);
      this.state = new byte[this.selections.length];
      this.evidence = new Object[this.selections.length];
    }

    Memo reset(EventView next) {
      this.view = next;
      java.util.Arrays.fill(state, (byte) 0);
      java.util.Arrays.fill(evidence, null);
      return this;
    }

    boolean result(int selection) {
      if (state[selection] == 0) {
        List<Evidence> found = selections[selection].match(view);
        state[selection] = (byte) (found == null ? 1 : 2);
        evidence[selection] = found;
      }
      return state[selection] == 2;
    }

    @SuppressWarnings("unchecked")
    List<Evidence> evidence(int selection) {
      return result(selection) ? (List<Evidence>) evidence[selection] : List.of();
    }
  }

  boolean eval(Memo memo);

  /** Adds the evidence of the selections that made the condition true (not those under a {@code not}). */
  void collect(Memo memo, boolean negated, List<Evidence> into);

  record Ref(int selection) implements Condition {
    @Override
    public boolean eval(Memo memo) {
      return memo.result(selection);
    }

    @Override
    public void collect(Memo memo, boolean negated, List<Evidence> into) {
      if (!negated && memo.result(selection)) {
        for (Evidence evidence : memo.evidence(selection)) {
          if (!into.contains(evidence)) {
            into.add(evidence);
          }
        }
      }
    }
  }

  record And(List<Condition> parts) implements Condition {
    @Override
    public boolean eval(Memo memo) {
      for (Condition part : parts) {
        if (!part.eval(memo)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collect(Memo memo, boolean negated, List<Evidence> into) {
      for (Condition part : parts) {
        part.collect(memo, negated, into);
      }
    }
  }

  record Or(List<Condition> parts) implements Condition {
    @Override
    public boolean eval(Memo memo) {
      for (Condition part : parts) {
        if (part.eval(memo)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collect(Memo memo, boolean negated, List<Evidence> into) {
      for (Condition part : parts) {
        if (negated || part.eval(memo)) {
          part.collect(memo, negated, into);
        }
      }
    }
  }

  record Not(Condition inner) implements Condition {
    @Override
    public boolean eval(Memo memo) {
      return !inner.eval(memo);
    }

    @Override
    public void collect(Memo memo, boolean negated, List<Evidence> into) {
      inner.collect(memo, !negated, into);
    }
  }
}
