package io.cybershield.shield.gateway.triage;

import io.cybershield.shield.gateway.triage.attack.AttackCatalog;
import io.cybershield.shield.gateway.triage.attack.Tactic;
import io.cybershield.shield.gateway.triage.attack.Technique;
import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.rules.Evidence;
import io.cybershield.shield.gateway.triage.rules.Level;
import io.cybershield.shield.gateway.triage.rules.Rule;
import io.cybershield.shield.gateway.triage.rules.RuleHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules' view of a batch: the hits of the shipped rules, line by line, turned into assessments — techniques
 * checked against the ATT&CK catalog, a risk from the rules' levels, what the techniques are after and the context,
 * and the rules' own recommendations. A line only informational rules hit is no finding. Pure: the same lines and
 * rules give the same answer.
 *
 * <p>Risk: the highest level of the line's rules sets the base (low 30, medium 50, high 70, critical 88); what the
 * techniques are after adds up to 8 (impact most, then credential access and exfiltration, lateral movement and
 * privilege escalation, command and control, persistence and defense evasion); each further rule that agrees adds 4
 * (at most 8); a privileged account in the line (root, Administrator, SYSTEM, an admin or cluster-admin) adds 4.
 * Ransomware (a rule of category {@code ransomware}, or Data Encrypted for Impact / Inhibit System Recovery) is told
 * to isolate the host first and gets step-by-step remediation.
 */
final class RuleTriage {

  /** The parents of the techniques that mean ransomware is at work or about to be. */
  static final Set<String> RANSOMWARE_TECHNIQUES = Set.of("T1486", "T1490");
  static final String RANSOMWARE = "ransomware";
  private static final int MAX_EVIDENCE = 10;
  private static final Map<String, Integer> TACTIC_WEIGHT = Map.of(
      "impact", 8, "credential-access", 6, "exfiltration", 6, "lateral-movement", 5, "privilege-escalation", 5,
      "command-and-control", 4, "persistence", 3, "defense-evasion", 3);
  private static final List<String> ACCOUNT_FIELDS = List.of("User", "user", "SubjectUserName", "TargetUserName",
      "user.username", "userIdentity.arn", "actor.alternateId", "AccountName", "uid", "auid", "target_user");
  private static final Pattern PRIVILEGED = Pattern.compile(
      "(?i)(^|[^a-z])(root|administrator|admin|system|cluster-admin|domain admins|enterprise admins)([^a-z]|$)");
  private static final List<String> HOST_FIELDS = List.of("Computer", "host", "hostname", "host.name", "dvchost");

  /** The remediation of ransomware when its rule brings none: the steps an incident responder takes, in order. */
  static final List<String> RANSOMWARE_REMEDIATION = List.of(
      "Isolate the host now: EDR network containment, or unplug it from the network; keep it powered on so memory "
          + "can be captured.",
      "Disable the account that ran the command, reset its password and revoke its sessions and tickets.",
      "Block the binary's hash and any address it contacted in EDR and on the firewalls.",
      "Search every host for the same command and file names in the same time window, and isolate each one found.",
      "Preserve evidence: a memory image, the event logs, the ransom note and a few encrypted files.",
      "Check that the backups are intact and offline before restoring; rebuild the host from a known-good image and "
          + "restore its data from the last clean backup.",
      "Tell the incident lead and follow the ransomware playbook; nobody pays or contacts the attackers without the "
          + "approval it names.");

  private RuleTriage() {
  }

  /** The assessments of the lines the rules flagged, in line order. */
  static List<Assessment> assess(List<LogEvent> events, List<RuleHit> hits, AttackCatalog catalog) {
    Map<Integer, List<RuleHit>> byLine = new TreeMap<>();
    for (RuleHit hit : hits) {
      if (hit.rule().level() != Level.INFORMATIONAL) {
        byLine.computeIfAbsent(hit.index(), index -> new ArrayList<>()).add(hit);
      }
    }
    Map<Integer, LogEvent> eventsByIndex = new LinkedHashMap<>();
    events.forEach(event -> eventsByIndex.put(event.index(), event));
    List<Assessment> assessments = new ArrayList<>();
    byLine.forEach((index, lineHits) -> assessments.add(assess(eventsByIndex.get(index), index, lineHits, catalog)));
    return assessments;
  }

  private static Assessment assess(LogEvent event, int index, List<RuleHit> hits, AttackCatalog catalog) {
    List<RuleHit> ordered = new ArrayList<>(distinctRules(hits));
    ordered.sort(Comparator.comparing((RuleHit hit) -> hit.rule().level()).reversed());
    Map<String, Technique> techniques = new LinkedHashMap<>();
    Map<String, String> tactics = new LinkedHashMap<>();
    for (RuleHit hit : ordered) {
      for (String id : hit.rule().techniques()) {
        Optional<Technique> live = catalog.live(id);
        if (live.isPresent() && !techniques.containsKey(live.get().id())) {
          techniques.put(live.get().id(), live.get());
          tactics.put(live.get().id(), tactic(live.get(), hit.rule()));
        }
      }
    }
    boolean ransomware = ordered.stream().anyMatch(hit -> RANSOMWARE.equalsIgnoreCase(category(hit.rule())))
        || techniques.values().stream().anyMatch(technique -> RANSOMWARE_TECHNIQUES.contains(technique.parentId()));
    int risk = risk(ordered, tactics.values(), event);
    String recommendation = recommendation(ordered, ransomware, event);
    List<String> remediation = remediation(ordered, ransomware);
    List<TriageApi.Evidence> evidence = new ArrayList<>();
    for (RuleHit hit : ordered) {
      if (hit.evidence().isEmpty()) {
        evidence.add(new TriageApi.Evidence(hit.rule().id(), hit.rule().title(), null, null));
      }
      for (Evidence seen : hit.evidence()) {
        if (evidence.size() < MAX_EVIDENCE) {
          evidence.add(new TriageApi.Evidence(hit.rule().id(), hit.rule().title(), seen.field(), seen.value()));
        }
      }
    }
    return new Assessment(index, List.copyOf(techniques.values()), List.copyOf(tactics.values()), risk,
        recommendation, remediation, evidence.size() > MAX_EVIDENCE ? evidence.subList(0, MAX_EVIDENCE) : evidence,
        ransomware);
  }

  /** One hit per rule (an aggregation and a per-line rule may both name the same rule), evidence merged. */
  private static List<RuleHit> distinctRules(List<RuleHit> hits) {
    Map<String, RuleHit> byRule = new LinkedHashMap<>();
    for (RuleHit hit : hits) {
      byRule.merge(hit.rule().id(), hit, (first, second) -> {
        List<Evidence> evidence = new ArrayList<>(first.evidence());
        second.evidence().stream().filter(seen -> !evidence.contains(seen)).forEach(evidence::add);
        return new RuleHit(first.rule(), first.index(), evidence);
      });
    }
    return List.copyOf(byRule.values());
  }

  /** The tactic a rule says the technique serves here, when it is one of the technique's; else the first. */
  private static String tactic(Technique technique, Rule rule) {
    Set<String> named = new LinkedHashSet<>();
    for (String tag : rule.tactics()) {
      named.add(tag.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    for (Tactic tactic : technique.tactics()) {
      if (named.contains(tactic.shortname())) {
        return tactic.shortname();
      }
    }
    return technique.tactics().isEmpty() ? null : technique.tactics().get(0).shortname();
  }

  static int risk(List<RuleHit> ordered, java.util.Collection<String> tactics, LogEvent event) {
    int base = switch (ordered.get(0).rule().level()) {
      case CRITICAL -> 88;
      case HIGH -> 70;
      case MEDIUM -> 50;
      case LOW -> 30;
      case INFORMATIONAL -> 10;
    };
    int purpose = tactics.stream().filter(java.util.Objects::nonNull)
        .mapToInt(tactic -> TACTIC_WEIGHT.getOrDefault(tactic, 0)).max().orElse(0);
    int agreeing = Math.min(8, 4 * (ordered.size() - 1));
    int privileged = event != null && privileged(event) ? 4 : 0;
    return Math.min(100, base + purpose + agreeing + privileged);
  }

  private static boolean privileged(LogEvent event) {
    for (String field : ACCOUNT_FIELDS) {
      for (String value : event.values(field)) {
        if (value != null && value.length() < 256 && PRIVILEGED.matcher(value).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The risk in words. */
  static String severity(int risk) {
    return risk >= 85 ? "critical" : risk >= 65 ? "high" : risk >= 40 ? "medium" : "low";
  }

  private static String recommendation(List<RuleHit> ordered, boolean ransomware, LogEvent event) {
    List<String> said = new ArrayList<>();
    for (RuleHit hit : ordered) {
      String text = hit.rule().response() == null ? null : hit.rule().response().recommendation();
      if (text != null && !text.isBlank() && !said.contains(text.strip())) {
        said.add(text.strip());
      }
    }
    if (ransomware && (said.isEmpty() || !isolatesFirst(said.get(0)))) {
      said.add(0, isolation(host(event)));
    }
    if (said.isEmpty()) {
      return INVESTIGATE;
    }
    return said.size() == 1 ? said.get(0) : said.get(0) + " Also: " + said.get(1);
  }

  /** What a finding without a recommendation of its own tells the analyst. */
  static final String INVESTIGATE = "Investigate the line: confirm who or what did this and whether it was expected.";

  /** Whether a recommendation already starts with isolating the host, as ransomware's must. */
  static boolean isolatesFirst(String recommendation) {
    return recommendation.toLowerCase(Locale.ROOT).startsWith("isolate");
  }

  /** The first thing ransomware's recommendation says: isolate the host (named when the line names it). */
  static String isolation(String host) {
    return "Isolate " + (host == null ? "the host" : "host " + host) + " from the network now, before encryption "
        + "spreads, then follow the remediation steps in order.";
  }

  private static List<String> remediation(List<RuleHit> ordered, boolean ransomware) {
    for (RuleHit hit : ordered) {
      if (hit.rule().response() != null && hit.rule().response().remediation() != null
          && !hit.rule().response().remediation().isEmpty()) {
        return hit.rule().response().remediation();
      }
    }
    return ransomware ? RANSOMWARE_REMEDIATION : List.of();
  }

  private static String category(Rule rule) {
    return rule.response() == null ? null : rule.response().category();
  }

  private static String host(LogEvent event) {
    if (event == null) {
      return null;
    }
    for (String field : HOST_FIELDS) {
      Optional<String> value = event.first(field);
      if (value.isPresent() && !value.get().isBlank() && value.get().length() <= 255
          && value.get().matches("[A-Za-z0-9._-]+")) {
        return value.get();
      }
    }
    return null;
  }
}
