package io.cybershield.shield.gateway.awareness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The answer about one email: the verdict, every indicator behind it (strongest first) and what the employee should
 * do.
 *
 * @param score the sum of the indicators' weights, for the tests and the tuning; not part of the answer
 */
@JsonPropertyOrder({"verdict", "indicators", "guidance"})
public record Assessment(Verdict verdict, List<Indicator> indicators, String guidance, @JsonIgnore int score) {

  public Assessment {
    indicators = List.copyOf(indicators);
  }

  /** The kinds of the indicators, in order, without repeats: what the audit log keeps of an analysis. */
  public List<String> kinds() {
    return indicators.stream().map(Indicator::kind).distinct().toList();
  }
}
