package io.cybershield.shield.gateway.triage.rules;

/**
 * Why a rule fired on a line: the field and the value in the line that matched, so a finding can be checked by eye.
 *
 * @param field the event's field name, {@code "keywords"} for a match anywhere in the line, or the aggregation
 *     ({@code "count() by IpAddress"}) for a threshold
 * @param value what matched, at most {@value #MAX_VALUE} characters
 */
public record Evidence(String field, String value) {

  /** Longer values are cut: evidence is for reading, and a 64 KiB script block would drown the answer. */
  public static final int MAX_VALUE = 200;

  public Evidence {
    field = field == null ? "" : field;
    value = value == null ? "" : value;
    if (value.length() > MAX_VALUE) {
      int end = MAX_VALUE;
      if (Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      value = value.substring(0, end);
    }
  }
}
