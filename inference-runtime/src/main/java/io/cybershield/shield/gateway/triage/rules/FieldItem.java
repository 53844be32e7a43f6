package io.cybershield.shield.gateway.triage.rules;

import java.util.List;

/**
 * One condition on one field (or, with a null field, on the raw line: keywords). The tests are ORed, or ANDed with
 * {@code |all}; {@code orNull} adds "absent or empty" (a {@code null} in the value list); {@code exists}, when not
 * null, replaces the tests.
 *
 * @param field the field looked up, or null for the raw line
 * @param shownField the name evidence shows ({@code "keywords"} for the raw line)
 * @param tests the compiled values
 * @param written the values as written in the rule, parallel to {@code tests}, shown as keyword evidence
 */
record FieldItem(String field, String shownField, List<ValueTest> tests, List<String> written, boolean all,
    boolean orNull, Boolean exists) {

  /** The evidence of a match, or null when the item does not match. */
  Evidence match(EventView view) {
    if (field == null) {
      return matchRaw(view);
    }
    List<String> values = view.values(field);
    if (exists != null) {
      boolean present = !values.isEmpty();
      return present == exists ? new Evidence(shownField, present ? values.get(0) : "(absent)") : null;
    }
    if (orNull && values.stream().allMatch(String::isEmpty)) {
      return new Evidence(shownField, "(absent)");
    }
    if (values.isEmpty() || tests.isEmpty()) {
      return null;
    }
    List<String> lower = view.lower(field);
    String first = null;
    for (ValueTest test : tests) {
      String matched = null;
      for (int i = 0; i < values.size(); i++) {
        if (test.test(values.get(i), lower.get(i))) {
          matched = values.get(i);
          break;
        }
      }
      if (matched != null && !all) {
        return new Evidence(shownField, matched);
      }
      if (matched == null && all) {
        return null;
      }
      if (first == null) {
        first = matched;
      }
    }
    return all ? new Evidence(shownField, first) : null;
  }

  private Evidence matchRaw(EventView view) {
    String raw = view.raw();
    String lower = view.rawLower();
    Evidence first = null;
    for (int i = 0; i < tests.size(); i++) {
      boolean hit = tests.get(i).test(raw, lower);
      if (hit && !all) {
        return new Evidence(shownField, written.get(i));
      }
      if (!hit && all) {
        return null;
      }
      if (first == null) {
        first = new Evidence(shownField, written.get(i));
      }
    }
    return all ? first : null;
  }
}
