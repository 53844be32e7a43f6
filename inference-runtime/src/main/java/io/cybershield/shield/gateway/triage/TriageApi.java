package io.cybershield.shield.gateway.triage;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The answer of {@code POST /v1/triage} (described in {@code META-INF/openapi.yaml}). */
public final class TriageApi {

  private TriageApi() {
  }

  /**
   * The answer: the lines found worth a look, a summary for people, and whether the model took part.
   *
   * @param source        the source the lines were read as ({@code auto} when the request named none or an unknown one)
   * @param findings      one per flagged line, in line order
   * @param summary       one paragraph for people
   * @param modelUsed     whether an answer of the model was merged in (false: the shipped rules alone)
   * @param attackVersion the ATT&CK Enterprise version every technique id was checked against
   * @param rules         how many shipped rules read the lines
   * @param notes         what the caller should know about this answer (the model skipped, ids dropped, ...)
   */
  public record Response(String source, List<Finding> findings, String summary, boolean modelUsed,
                         String attackVersion, int rules, List<String> notes) {
  }

  /**
   * One flagged line.
   *
   * @param index          the line's index in the request
   * @param line           the line as sent
   * @param techniques     the ATT&CK techniques it shows, the most specific first; only live ids of the catalog
   * @param risk           0 (nothing) to 100 (act now)
   * @param severity       the risk in words: low, medium, high, critical
   * @param recommendation what to do, in one or two sentences
   * @param remediation    the steps, in order, for high-impact findings (ransomware and the like)
   * @param evidence       what matched: the rules and the field values they saw
   * @param origin         {@code rules}, {@code model} or {@code both}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Finding(int index, String line, List<Technique> techniques, int risk, String severity,
                        String recommendation, List<String> remediation, List<Evidence> evidence, String origin) {
  }

  /** A technique as ATT&CK names it; {@code tactic} is the one this finding shows, {@code tactics} all of them. */
  public record Technique(String id, String name, String tactic, List<String> tactics) {
  }

  /** A rule that matched a line, and what it saw ({@code field} is {@code keywords} for a raw-line match). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Evidence(String rule, String title, String field, String value) {
  }
}
