package io.cybershield.shield.gateway.triage.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A detection rule as its file describes it (Sigma's format with Shield's {@code shield:} block). The compiled
 * detection stays inside {@link RuleSet}: this record is what findings and documentation show.
 *
 * @param id unique, lower-case {@code [a-z0-9-]}
 * @param title one line
 * @param description why the behaviour matters
 * @param level Sigma's level
 * @param techniques ATT&CK technique ids from the {@code attack.tNNNN[.NNN]} tags, upper-cased, not validated here
 *     (the catalog does that: an unknown id is dropped by the service, not by the rule loader), in tag order
 * @param tactics tactic short names from the {@code attack.<tactic>} tags, with {@code _} written {@code -}
 * @param logsource the lines the rule is meant for
 * @param falsePositives Sigma's {@code falsepositives}
 * @param response what to do when it fires
 * @param status {@code stable}, {@code test} or {@code experimental}
 * @param tags every tag as written
 * @param file the rule file it came from
 */
public record Rule(String id, String title, String description, Level level, Set<String> techniques,
    Set<String> tactics, LogsourceSpec logsource, List<String> falsePositives, Response response, String status,
    List<String> tags, String file) {

  public Rule {
    description = description == null ? "" : description;
    techniques = Collections.unmodifiableSet(new LinkedHashSet<>(techniques));
    tactics = Collections.unmodifiableSet(new LinkedHashSet<>(tactics));
    falsePositives = List.copyOf(falsePositives);
    tags = List.copyOf(tags);
  }
}
