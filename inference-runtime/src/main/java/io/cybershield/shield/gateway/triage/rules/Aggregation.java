package io.cybershield.shield.gateway.triage.rules;

import java.time.Duration;

/**
 * {@code | count() by field >= N} or {@code | count(field) by field > N}: a threshold over the matching lines of one
 * request, per value of {@code byField} (the whole request without {@code by}), counting lines or distinct values
 * of {@code countField}; within {@code timeframe} when the lines carry timestamps.
 *
 * @param countField the field whose distinct values are counted, or null to count lines
 * @param byField the grouping field, or null for one group
 * @param operator {@code >}, {@code >=}, {@code <}, {@code <=} or {@code ==}
 * @param threshold the number compared with
 * @param timeframe the window, or null for the whole request
 */
record Aggregation(String countField, String byField, String operator, long threshold, Duration timeframe) {

  boolean reached(long count) {
    return switch (operator) {
      case ">" -> count > threshold;
      case ">=" -> count >= threshold;
      case "<" -> count < threshold;
      case "<=" -> count <= threshold;
      default -> count == threshold;
    };
  }

  /** True when a larger window can only help: then a sliding window finds the lines; else the group decides. */
  boolean rising() {
    return operator.startsWith(">");
  }

  String describe() {
    return "count(" + (countField == null ? "" : countField) + ")" + (byField == null ? "" : " by " + byField);
  }
}
