package io.cybershield.shield.deploy.chart;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * RBAC rules flattened into single grants, {@code group/resource verb} or {@code group/resource verb name}, so that
 * two sets of rules can be compared however they are grouped. The core group is written {@code core}.
 */
final class RbacRules {

  private RbacRules() {
  }

  static Set<String> grants(Collection<PolicyRule> rules) {
    Set<String> grants = new TreeSet<>();
    for (PolicyRule rule : rules) {
      List<String> names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
          ? List.of("") : rule.getResourceNames();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            for (String name : names) {
              grants.add(grant(group, resource, verb, name));
            }
          }
        }
      }
    }
    return grants;
  }

  static String grant(String group, String resource, String verb, String name) {
    return ((group.isEmpty() ? "core" : group) + "/" + resource + " " + verb + (name.isEmpty() ? "" : " " + name));
  }

  /**
   * Whether {@code granted} allows {@code wanted}: the same grant, or the grant without a name (any name) when the
   * wanted one names an object.
   */
  static boolean allows(Set<String> granted, String wanted) {
    if (granted.contains(wanted)) {
      return true;
    }
    String[] parts = wanted.split(" ");
    return parts.length == 3 && granted.contains(parts[0] + " " + parts[1]);
  }

  /** Every value of a rule that is or contains "*": apiGroups, resources, verbs, resource names, URLs. */
  static List<String> wildcards(PolicyRule rule) {
    return java.util.stream.Stream.of(rule.getApiGroups(), rule.getResources(), rule.getVerbs(),
            rule.getResourceNames(), rule.getNonResourceURLs())
        .filter(list -> list != null).flatMap(List::stream).filter(v -> v.contains("*")).toList();
  }
}
