package io.cybershield.shield.gateway.guard.output;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the output checks found in an answer: finding types (e.g. {@code aws_access_key_id}, {@code system_prompt},
 * {@code output_check_failed}) with counts. Only types and counts, never values, so a verdict can be logged, counted
 * in metrics and returned to a caller without carrying the secret it reports. Sorted by type so that two verdicts
 * print alike.
 */
public record OutputVerdict(Map<String, Integer> findings) {

  /** The type of a verbatim run of a system prompt in an answer. */
  public static final String SYSTEM_PROMPT = "system_prompt";
  /** The type reported when a check threw: the text it was checking was withheld. */
  public static final String CHECK_FAILED = "output_check_failed";

  public static final OutputVerdict CLEAN = new OutputVerdict(Map.of());

  public OutputVerdict {
    TreeMap<String, Integer> sorted = new TreeMap<>();
    if (findings != null) {
      findings.forEach((type, count) -> {
        if (type != null && count != null && count > 0) {
          sorted.merge(type, count, Integer::sum);
        }
      });
    }
    findings = Collections.unmodifiableMap(sorted);
  }

  /** One type found {@code count} times. */
  public static OutputVerdict of(String type, int count) {
    return new OutputVerdict(Map.of(type, count));
  }

  /** Nothing found: the answer went out as the model wrote it. */
  public boolean clean() {
    return findings.isEmpty();
  }

  /** Whether a check threw, so that the answer (or the rest of a stream) was withheld rather than sent unchecked. */
  public boolean failed() {
    return findings.containsKey(CHECK_FAILED);
  }

  /** How often a type was found. */
  public int count(String type) {
    return findings.getOrDefault(type, 0);
  }

  /** Both verdicts' counts summed: a stream's verdict grows piece by piece. */
  public OutputVerdict plus(OutputVerdict other) {
    if (other == null || other.clean()) {
      return this;
    }
    if (clean()) {
      return other;
    }
    TreeMap<String, Integer> sum = new TreeMap<>(findings);
    other.findings.forEach((type, count) -> sum.merge(type, count, Integer::sum));
    return new OutputVerdict(sum);
  }
}
