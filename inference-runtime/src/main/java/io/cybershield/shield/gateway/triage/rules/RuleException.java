package io.cybershield.shield.gateway.triage.rules;

/**
 * A rule file that cannot be used. The message names the file, the rule and the problem, because it is read by the
 * person who just edited a rule and whose build (or gateway start) failed on it.
 */
public final class RuleException extends RuntimeException {

  private final String file;
  private final String ruleId;
  private final String problem;

  public RuleException(String file, String ruleId, String problem) {
    super(file + ": rule " + ruleId + ": " + problem);
    this.file = file;
    this.ruleId = ruleId;
    this.problem = problem;
  }

  /** The rule file's name as listed in the index (or given to {@link RuleSet#parse}). */
  public String file() {
    return file;
  }

  /** The rule's id, or {@code "#n"} (its position in the file) when it has none. */
  public String ruleId() {
    return ruleId;
  }

  /** What is wrong, without the file and rule. */
  public String problem() {
    return problem;
  }
}
